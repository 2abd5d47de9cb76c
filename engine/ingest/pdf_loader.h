#pragma once

#include "engine/ingest/loader.h"

namespace docrag {

// PDF via poppler-cpp, in the PDF module (PdfModule): the text of each page with its page number.
class PdfLoader final : public Loader {
protected:
    Result<ParsedDocument> parse(const QString& path, const QByteArray& bytes,
                                 BlockBudget& budget) const override;
};

} // namespace docrag
