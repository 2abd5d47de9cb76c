#include "engine/ingest/pdf_loader.h"
#include "engine/ingest/pdf_module.h"
#include "tests/support/load_or_fail.h"
#include "tests/support/pdf_fixture.h"

#include <QFile>
#include <QTest>

namespace docrag {
namespace {

// Whether a library whose file name holds `name` is mapped into this process.
bool mapped(const char* name) {
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        qFatal("cannot read /proc/self/maps");
    return maps.readAll().contains(name);
}

} // namespace

class TestPdfModule final : public QObject {
    Q_OBJECT

private slots:
    // The point of the module: poppler (and what it loads: NSS, freetype, fontconfig...) stays out of a
    // process until it reads a PDF.
    void popplerIsLoadedOnTheFirstPdfOnly() {
        QVERIFY2(!mapped("libpoppler"), "poppler was loaded before any PDF");
        const ParsedDocument document = test::loadOrFail(
            PdfLoader(), QStringLiteral("/docs/manual.pdf"),
            test::PdfFixture::build({QStringLiteral("Page one of the manual.")}, QStringLiteral("Manual")));
        QCOMPARE(document.title, QStringLiteral("Manual"));
        QCOMPARE(document.blocks.size(), size_t{1});
        QCOMPARE(document.blocks[0].text, QStringLiteral("Page one of the manual."));
        QVERIFY(mapped("libpoppler"));
        QVERIFY(mapped("docrag_pdf.so"));
    }

    void foundBesideTheProgramsAndInTheBuildTree() {
        QCOMPARE(PdfModule::candidatesFor(QStringLiteral("/usr/bin")),
                 (QStringList{QStringLiteral("/usr/lib/docrag/plugins/docrag_pdf.so"),
                              QStringLiteral("/lib/docrag/plugins/docrag_pdf.so")}));
        QCOMPARE(PdfModule::candidatesFor(QStringLiteral("/home/me/build-asan/tests/fuzz")).at(1),
                 QStringLiteral("/home/me/build-asan/lib/docrag/plugins/docrag_pdf.so"));
        QVERIFY(PdfModule::get().ok());
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestPdfModule)
#include "test_pdf_module.moc"
