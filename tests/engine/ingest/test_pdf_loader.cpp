#include "engine/ingest/pdf_loader.h"
#include "tests/support/block_dump.h"
#include "tests/support/load_or_fail.h"
#include "tests/support/pdf_fixture.h"

#include <QRegularExpression>
#include <QTest>
#include <QtConcurrentMap>

namespace docrag {
namespace {

using test::BlockDump;
using test::loadOrFail;

ParsedDocument loadOk(const QByteArray& bytes, const QString& path = QStringLiteral("/docs/manual.pdf")) {
    return loadOrFail(PdfLoader(), path, bytes);
}

Error loadError(const QByteArray& bytes) {
    const Result<ParsedDocument> result = PdfLoader().load(QStringLiteral("/docs/bad.pdf"), bytes);
    if (result)
        qFatal("load unexpectedly succeeded");
    return result.error();
}

const QStringList kThreePages = {
    QStringLiteral("Installing DocRag\n"
                   "Download the package for your system and run the\n"
                   "installer. No exam-\n"
                   "ple configuration is needed.\n"
                   "\n"
                   "The first start creates the library (data) folder."),
    QStringLiteral("Second page, one paragraph."),
    QStringLiteral("Troubleshooting\n"
                   "\n"
                   "Check the log: C:\\DocRag\\log.txt\n"
                   "for self-\n"
                   "Contained hints and well-\n"
                   "known errors."),
};

} // namespace

class TestPdfLoader final : public QObject {
    Q_OBJECT

private slots:
    void fixtureHasExactCrossReferenceOffsets() {
        const QByteArray pdf = test::PdfFixture::build(kThreePages, QStringLiteral("Manual"));
        QVERIFY(pdf.startsWith("%PDF-1.4\n"));
        QVERIFY(pdf.endsWith("%%EOF\n"));
        const qsizetype startxref = pdf.lastIndexOf("startxref\n");
        const qsizetype xref = pdf.mid(startxref + 10).split('\n').first().toLongLong();
        QVERIFY(pdf.mid(xref).startsWith("xref\n0 "));
        const QList<QByteArray> lines = pdf.mid(xref).split('\n');
        const int count = lines.at(1).split(' ').at(1).toInt();
        QCOMPARE(count, 1 + 3 + 2 * 3 + 1); // free entry, catalog/pages/font, page + content per page, info
        QCOMPARE(lines.at(2), QByteArray("0000000000 65535 f "));
        for (int number = 1; number < count; ++number) {
            const QByteArray entry = lines.at(2 + number);
            QCOMPARE(entry.size(), 19); // plus the '\n' split off: 20 bytes per entry
            QVERIFY2(entry.endsWith(" 00000 n "), entry.constData());
            const qsizetype offset = entry.left(10).toLongLong();
            QVERIFY2(pdf.mid(offset).startsWith(QByteArray::number(number) + " 0 obj\n"), entry.constData());
        }
        // Every stream's /Length is exact.
        static const QRegularExpression stream(QStringLiteral("/Length (\\d+) >>\nstream\n"));
        const QString text = QString::fromLatin1(pdf);
        auto it = stream.globalMatch(text);
        int streams = 0;
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const qsizetype dataStart = match.capturedEnd();
            QCOMPARE(text.mid(dataStart + match.captured(1).toInt(), 10), QStringLiteral("\nendstream"));
            ++streams;
        }
        QCOMPARE(streams, 3);
    }

    void threePagesWithPageNumbersAndLines() {
        const ParsedDocument doc = loadOk(test::PdfFixture::build(kThreePages));
        QCOMPARE(doc.format, QStringLiteral("pdf"));
        QCOMPARE(doc.title, QStringLiteral("manual"));
        QVERIFY(doc.notes.isEmpty());
        const QStringList expected = {
            QStringLiteral("P p1 1-4 # Installing DocRag Download the package for your system and run the "
                           "installer. No example configuration is needed."),
            QStringLiteral("P p1 6-6 # The first start creates the library (data) folder."),
            QStringLiteral("P p2 1-1 # Second page, one paragraph."),
            QStringLiteral("P p3 1-1 # Troubleshooting"),
            QStringLiteral("P p3 3-6 # Check the log: C:\\DocRag\\log.txt for self- Contained hints and "
                           "wellknown errors."),
        };
        QCOMPARE(BlockDump::describeAll(doc), expected);
    }

    void concurrentLoadsAgree() {
        const QByteArray pdf = test::PdfFixture::build(kThreePages, QStringLiteral("Manual"));
        const QStringList expected = BlockDump::describeAll(loadOk(pdf));
        QCOMPARE(expected.size(), 5);
        const QList<QStringList> results = QtConcurrent::blockingMapped(
            QList<int>(16, 0), [&pdf](int) { return BlockDump::describeAll(loadOk(pdf)); });
        for (const QStringList& result : results)
            QCOMPARE(result, expected);
    }

    void titleComesFromTheInfoDictionary() {
        const QByteArray pdf =
            test::PdfFixture::build({QStringLiteral("Body")}, QStringLiteral("User (Guide) 2"));
        QCOMPARE(loadOk(pdf).title, QStringLiteral("User (Guide) 2"));
        const QByteArray blankTitle =
            test::PdfFixture::build({QStringLiteral("Body")}, QStringLiteral("   "));
        QCOMPARE(loadOk(blankTitle, QStringLiteral("/x/release.notes.pdf")).title,
                 QStringLiteral("release.notes"));
    }

    void pagesWithoutTextGiveNoBlocks() {
        const ParsedDocument doc = loadOk(test::PdfFixture::build({QString(), QStringLiteral(" \n \n")}));
        QVERIFY(doc.blocks.empty());
        QCOMPARE(doc.title, QStringLiteral("manual"));
    }

    void truncatedPdfIsCorrupt() {
        const QByteArray pdf = test::PdfFixture::build(kThreePages);
        const Error error = loadError(pdf.left(40));
        QCOMPARE(error.code, ErrorCode::Corrupt);
        QVERIFY2(error.message.startsWith(QLatin1String("not a valid PDF")), qPrintable(error.message));
    }

    void garbageIsCorrupt() {
        const Error error = loadError(QByteArray("This is not a PDF at all.\n").repeated(50));
        QCOMPARE(error.code, ErrorCode::Corrupt);
        QVERIFY2(error.message.startsWith(QLatin1String("not a valid PDF")), qPrintable(error.message));
    }

    void emptyFileHasNoBlocks() {
        const ParsedDocument doc = loadOk(QByteArray(), QStringLiteral("/docs/empty.pdf"));
        QVERIFY(doc.blocks.empty());
        QCOMPARE(doc.format, QStringLiteral("pdf"));
        QCOMPARE(doc.title, QStringLiteral("empty"));
    }

    void passwordProtectedPdfIsUnsupported() {
        // A standard security handler whose user password is not empty: poppler opens the file
        // but keeps it locked.
        QByteArray pdf = test::PdfFixture::build({QStringLiteral("Secret")});
        const QByteArray hex32 = QByteArray(64, 'A');
        pdf.replace("/Root 1 0 R", "/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O <" + hex32 +
                                       "> /U <" + hex32 +
                                       "> /P -4 >> /ID [<0123456789ABCDEF0123456789ABCDEF> "
                                       "<0123456789ABCDEF0123456789ABCDEF>]");
        const Error error = loadError(pdf);
        QCOMPARE(error.code, ErrorCode::Unsupported);
        QCOMPARE(error.message, QStringLiteral("PDF is password-protected"));
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestPdfLoader)
#include "test_pdf_loader.moc"
