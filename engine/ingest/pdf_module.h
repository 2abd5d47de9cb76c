#pragma once

#include "engine/core/result.h"
#include "engine/ingest/pdf_module_abi.h"

#include <QString>
#include <QStringList>

namespace docrag {

// The PDF module (docrag_pdf.so), loaded on first use from lib/docrag/plugins beside the program's bin
// folder (also two levels up: the build tree's tests and fuzz targets). Loaded once per process and kept.
class PdfModule final {
public:
    // The module, or why there is none (not installed, or of another version).
    static Result<const PdfModule*> get();

    // Reads a document; see pdf_module_abi.h.
    int read(const char* data, int size, const DocragPdfSink& sink) const {
        return m_read(data, size, &sink);
    }

    // Where it looks for the module, in order, for a program in `applicationDir`.
    static QStringList candidatesFor(const QString& applicationDir);

private:
    explicit PdfModule(DocragPdfReadFunction read)
        : m_read(read) {}
    static Result<const PdfModule*> load();

    DocragPdfReadFunction m_read;
};

} // namespace docrag
