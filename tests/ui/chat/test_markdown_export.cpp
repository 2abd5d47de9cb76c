#include "tests/ui/hostile_text.h"
#include "ui/chat/markdown_export.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace docrag;

namespace {

// The export as a Markdown reader that renders raw HTML (GitHub's dialect, as most viewers) shows it.
QTextDocument* read(const QString& markdown, QObject* parent) {
    auto* document = new QTextDocument(parent);
    document->setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    return document;
}

} // namespace

class TestMarkdownExport final : public QObject {
    Q_OBJECT

private slots:
    void plainTextShowsExactlyAsWritten() {
        for (const test::HostilePayload& payload : test::hostilePayloads()) {
            for (const QString& line : payload.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                const QString escaped = MarkdownExport::escapeText(line);
                QTextDocument* document = read(escaped, this);
                QCOMPARE(document->toPlainText(), line);
                QVERIFY2(test::anchorHrefs(*document).isEmpty(), qPrintable(escaped));
                QVERIFY2(test::imageNames(*document).isEmpty(), qPrintable(escaped));
            }
        }
        // What Markdown reads at the start of a line, and addresses a reader would link.
        for (const QString& line :
             {QStringLiteral("# not a heading"), QStringLiteral("- not a list"),
              QStringLiteral("1. not a list"), QStringLiteral("> not a quote"),
              QStringLiteral("mail me@example.com or www.example.com"),
              QStringLiteral("see https://example.com/x_y"), QStringLiteral("a | table | row")})
            QCOMPARE(read(MarkdownExport::escapeText(line), this)->toPlainText(), line);
    }

    void answersKeepMarkdownButNotRawHtml() {
        const QString answer =
            QStringLiteral("Use **venv** [1].\n\n<b>bold</b> <img src=\"http://example.com/x.png\">after "
                           "<https://evil.example>\n\n"
                           "Inline `a<b>c` stays code.\n\n```html\n<p>code</p>\n```\n");
        const QString exported = MarkdownExport::withoutHtml(answer);
        QVERIFY2(exported.contains(QStringLiteral("`a<b>c`")), qPrintable(exported));
        QVERIFY(exported.contains(QStringLiteral("```html\n<p>code</p>\n```")));
        QTextDocument* document = read(exported, this);
        const QString text = document->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("<b>bold</b> <img src=\"http://example.com/x.png\">after")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("<https://evil.example>")));
        QVERIFY(text.contains(QStringLiteral("a<b>c")));
        QVERIFY(text.contains(QStringLiteral("<p>code</p>")));
        QVERIFY(test::imageNames(*document).isEmpty());
        QVERIFY(test::anchorHrefs(*document).isEmpty());
        QVERIFY(test::shownEmphasised(*document, QStringLiteral("venv"))); // Markdown still works
    }

    // A citation after a closing fence, or an answer cut off inside code, must not turn the rest of the file
    // into code.
    void codeBlocksEndWhereTheAnswerMeantThemTo() {
        TranscriptEntry question;
        question.content = QStringLiteral("first");
        TranscriptEntry answer;
        answer.role = TranscriptEntry::Role::Assistant;
        answer.content = QStringLiteral("Run:\n\n```sh\ntool\n``` [1]\n\nthen\n\n~~~~\ncut off");
        TranscriptEntry next;
        next.content = QStringLiteral("second");
        QTextDocument* document =
            read(MarkdownExport::conversation({question, answer, question, answer, next}), this);
        int headings = 0;
        for (QTextBlock b = document->begin(); b.isValid(); b = b.next())
            headings += b.blockFormat().headingLevel() == 2 ? 1 : 0;
        QCOMPARE(headings, 3);
    }

    void aConversationEscapesQuestionsErrorsAndSources() {
        TranscriptEntry question;
        question.content = QStringLiteral("<img src=x onerror=alert(1)>why?\n<b>second</b> line");
        TranscriptEntry failed;
        failed.role = TranscriptEntry::Role::Error;
        failed.content = QStringLiteral("Partial <i>answer</i>");
        failed.error = QStringLiteral("HTTP 502: <html><a href=\"regen:0\">retry</a></html>");
        Source s;
        s.number = 1;
        s.path = QStringLiteral("/docs/<b>page</b>.md");
        s.title = QStringLiteral("<script>x</script>");
        failed.sources.push_back(s);
        const QString markdown = MarkdownExport::conversation({question, failed});
        QVERIFY2(markdown.startsWith(QStringLiteral("## \\<img")), qPrintable(markdown));
        QTextDocument* document = read(markdown, this);
        const QString text = document->toPlainText();
        for (const char* shown :
             {"<img src=x onerror=alert(1)>why?", "<b>second</b> line", "Partial <i>answer</i>",
              "HTTP 502: <html><a href=\"regen:0\">retry</a></html>",
              "[1] /docs/<b>page</b>.md, <script>x</script>"})
            QVERIFY2(text.contains(QLatin1String(shown)), qPrintable(text));
        QVERIFY(test::anchorHrefs(*document).isEmpty());
        QVERIFY(test::imageNames(*document).isEmpty());
    }
};

QTEST_MAIN(TestMarkdownExport)
#include "test_markdown_export.moc"
