#pragma once

#include "engine/core/block.h"
#include "engine/core/parsed_document.h"

#include <QString>
#include <QStringList>

namespace docrag::test {

// Loader output as text, one line per block, so that comparing a whole document shows every
// difference at once: "KIND [pPAGE ]START-END #ANCHOR TEXT" where KIND is H<level>, /H<level>
// (HeadingEnd), P or C[language]. The page shows only when it is set, as for PDF blocks, so a
// page where none belongs fails the comparison too.
class BlockDump final {
public:
    BlockDump() = delete;

    static QString describe(const Block& block);
    static QStringList describeAll(const ParsedDocument& document);
};

} // namespace docrag::test
