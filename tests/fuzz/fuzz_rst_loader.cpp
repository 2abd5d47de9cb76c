// libFuzzer target: the reStructuredText loader: section underlines, directives, literal blocks, tables.
#include "engine/ingest/rst_loader.h"
#include "tests/fuzz/loader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const docrag::RstLoader loader;
    docrag::fuzz::loadAndCheck(loader, "/fuzz/index.rst", data, size);
    return 0;
}
