#include "engine/ingest/text_loader.h"
#include "tests/support/block_dump.h"
#include "tests/support/load_or_fail.h"
#include "tests/support/read_fixture.h"

#include <QTest>

namespace docrag {
namespace {

using test::BlockDump;
using test::loadOrFail;
using test::readFixture;

ParsedDocument loadOk(const QByteArray& bytes, const QString& path = QStringLiteral("/docs/README")) {
    return loadOrFail(TextLoader(), path, bytes);
}

} // namespace

class TestTextLoader final : public QObject {
    Q_OBJECT

private slots:
    void loadsTheNotesFixture() {
        const ParsedDocument doc =
            loadOk(readFixture(QStringLiteral("loaders/notes.txt")), QStringLiteral("/d/notes.txt"));
        QCOMPARE(doc.format, QStringLiteral("text"));
        QCOMPARE(doc.title, QStringLiteral("notes"));
        QVERIFY(doc.notes.isEmpty());
        QCOMPARE(BlockDump::describeAll(doc),
                 (QStringList{
                     QStringLiteral("P 1-2 # RELEASE NOTES\n============="),
                     QStringLiteral("P 4-5 # Version 2.1 fixes the importer.\nIt also speeds up "
                                    "search."),
                     QStringLiteral("P 7-8 #     Indented block keeps\n    its leading spaces."),
                     QStringLiteral("P 12-12 # Last line without newline"),
                 }));
    }

    void titleIsTheBaseName() {
        QCOMPARE(loadOk("x").title, QStringLiteral("README"));
        QCOMPARE(loadOk("x", QStringLiteral("/a/LICENSE.v2.txt")).title, QStringLiteral("LICENSE.v2"));
    }

    void emptyAndBlankInputHaveNoBlocks() {
        QVERIFY(loadOk(QByteArray()).blocks.empty());
        QVERIFY(loadOk(" \n\t\n\n  ").blocks.empty());
    }

    void crlfAndLoneCrLineEndings() {
        const ParsedDocument doc = loadOk("one\r\ntwo  \r\n\r\nthree\rfour\r\r\nfive\r\n");
        QCOMPARE(BlockDump::describeAll(doc), (QStringList{
                                                  QStringLiteral("P 1-2 # one\ntwo"),
                                                  QStringLiteral("P 4-5 # three\nfour"),
                                                  QStringLiteral("P 7-7 # five"),
                                              }));
        for (const Block& block : doc.blocks)
            QVERIFY(!block.text.contains(QLatin1Char('\r')));
    }

    void latin1IsDecodedWithANote() {
        const QByteArray latin1 =
            QStringLiteral(
                "Les crèmes brûlées sont délicieuses, très appréciées à la française.\n\nDéjà vu.\n")
                .toLatin1();
        const ParsedDocument doc = loadOk(latin1);
        QCOMPARE(BlockDump::describeAll(doc),
                 (QStringList{
                     QStringLiteral(
                         "P 1-1 # Les crèmes brûlées sont délicieuses, très appréciées à la française."),
                     QStringLiteral("P 3-3 # Déjà vu."),
                 }));
        QCOMPARE(doc.notes.size(), 1);
        QVERIFY2(doc.notes.front().startsWith(QLatin1String("decoded as ")), qPrintable(doc.notes.front()));
    }

    void utf16WithBomIsDecoded() {
        QByteArray utf16("\xFF\xFE", 2);
        const QString text = QStringLiteral("Grüße\n\nzweite Zeile");
        utf16.append(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
        const ParsedDocument doc = loadOk(utf16);
        QCOMPARE(BlockDump::describeAll(doc),
                 (QStringList{QStringLiteral("P 1-1 # Grüße"), QStringLiteral("P 3-3 # zweite Zeile")}));
        QCOMPARE(doc.notes, QStringList{QStringLiteral("decoded as UTF-16LE")});
    }

    void binaryInputIsUnsupported() {
        const QByteArray bytes("ELF\x7f\0\0\0\x02\x01\x01\0\0\0\0\0\0", 16);
        const Result<ParsedDocument> result = TextLoader().load(QStringLiteral("blob"), bytes);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
    }

    void hugeParagraphKeepsEveryLine() {
        QByteArray text = "intro\n\n";
        const int lines = 50000;
        for (int i = 1; i <= lines; ++i)
            text += "line " + QByteArray::number(i) + "\n";
        const ParsedDocument doc = loadOk(text);
        QCOMPARE(doc.blocks.size(), size_t(2));
        QCOMPARE(doc.blocks[1].lineStart, 3);
        QCOMPARE(doc.blocks[1].lineEnd, lines + 2);
        QCOMPARE(doc.blocks[1].text.count(QLatin1Char('\n')), lines - 1);
        QVERIFY(doc.blocks[1].text.endsWith(QLatin1String("line 49999\nline 50000")));
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestTextLoader)
#include "test_text_loader.moc"
