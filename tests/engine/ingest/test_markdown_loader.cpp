#include "engine/ingest/markdown_loader.h"
#include "tests/support/block_dump.h"
#include "tests/support/load_or_fail.h"
#include "tests/support/read_fixture.h"

#include <QTest>

namespace docrag {
namespace {

using test::BlockDump;
using test::loadOrFail;
using test::readFixture;

ParsedDocument loadOk(const QByteArray& bytes, const QString& path = QStringLiteral("/docs/page.md")) {
    return loadOrFail(MarkdownLoader(), path, bytes);
}

} // namespace

class TestMarkdownLoader final : public QObject {
    Q_OBJECT

private slots:
    void loadsTheGuideFixture() {
        const ParsedDocument doc = loadOk(readFixture(QStringLiteral("loaders/guide.md")));
        QCOMPARE(doc.format, QStringLiteral("markdown"));
        QCOMPARE(doc.title, QStringLiteral("The DocRag Guide"));
        QVERIFY(doc.notes.isEmpty());
        const QStringList expected = {
            QStringLiteral("H1 6-6 #getting-started Getting Started"),
            QStringLiteral(
                "P 8-10 #getting-started DocRag answers questions about your documentation with exact "
                "citations & links. See the FAQ or the logo for more."),
            QStringLiteral("H2 12-12 #install--configure Install & Configure"),
            QStringLiteral("P 14-14 #install--configure 1. Download the package."),
            QStringLiteral("P 15-15 #install--configure 2. Run docrag --setup."),
            QStringLiteral("P 17-17 #install--configure - [x] Works offline"),
            QStringLiteral("P 18-18 #install--configure - [ ] Needs a GPU"),
            QStringLiteral("P 20-21 #install--configure Tip: you can also build from source."),
            QStringLiteral("C[bash] 23-27 #install--configure sudo apt install docrag\n\ndocrag --version"),
            QStringLiteral("C[] 29-30 #install--configure indented_code()\nmore_code()"),
            QStringLiteral("P 32-32 #install--configure Option | Default"),
            QStringLiteral("P 34-34 #install--configure --port | 8080"),
            QStringLiteral("P 35-35 #install--configure verbose |"),
            QStringLiteral("H2 37-37 #install--configure-1 Install & Configure"),
            QStringLiteral("H3 43-43 #überblick-ünïcode--tëst Überblick: Ünïcode — Tëst!"),
            QStringLiteral("C[] 45-47 #überblick-ünïcode--tëst no language here"),
        };
        QCOMPARE(BlockDump::describeAll(doc), expected);
    }

    void titleFallsBackToFirstH1ThenBaseName() {
        QCOMPARE(loadOk("## Minor\n\n# Major *one*\n\n# Second\n").title, QStringLiteral("Major one"));
        QCOMPARE(loadOk("## Only minor\n", QStringLiteral("/x/release-notes.v2.md")).title,
                 QStringLiteral("release-notes.v2"));
    }

    void frontMatterWithoutTitleKeepsLineNumbers() {
        const ParsedDocument doc = loadOk("---\nauthor: me\nlayout: page\n...\nBody text.\n\n# Head\n");
        QCOMPARE(doc.title, QStringLiteral("Head"));
        QCOMPARE(BlockDump::describeAll(doc),
                 (QStringList{QStringLiteral("P 5-5 # Body text."), QStringLiteral("H1 7-7 #head Head")}));
    }

    void unclosedFrontMatterIsAThematicBreak() {
        const ParsedDocument doc = loadOk("---\ntitle: nope\n");
        QCOMPARE(doc.title, QStringLiteral("page"));
        QCOMPARE(BlockDump::describeAll(doc), (QStringList{QStringLiteral("P 2-2 # title: nope")}));
    }

    void duplicateSlugsFollowGitHub() {
        const ParsedDocument doc =
            loadOk("# Foo\n# Foo\n# Foo 1\n# Foo\n# C++ & Qt_6 (beta)\n# 日本語 テスト\n");
        QStringList anchors;
        for (const Block& block : doc.blocks)
            anchors.append(block.anchor);
        // "Foo 1" takes "foo-1" first, so the third "Foo" becomes "foo-2"... as github-slugger does.
        QCOMPARE(anchors, (QStringList{QStringLiteral("foo"), QStringLiteral("foo-1"),
                                       QStringLiteral("foo-1-1"), QStringLiteral("foo-2"),
                                       QStringLiteral("c--qt_6-beta"), QStringLiteral("日本語-テスト")}));
    }

    void looseAndNestedListsAndSetextHeadings() {
        const QByteArray md = "Title\n=====\n\n"
                              "- first item\n\n"
                              "  second paragraph\n"
                              "- parent\n"
                              "  - child one\n"
                              "  - child two\n\n"
                              "3. three\n"
                              "4. four\n";
        const ParsedDocument doc = loadOk(md);
        QCOMPARE(BlockDump::describeAll(doc), (QStringList{
                                                  QStringLiteral("H1 1-1 #title Title"),
                                                  QStringLiteral("P 4-4 #title - first item"),
                                                  QStringLiteral("P 6-6 #title second paragraph"),
                                                  QStringLiteral("P 7-7 #title - parent"),
                                                  QStringLiteral("P 8-8 #title - child one"),
                                                  QStringLiteral("P 9-9 #title - child two"),
                                                  QStringLiteral("P 11-11 #title 3. three"),
                                                  QStringLiteral("P 12-12 #title 4. four"),
                                              }));
    }

