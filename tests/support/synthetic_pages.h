#pragma once

#include <QString>

namespace docrag::test {

class TempTree;

// Markdown pages about one topic with words that differ from page to page, for the stress suites:
// enough text that an ingest takes a moment, and phrases their questions find ("the alpha option",
// "the alpha setting", "the alpha flag").
class SyntheticPages final {
public:
    // Writes `pages` pages into `folder` of `tree` (folder/p0000.md, …).
    static void write(const TempTree& tree, const QString& folder, const QString& topic, int pages);
};

} // namespace docrag::test
