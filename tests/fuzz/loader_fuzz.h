#pragma once

#include "engine/ingest/loader.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace docrag::fuzz {

// Stops the run the way a sanitizer does, so that libFuzzer saves the input as a crash.
[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

// Loads one input and checks what every loader promises: an error value or blocks whose source
// locations make sense (a citation that says "lines 12-9" or "page -1" would send the reader nowhere).
inline void loadAndCheck(const Loader& loader, const char* path, const uint8_t* data, size_t size) {
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const Result<ParsedDocument> doc = loader.load(QString::fromLatin1(path), bytes);
    if (!doc)
        return;
    for (const Block& block : doc->blocks) {
        if (block.lineStart < 0 || block.lineEnd < 0 || block.page < 0)
            fail("negative source location");
        if (block.lineStart > 0 && block.lineEnd < block.lineStart)
            fail("line range ends before it starts");
        if (block.kind == BlockKind::Heading && block.level < 1)
            fail("heading without a level");
    }
}

} // namespace docrag::fuzz
