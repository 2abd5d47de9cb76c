// libFuzzer target: the Markdown loader (md4c): headings, fences, tables, lists, HTML blocks.
#include "engine/ingest/markdown_loader.h"
#include "tests/fuzz/loader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const docrag::MarkdownLoader loader;
    docrag::fuzz::loadAndCheck(loader, "/fuzz/guide.md", data, size);
    return 0;
}
