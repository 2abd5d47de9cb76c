#pragma once

#include "engine/ingest/loader.h"

namespace docrag {

// PDF via poppler-cpp: the text of each page with its page number.
class PdfLoader final : public Loader {
public:
    Result<ParsedDocument> load(const QString& path, const QByteArray& bytes) const override;
};

} // namespace docrag
