#include "ui/sources/passage_locator.h"

#include <QTest>

using namespace docrag;

namespace {

SourceView viewOf(SourceView::Format format, const QString& passage, int first = 0, int last = 0) {
    SourceView v;
    v.format = format;
    v.target.text = passage;
    v.target.locStart = first;
    v.target.locEnd = last;
    v.targetFound = true;
    return v;
}

QString selected(const QTextCursor& c) {
    return c.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

} // namespace

class TestPassageLocator final : public QObject {
    Q_OBJECT

private slots:
    void plainTextIsFoundByItsLines() {
        QTextDocument d;
        d.setPlainText(QStringLiteral("one\ntwo\nthree\nfour\n"));
        const QTextCursor c =
            PassageLocator::locate(d, viewOf(SourceView::Format::Code, QStringLiteral("ignored"), 2, 3));
        QCOMPARE(selected(c), QStringLiteral("two\nthree"));
    }

    void renderedMarkdownIsFoundByItsWords() {
        QTextDocument d;
        d.setMarkdown(QStringLiteral("# Title\n\nIntro.\n\n## Part\n\nThe **quick** brown fox jumps over the "
                                     "lazy dog, then it rests by the `river` bank for a while.\n\nAfter.\n"));
        // The chunk's text is the Markdown source: markup and spacing differ from the rendered text.
        const QString passage =
            QStringLiteral("The **quick** brown fox jumps over the lazy dog, then it rests by "
                           "the `river`  bank for a while.");
        const QTextCursor c = PassageLocator::locate(d, viewOf(SourceView::Format::Markdown, passage, 7, 8));
        QVERIFY(!c.isNull());
        QVERIFY2(selected(c).startsWith(QStringLiteral("The quick brown fox")), qPrintable(selected(c)));
        QVERIFY(selected(c).endsWith(QStringLiteral("for a while")));
        QVERIFY(!selected(c).contains(QStringLiteral("After")));
    }

    void htmlIsFoundByItsWords() {
        QTextDocument d;
        d.setHtml(QStringLiteral("<h1>Doc</h1><p>First para.</p><p id=x>Open the <b>settings</b> dialog and "
                                 "choose a model.</p><p>Last.</p>"));
        const QTextCursor c =
            PassageLocator::locate(d, viewOf(SourceView::Format::Html,
                                             QStringLiteral("Open the settings dialog and choose a model.")));
        QCOMPARE(selected(c), QStringLiteral("Open the settings dialog and choose a model"));
    }

    // Sphinx pages repeat a section's first words in their navigation: the anchor says which is meant.
    void htmlAnchorsPickTheRightOccurrence() {
        QTextDocument d;
        d.setHtml(
            QStringLiteral("<ul><li><a href='#s'>Reading files line by line</a></li></ul><p>Other text.</p>"
                           "<h2 id='s'>Reading files line by line</h2><p>Loop over the file object.</p>"));
        SourceView v = viewOf(SourceView::Format::Html,
                              QStringLiteral("Reading files line by line\n\nLoop over the file object."));
        v.target.anchor = QStringLiteral("s");
        const QTextCursor c = PassageLocator::locate(d, v);
        QVERIFY(!c.isNull());
        QVERIFY2(!selected(c).contains(QStringLiteral("Other text")), qPrintable(selected(c)));
        QVERIFY(selected(c).endsWith(QStringLiteral("Loop over the file object")));
        v.target.anchor.clear();
        QVERIFY(selected(PassageLocator::locate(d, v)).contains(QStringLiteral("Other text")));
    }

    void missingPassagesAreNotHighlighted() {
        QTextDocument d;
        d.setPlainText(QStringLiteral("nothing here"));
        SourceView v = viewOf(SourceView::Format::Markdown, QStringLiteral("entirely different words"));
        QVERIFY(PassageLocator::locate(d, v).isNull());
        v.targetFound = false;
        QVERIFY(PassageLocator::locate(d, v).isNull());
    }
};

QTEST_MAIN(TestPassageLocator)
#include "test_passage_locator.moc"
