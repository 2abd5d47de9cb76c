#include "engine/ingest/text_decoder.h"

#include <QStringDecoder>

#include <algorithm>
#include <cerrno>
#include <iconv.h>
#include <memory>
#include <uchardet.h>

namespace docrag {
namespace {

constexpr qsizetype kSniffBytes = 8192;

struct Bom final {
    QByteArrayView marker;
    QStringConverter::Encoding encoding;
    const char* name;
};

const Bom* findBom(QByteArrayView bytes) {
    // UTF-32LE must be tested before UTF-16LE: its BOM starts with the same two bytes.
    static const Bom boms[] = {
        {QByteArrayView("\xEF\xBB\xBF", 3), QStringConverter::Utf8, "UTF-8"},
        {QByteArrayView("\xFF\xFE\x00\x00", 4), QStringConverter::Utf32LE, "UTF-32LE"},
        {QByteArrayView("\x00\x00\xFE\xFF", 4), QStringConverter::Utf32BE, "UTF-32BE"},
        {QByteArrayView("\xFF\xFE", 2), QStringConverter::Utf16LE, "UTF-16LE"},
        {QByteArrayView("\xFE\xFF", 2), QStringConverter::Utf16BE, "UTF-16BE"},
    };
    for (const Bom& bom : boms) {
        if (bytes.startsWith(bom.marker))
            return &bom;
    }
    return nullptr;
}

QString detectCharset(QByteArrayView bytes) {
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(uchardet_new(),
                                                                                            &uchardet_delete);
    if (uchardet_handle_data(detector.get(), bytes.data(), static_cast<size_t>(bytes.size())) != 0)
        return {};
    uchardet_data_end(detector.get());
    return QString::fromLatin1(uchardet_get_charset(detector.get()));
}

// iconv knows far more legacy encodings than QStringConverter does in Qt 6.4.
Result<DecodedText> decodeWithIconv(QByteArrayView bytes, const QString& charset) {
    iconv_t cd = iconv_open("UTF-16LE", charset.toLatin1().constData());
    if (cd == reinterpret_cast<iconv_t>(-1))
        return Error{ErrorCode::Encoding, QStringLiteral("unsupported text encoding %1").arg(charset)};

    DecodedText decoded;
    decoded.encoding = charset.toUpper();
    QByteArray out;
    out.resize(bytes.size() * 4 + 16);
    char* in = const_cast<char*>(bytes.data());
    size_t inLeft = static_cast<size_t>(bytes.size());
    char* outPtr = out.data();
    size_t outLeft = static_cast<size_t>(out.size());
    while (inLeft > 0) {
        if (iconv(cd, &in, &inLeft, &outPtr, &outLeft) != static_cast<size_t>(-1))
            break;
        if (errno == EILSEQ || errno == EINVAL) {
            // Replace the undecodable byte and carry on: one bad byte must not cost the file.
            ++in;
            --inLeft;
            if (outLeft >= 2) {
                *outPtr++ = '\xFD';
                *outPtr++ = '\xFF';
                outLeft -= 2;
            }
            decoded.lossy = true;
            continue;
        }
        iconv_close(cd);
        return Error{ErrorCode::Encoding, QStringLiteral("cannot decode text as %1").arg(charset)};
    }
    iconv_close(cd);
    const auto written = static_cast<qsizetype>(out.size() - static_cast<qsizetype>(outLeft));
    decoded.text = QString(reinterpret_cast<const QChar*>(out.constData()), written / 2);
    return decoded;
}

qsizetype codeUnitSize(QStringConverter::Encoding encoding) {
    switch (encoding) {
    case QStringConverter::Utf16LE:
    case QStringConverter::Utf16BE:
        return 2;
    case QStringConverter::Utf32LE:
    case QStringConverter::Utf32BE:
        return 4;
    default:
        return 1;
    }
}

DecodedText decodeWithQt(QByteArrayView bytes, QStringConverter::Encoding encoding, const char* name) {
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    DecodedText decoded;
    decoded.text = decoder.decode(bytes);
    decoded.encoding = QString::fromLatin1(name);
    // A stateless UTF-16/32 decoder turns a trailing partial code unit into U+FFFD without
    // reporting an error.
    decoded.lossy = decoder.hasError() || bytes.size() % codeUnitSize(encoding) != 0;
    return decoded;
}

// UTF-8 cut inside its last character (a truncated download) is still UTF-8, whatever a
// statistical detector would guess from the rest. Only when the rest shows UTF-8 characters:
// a lone trailing 0xE9 is more likely a Latin-1 "é".
bool isUtf8WithTruncatedTail(QByteArrayView bytes) {
    qsizetype lead = bytes.size();
    for (int back = 0; back < 3 && lead > 0; ++back) {
        const auto c = static_cast<unsigned char>(bytes[--lead]);
        if (c >= 0xC2 && c <= 0xF4) {
            const qsizetype needed = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            const QByteArrayView rest = bytes.first(lead);
            const bool hasMultibyte = std::any_of(
                rest.begin(), rest.end(), [](char b) { return static_cast<unsigned char>(b) >= 0x80; });
            return bytes.size() - lead < needed && hasMultibyte && rest.isValidUtf8();
        }
        if ((c & 0xC0) != 0x80)
            return false;
    }
    return false;
}

// Labels that mean windows-1252 in practice (as in the WHATWG Encoding Standard): "Latin-1" text
// uses 0x80-0x9F for curly quotes and dashes, never for C1 control characters.
QString iconvCharset(const QString& detected) {
    if (detected.compare(QLatin1String("ISO-8859-1"), Qt::CaseInsensitive) == 0 ||
        detected.compare(QLatin1String("ASCII"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("WINDOWS-1252");
    return detected;
}

} // namespace

bool TextDecoder::looksBinary(QByteArrayView bytes) {
    const QByteArrayView head = bytes.first(std::min(bytes.size(), kSniffBytes));
    qsizetype control = 0;
    for (const char c : head) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0)
            return true;
        if (u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != '\v' && u != 0x1B)
            ++control;
    }
    return !head.isEmpty() && control * 10 > head.size();
}

Result<DecodedText> TextDecoder::decode(QByteArrayView bytes) {
    if (const Bom* bom = findBom(bytes))
        return decodeWithQt(bytes.sliced(bom->marker.size()), bom->encoding, bom->name);
    if (looksBinary(bytes))
        return Error{ErrorCode::Unsupported, QStringLiteral("binary content")};

    DecodedText utf8 = decodeWithQt(bytes, QStringConverter::Utf8, "UTF-8");
    if (!utf8.lossy || isUtf8WithTruncatedTail(bytes))
        return utf8;

    const QString charset = detectCharset(bytes);
    if (charset.isEmpty() || charset.compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) == 0) {
        // Mostly UTF-8 with a few broken sequences: keep the text, say what was lost.
        if (!charset.isEmpty())
            return utf8;
        return Error{ErrorCode::Encoding, QStringLiteral("unknown text encoding (not valid UTF-8)")};
    }
    return decodeWithIconv(bytes, iconvCharset(charset));
}

QString TextDecoder::noteFor(const DecodedText& decoded) {
    QString note;
    if (decoded.encoding != QLatin1String("UTF-8"))
        note = QStringLiteral("decoded as %1").arg(decoded.encoding);
    if (decoded.lossy) {
        if (!note.isEmpty())
            note += QLatin1String("; ");
        note += QStringLiteral("undecodable bytes replaced");
    }
    return note;
}

} // namespace docrag
