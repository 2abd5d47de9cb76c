#pragma once

#include "engine/ingest/loader.h"

namespace docrag {

// CommonMark via md4c: headings (with GitHub-style anchors), paragraphs, fenced and indented code with its
// language, line ranges.
class MarkdownLoader final : public Loader {
public:
    Result<ParsedDocument> load(const QString& path, const QByteArray& bytes) const override;
};

} // namespace docrag
