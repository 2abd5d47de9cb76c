#include "engine/ingest/text_decoder.h"

#include <QTest>

namespace docrag {
namespace {

DecodedText decodeOk(const QByteArray& bytes) {
    Result<DecodedText> result = TextDecoder::decode(bytes);
    if (!result)
        qFatal("decode failed: %s", qPrintable(result.error().message));
    return std::move(result).value();
}

QByteArray utf16le(const QString& text) {
    return QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
}

QByteArray utf16be(const QString& text) {
    QByteArray out;
    for (const QChar c : text) {
        out += static_cast<char>(c.unicode() >> 8);
        out += static_cast<char>(c.unicode() & 0xFF);
    }
    return out;
}

QByteArray utf32le(const QString& text) {
    QByteArray out;
    for (const uint u : text.toUcs4()) {
        for (int shift = 0; shift < 32; shift += 8)
            out += static_cast<char>((u >> shift) & 0xFF);
    }
    return out;
}

QByteArray utf32be(const QString& text) {
    QByteArray out;
    for (const uint u : text.toUcs4()) {
        for (int shift = 24; shift >= 0; shift -= 8)
            out += static_cast<char>((u >> shift) & 0xFF);
    }
    return out;
}

// Long enough for the charset detector to be sure; 0x93/0x94/0x96/0x92 only exist in windows-1252.
const QByteArray kWindows1252 =
    "Le caf\xE9 est tr\xE8s bon, le th\xE9 aussi; \x93quoted\x94 na\xEFve. D\xE9j\xE0 vu \x96 "
    "\xE9t\xE9 \xE0 la fran\xE7"
    "aise, c\x92"
    "est la cr\xE8me br\xFBl\xE9"
    "e.\n";
const QString kWindows1252Text =
    QStringLiteral("Le caf\u00E9 est tr\u00E8s bon, le th\u00E9 aussi; \u201Cquoted\u201D "
                   "na\u00EFve. D\u00E9j\u00E0 vu \u2013 \u00E9t\u00E9 \u00E0 la "
                   "fran\u00E7aise, c\u2019est la cr\u00E8me br\u00FBl\u00E9e.\n");

} // namespace

class TestTextDecoder final : public QObject {
    Q_OBJECT

private slots:
    void looksBinary_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("binary");
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("text with tabs, CRLF, form feed, vertical tab, ESC")
            << QByteArray("a\tb\r\nc\fd\ve\x1B[0m\n") << false;
        QTest::newRow("one NUL") << QByteArray("text\0more", 9) << true;
        QTest::newRow("NUL after the first 8 KiB") << QByteArray(8192, 'a') + QByteArray(1, '\0') << false;
        QTest::newRow("10% control characters") << QByteArray(90, 'a') + QByteArray(10, '\x01') << false;
        QTest::newRow("11% control characters") << QByteArray(89, 'a') + QByteArray(11, '\x01') << true;
        QTest::newRow("PNG header") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) << true;
    }

    void looksBinary() {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, binary);
        QCOMPARE(TextDecoder::looksBinary(bytes), binary);
    }

    void cleanUtf8() {
        const DecodedText decoded = decodeOk("caf\xC3\xA9 \xE2\x82\xAC 1\n\xF0\x9F\x98\x80");
        QCOMPARE(decoded.text, QStringLiteral("caf\u00E9 \u20AC 1\n\U0001F600"));
        QCOMPARE(decoded.encoding, QStringLiteral("UTF-8"));
        QVERIFY(!decoded.lossy);
        QCOMPARE(TextDecoder::noteFor(decoded), QString());
    }

    void emptyInputIsEmptyUtf8() {
        const DecodedText decoded = decodeOk(QByteArray());
        QVERIFY(decoded.text.isEmpty());
        QCOMPARE(decoded.encoding, QStringLiteral("UTF-8"));
        QVERIFY(!decoded.lossy);
    }

    void byteOrderMarks_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("note");
        const QString text = QStringLiteral("Gr\u00FC\u00DFe \U0001F600\nline");
        QTest::newRow("UTF-8") << QByteArray("\xEF\xBB\xBF") + text.toUtf8() << "UTF-8"
                               << "";
        QTest::newRow("UTF-16LE") << QByteArray("\xFF\xFE", 2) + utf16le(text) << "UTF-16LE"
                                  << "decoded as UTF-16LE";
        QTest::newRow("UTF-16BE") << QByteArray("\xFE\xFF", 2) + utf16be(text) << "UTF-16BE"
                                  << "decoded as UTF-16BE";
        QTest::newRow("UTF-32LE") << QByteArray("\xFF\xFE\0\0", 4) + utf32le(text) << "UTF-32LE"
                                  << "decoded as UTF-32LE";
        QTest::newRow("UTF-32BE") << QByteArray("\0\0\xFE\xFF", 4) + utf32be(text) << "UTF-32BE"
                                  << "decoded as UTF-32BE";
    }

    void byteOrderMarks() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(QString, note);
        const DecodedText decoded = decodeOk(bytes);
        QCOMPARE(decoded.text, QStringLiteral("Gr\u00FC\u00DFe \U0001F600\nline"));
        QCOMPARE(decoded.encoding, encoding);
        QVERIFY(!decoded.lossy);
        QCOMPARE(TextDecoder::noteFor(decoded), note);
    }

    void utf16WithOddTrailingByteIsLossy() {
        const DecodedText decoded = decodeOk(QByteArray("\xFF\xFEh\0i", 5));
        QCOMPARE(decoded.text, QStringLiteral("h\uFFFD"));
        QVERIFY(decoded.lossy);
        QCOMPARE(TextDecoder::noteFor(decoded),
                 QStringLiteral("decoded as UTF-16LE; undecodable bytes replaced"));
    }

    void windows1252IsDetected() {
        const DecodedText decoded = decodeOk(kWindows1252);
        QCOMPARE(decoded.encoding, QStringLiteral("WINDOWS-1252"));
        QCOMPARE(decoded.text, kWindows1252Text);
        QVERIFY(!decoded.lossy);
        QCOMPARE(TextDecoder::noteFor(decoded), QStringLiteral("decoded as WINDOWS-1252"));
    }

    void latin1IsDecodedAsWindows1252() {
        // The detector calls this ISO-8859-1; it is decoded as its superset windows-1252.
        const QByteArray latin1 = "Gr\xFC\xDF"
                                  "e aus M\xFC"
                                  "nchen. Die Stra\xDF"
                                  "e ist sch\xF6n und die B\xE4ume sind gr\xFCn. \xDC"
                                  "ber alles.\n";
        const DecodedText decoded = decodeOk(latin1);
        QCOMPARE(decoded.encoding, QStringLiteral("WINDOWS-1252"));
        QCOMPARE(decoded.text,
                 QStringLiteral("Gr\u00FC\u00DFe aus M\u00FCnchen. Die Stra\u00DFe ist sch\u00F6n und "
                                "die B\u00E4ume sind gr\u00FCn. \u00DCber alles.\n"));
        QVERIFY(!decoded.lossy);
    }

    void undefinedWindows1252ByteIsReplaced() {
        // The stray 0x81 makes the detector say ISO-8859-1, where 0x93/0x94/0x96/0x92 would be C1
        // control characters; decoding as windows-1252 keeps the punctuation and replaces 0x81.
        QByteArray bytes = kWindows1252;
        bytes.insert(bytes.indexOf("D\xE9j\xE0"), "\x81 ");
        QString expected = kWindows1252Text;
        expected.insert(expected.indexOf(QStringLiteral("D\u00E9j\u00E0")), QStringLiteral("\uFFFD "));
        const DecodedText decoded = decodeOk(bytes);
        QCOMPARE(decoded.encoding, QStringLiteral("WINDOWS-1252"));
        QCOMPARE(decoded.text, expected);
        QVERIFY(decoded.lossy);
        QCOMPARE(TextDecoder::noteFor(decoded),
                 QStringLiteral("decoded as WINDOWS-1252; undecodable bytes replaced"));
    }

    void mostlyUtf8WithABadByteStaysUtf8() {
        const DecodedText decoded =
            decodeOk("This is a long English text with caf\xC3\xA9 and na\xC3\xAFve words and "
                     "one bad \xFF byte here.\n");
        QCOMPARE(decoded.encoding, QStringLiteral("UTF-8"));
        QCOMPARE(decoded.text,
                 QStringLiteral("This is a long English text with caf\u00E9 and na\u00EFve words and "
                                "one bad \uFFFD byte here.\n"));
        QVERIFY(decoded.lossy);
        QCOMPARE(TextDecoder::noteFor(decoded), QStringLiteral("undecodable bytes replaced"));
    }

    void utf8CutInsideTheLastCharacterStaysUtf8() {
        const DecodedText decoded = decodeOk("caf\xC3\xA9 and a truncated \xE2\x82");
        QCOMPARE(decoded.encoding, QStringLiteral("UTF-8"));
        QVERIFY(decoded.lossy);
        QVERIFY2(decoded.text.startsWith(QStringLiteral("caf\u00E9 and a truncated \uFFFD")),
                 qPrintable(decoded.text));
    }

    void loneTrailingLatin1LetterIsNotTakenForTruncatedUtf8() {
        const DecodedText decoded = decodeOk("caf\xE9");
        QCOMPARE(decoded.text, QStringLiteral("caf\u00E9"));
        QVERIFY(decoded.encoding != QLatin1String("UTF-8"));
        QVERIFY(!decoded.lossy);
    }

    void binaryIsUnsupported() {
        const Result<DecodedText> result = TextDecoder::decode(QByteArray("PK\x03\x04\x14\0\0\0\x08\0", 10));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
        QCOMPARE(result.error().message, QStringLiteral("binary content"));
    }

    void undetectableBytesAreAnEncodingError() {
        const Result<DecodedText> result = TextDecoder::decode(QByteArray("\x80\x81\x82\x83\x84\x85"));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Encoding);
    }

    void noteFor_data() {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<bool>("lossy");
        QTest::addColumn<QString>("note");
        QTest::newRow("clean UTF-8") << "UTF-8" << false << "";
        QTest::newRow("lossy UTF-8") << "UTF-8" << true << "undecodable bytes replaced";
        QTest::newRow("legacy") << "WINDOWS-1252" << false << "decoded as WINDOWS-1252";
        QTest::newRow("lossy legacy")
            << "SHIFT_JIS" << true << "decoded as SHIFT_JIS; undecodable bytes replaced";
    }

    void noteFor() {
        QFETCH(QString, encoding);
        QFETCH(bool, lossy);
        QFETCH(QString, note);
        DecodedText decoded;
        decoded.encoding = encoding;
        decoded.lossy = lossy;
        QCOMPARE(TextDecoder::noteFor(decoded), note);
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestTextDecoder)
#include "test_text_decoder.moc"