    void codeInContainersAndUnclosedFences() {
        const QByteArray md = "> ```python\n"
                              "> print('hi')\n"
                              "> ```\n\n"
                              "- item\n\n"
                              "  ```\n"
                              "  nested\n"
                              "  ```\n\n"
                              "```js\n"
                              "\n"
                              "let x = 1;\n";
        const ParsedDocument doc = loadOk(md);
        QCOMPARE(BlockDump::describeAll(doc), (QStringList{
                                                  QStringLiteral("C[python] 1-3 # print('hi')"),
                                                  QStringLiteral("P 5-5 # - item"),
                                                  QStringLiteral("C[] 7-9 # nested"),
                                                  QStringLiteral("C[js] 11-13 # \nlet x = 1;"),
                                              }));
    }

    void entitiesAndHtmlInline() {
        const ParsedDocument doc =
            loadOk("A &lt;tag&gt; &#169; &#x263A; &unknown; <kbd>Ctrl</kbd>+C<br>done\n");
        QCOMPARE(BlockDump::describeAll(doc),
                 (QStringList{QStringLiteral("P 1-1 # A <tag> © ☺ &unknown; Ctrl+Cdone")}));
    }

    void emptyAndWhitespaceOnlyInputHaveNoBlocks() {
        QVERIFY(loadOk(QByteArray()).blocks.empty());
        QVERIFY(loadOk("\n\n   \n<!-- only a comment -->\n").blocks.empty());
        QCOMPARE(loadOk(QByteArray()).title, QStringLiteral("page"));
    }

    void crlfLineEndings() {
        const ParsedDocument doc = loadOk("# One\r\n\r\nline a\r\nline b\r\n\r\n```\r\ncode\r\n```\r\n");
        QCOMPARE(BlockDump::describeAll(doc), (QStringList{
                                                  QStringLiteral("H1 1-1 #one One"),
                                                  QStringLiteral("P 3-4 #one line a line b"),
                                                  QStringLiteral("C[] 6-8 #one code"),
                                              }));
        for (const Block& block : doc.blocks)
            QVERIFY(!block.text.contains(QLatin1Char('\r')));
    }

    void latin1IsDecodedWithANote() {
        const QByteArray latin1 =
            QStringLiteral("# Café crème\n\nLe naïve garçon mange une crème brûlée à la "
                           "française, très délicieuse.\n")
                .toLatin1();
        const ParsedDocument doc = loadOk(latin1);
        QCOMPARE(doc.title, QStringLiteral("Café crème"));
        QCOMPARE(doc.blocks.at(0).anchor, QStringLiteral("café-crème"));
        QCOMPARE(doc.blocks.at(1).text,
                 QStringLiteral("Le naïve garçon mange une crème brûlée à la française, très délicieuse."));
        QCOMPARE(doc.notes.size(), 1);
        QVERIFY2(doc.notes.front().startsWith(QLatin1String("decoded as ")), qPrintable(doc.notes.front()));
    }

    void binaryInputIsUnsupported() {
        static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        const QByteArray bytes(png, sizeof(png) - 1);
        const Result<ParsedDocument> result = MarkdownLoader().load(QStringLiteral("x.md"), bytes);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
    }

    void hugeParagraph() {
        QByteArray md = "# Big\n\n";
        const int lines = 20000;
        for (int i = 0; i < lines; ++i)
            md += "word number " + QByteArray::number(i) + " of a very long paragraph\n";
        const ParsedDocument doc = loadOk(md);
        QCOMPARE(doc.blocks.size(), size_t(2));
        const Block& paragraph = doc.blocks.at(1);
        QCOMPARE(paragraph.lineStart, 3);
        QCOMPARE(paragraph.lineEnd, lines + 2);
        QVERIFY(paragraph.text.startsWith(
            QLatin1String("word number 0 of a very long paragraph word number 1 ")));
        QVERIFY(paragraph.text.endsWith(QLatin1String("word number 19999 of a very long paragraph")));
    }

    // A paragraph longer than a block may be is cut into several, each still citing the line it is on.
    void aParagraphOverTheBlockLimitIsSplitKeepingItsLine() {
        QByteArray md = "# Big\n\n";
        for (int i = 0; i < 100; ++i)
            md += "word" + QByteArray::number(i) + " ";
        md += "\n";
        IngestLimits limits;
        limits.maxBlockChars = 100;
        auto loaded = MarkdownLoader().load(QStringLiteral("/docs/page.md"), md, limits);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->blocks.size() > 4);
        QString text;
        for (size_t i = 1; i < loaded->blocks.size(); ++i) {
            const Block& piece = loaded->blocks[i];
            QCOMPARE(piece.lineStart, 3);
            QCOMPARE(piece.lineEnd, 3);
            text += piece.text;
        }
        QVERIFY(text.startsWith(QLatin1String("word0 word1")));
        QVERIFY(text.endsWith(QLatin1String("word99")));
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestMarkdownLoader)
#include "test_markdown_loader.moc"
