// The PDF module, docrag_pdf.so: poppler-cpp behind the C functions of pdf_module_abi.h. Loaded by
// PdfModule on the first PDF a process reads.
#include "engine/ingest/pdf_module_abi.h"

#include <atomic>
#include <exception>
#include <memory>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <string>

#define DOCRAG_PDF_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

std::atomic<DocragPdfLogFunction> g_log{nullptr};

void routeMessages(const std::string& message, void*) {
    if (const DocragPdfLogFunction log = g_log.load())
        log(message.data(), message.size());
}

int read(const char* data, int size, const DocragPdfSink& sink) {
    const std::unique_ptr<poppler::document> pdf(poppler::document::load_from_raw_data(data, size));
    if (!pdf)
        return DocragPdfNotPdf;
    if (pdf->is_locked())
        return DocragPdfLocked;
    const poppler::byte_array title = pdf->get_title().to_utf8();
    sink.title(sink.context, title.data(), title.size());
    const int pages = pdf->pages();
    for (int index = 0; index < pages; ++index) {
        const std::unique_ptr<poppler::page> page(pdf->create_page(index));
        if (!page)
            continue;
        const poppler::byte_array utf8 = page->text().to_utf8();
        if (!sink.page(sink.context, index + 1, utf8.data(), utf8.size()))
            break;
    }
    return DocragPdfOk;
}

} // namespace

DOCRAG_PDF_EXPORT int docrag_pdf_abi_version() {
    return docrag::kPdfModuleAbiVersion;
}

DOCRAG_PDF_EXPORT void docrag_pdf_set_log(DocragPdfLogFunction log) {
    g_log.store(log);
    poppler::set_debug_error_function(&routeMessages, nullptr);
}

DOCRAG_PDF_EXPORT int docrag_pdf_read(const char* data, int size, const DocragPdfSink* sink) {
    // Nothing may cross the C boundary as an exception: poppler's are told as the document's error.
    try {
        return read(data, size, *sink);
    } catch (const std::exception& e) {
        const std::string what = e.what();
        sink->error(sink->context, what.data(), what.size());
    } catch (...) {
        static const std::string what = "poppler failed";
        sink->error(sink->context, what.data(), what.size());
    }
    return DocragPdfFailed;
}
