// libFuzzer target: the PDF loader (poppler-cpp) on broken and hostile files.
#include "engine/ingest/pdf_loader.h"
#include "tests/fuzz/loader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const docrag::PdfLoader loader;
    docrag::fuzz::loadAndCheck(loader, "/fuzz/manual.pdf", data, size);
    return 0;
}
