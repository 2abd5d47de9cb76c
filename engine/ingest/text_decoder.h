#pragma once

#include "engine/core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace docrag {

struct DecodedText final {
    QString text;
    QString encoding;   // "UTF-8", "UTF-16LE", "WINDOWS-1252", ...
    bool lossy = false; // some bytes could not be decoded and became U+FFFD
};

// Finds the encoding of a text file (BOM, UTF-8 validity, then uchardet) and decodes it.
class TextDecoder final {
public:
    // NUL bytes or many control characters in the first 8 KiB.
    static bool looksBinary(QByteArrayView bytes);
    // Error(Unsupported) for binary content, Error(Encoding) when no encoding fits.
    static Result<DecodedText> decode(QByteArrayView bytes);
    // The note a loader adds to ParsedDocument::notes, or empty for clean UTF-8.
    static QString noteFor(const DecodedText& decoded);
};

} // namespace docrag
