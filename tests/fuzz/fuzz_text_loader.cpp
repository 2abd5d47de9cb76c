// libFuzzer target: the plain-text loader, with the encoding detection of TextDecoder (BOMs, UTF-16,
// uchardet).
#include "engine/ingest/text_loader.h"
#include "tests/fuzz/loader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const docrag::TextLoader loader;
    docrag::fuzz::loadAndCheck(loader, "/fuzz/notes.txt", data, size);
    return 0;
}
