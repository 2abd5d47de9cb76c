#pragma once

#include "engine/ingest/loader.h"

namespace docrag {

// CommonMark via md4c: headings (with GitHub-style anchors), paragraphs, fenced and indented code with its
// language, line ranges.
class MarkdownLoader final : public Loader {
protected:
    Result<ParsedDocument> parse(const QString& path, const QByteArray& bytes,
                                 BlockBudget& budget) const override;
};

} // namespace docrag
