#pragma once

#include "engine/ingest/loader.h"

namespace docrag {

// Plain text: paragraphs separated by blank lines, with line ranges.
class TextLoader final : public Loader {
protected:
    Result<ParsedDocument> parse(const QString& path, const QByteArray& bytes,
                                 BlockBudget& budget) const override;
};

} // namespace docrag
