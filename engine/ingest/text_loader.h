#pragma once

#include "engine/ingest/loader.h"

namespace docrag {

// Plain text: paragraphs separated by blank lines, with line ranges.
class TextLoader final : public Loader {
public:
    Result<ParsedDocument> load(const QString& path, const QByteArray& bytes) const override;
};

} // namespace docrag
