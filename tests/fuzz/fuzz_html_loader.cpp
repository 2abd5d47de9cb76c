// libFuzzer target: the HTML loader (gumbo): nesting, definition lists, navigation, anchors.
#include "engine/ingest/html_loader.h"
#include "tests/fuzz/loader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const docrag::HtmlLoader loader;
    docrag::fuzz::loadAndCheck(loader, "/fuzz/page.html", data, size);
    return 0;
}
