#include "engine/rag/rag_engine.h"
#include "tests/support/canned_http_server.h"
#include "tests/support/fake_openai_server.h"
#include "tests/support/ingested_engine.h"
#include "tests/support/temp_tree.h"
#include "tests/ui/hostile_text.h"
#include "ui/chat/chat_pane.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>

using namespace docrag;

// The chat pane on its own, offline: what it sends, shows and exports.
class TestChatPane final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;

    static QTextDocument& transcript(ChatPane& pane) {
        return *pane.findChild<QTextBrowser*>(QStringLiteral("transcriptBrowser"))->document();
    }

    // An engine over `docs` whose answers come from the model server at `baseUrl`.
    static std::unique_ptr<RagEngine> modelEngine(const test::TempTree& data, const QString& docs,
                                                  const QString& baseUrl) {
        EngineOptions options;
        options.dataDir = data.filePath(QStringLiteral("data"));
        OpenAiConfig openai;
        openai.baseUrl = QUrl(baseUrl);
        openai.chatModel = QStringLiteral("fake-chat");
        options.openai = openai;
        auto engine = test::ingestedEngine(options, QStringLiteral("ops"), docs);
        return engine ? std::move(*engine) : nullptr;
    }

private slots:
    void initTestCase() {
        m_tree.write(
            QStringLiteral("docs/backup.md"),
            QStringLiteral("# Backups\n\n## Restoring\n\nRestore a backup with the restore command:\n\n"
                           "```sh\ntool restore --from last.tar\n```\n"));
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine =
            test::ingestedEngine(options, QStringLiteral("ops"), m_tree.filePath(QStringLiteral("docs")));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
        m_engine = std::move(*engine);
    }

    void enterAsksAndTheAnswerIsExportedAsMarkdown() {
        ChatPane pane(*m_engine);
        pane.show();
        pane.setCollections({QStringLiteral("ops")});
        auto* edit = pane.findChild<QPlainTextEdit*>(QStringLiteral("questionEdit"));
        QTest::keyClicks(edit, QStringLiteral("How do I restore a backup?"));
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(edit->toPlainText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!pane.isAnswering(), 10000);
        QCOMPARE(pane.entries().size(), size_t(2));
        QVERIFY(pane.entries().back().extractive);
        const QString markdown = pane.toMarkdown();
        QVERIFY2(markdown.startsWith(QStringLiteral("## How do I restore a backup?")), qPrintable(markdown));
        QVERIFY(markdown.contains(QStringLiteral("tool restore --from last.tar")));
        QVERIFY(markdown.contains(QStringLiteral("**Sources**")));
        QVERIFY2(markdown.contains(QStringLiteral("backup.md, Restoring (lines")), qPrintable(markdown));
        QVERIFY(markdown.contains(QStringLiteral("_Extractive answer (offline")));
    }

    void emptyQuestionsAreNotSent() {
        ChatPane pane(*m_engine);
        pane.ask(QStringLiteral("   "));
        QVERIFY(pane.entries().empty());
        QVERIFY(!pane.isAnswering());
        QTest::mouseClick(pane.findChild<QPushButton*>(QStringLiteral("sendButton")), Qt::LeftButton);
        QVERIFY(pane.entries().empty());
    }

    // Questions typed into the box, and the extractive quotes of a document full of markup: all text.
    void hostileQuestionsAndQuotesStayText() {
        test::TempTree tree;
        QStringList sentences;
        for (const test::HostilePayload& payload : test::hostilePayloads())
            sentences << QStringLiteral("The flamingo gateway setting reads %1 exactly.").arg(payload.text);
        // Plain text: the Markdown and HTML loaders already drop tags from what they store.
        tree.write(QStringLiteral("docs/gateway.txt"),
                   sentences.join(QStringLiteral("\n\n")) + QLatin1Char('\n'));
        EngineOptions options;
        options.dataDir = tree.filePath(QStringLiteral("data"));
        auto opened =
            test::ingestedEngine(options, QStringLiteral("ops"), tree.filePath(QStringLiteral("docs")));
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        const std::unique_ptr<RagEngine> engine = std::move(*opened);

        ChatPane pane(*engine);
        pane.show();
        for (const test::HostilePayload& payload : test::hostilePayloads()) {
            const QString question = QStringLiteral("flamingo gateway setting %1").arg(payload.text);
            pane.ask(question);
            QTRY_VERIFY_WITH_TIMEOUT(!pane.isAnswering(), 10000);
            QVERIFY(pane.entries().back().extractive);
            const QTextDocument& document = transcript(pane);
            QVERIFY2(document.toPlainText().contains(question), qPrintable(payload.name));
            const QStringList problems = test::foreignLinks(document, pane.entries());
            QVERIFY2(problems.isEmpty(),
                     qPrintable(payload.name + QStringLiteral(": ") + problems.join(", ")));
            QVERIFY2(test::imageNames(document).isEmpty(), qPrintable(payload.name));
            QVERIFY(!test::shownEmphasised(document, QStringLiteral("bold")));
        }
        // The quotes themselves: each payload's text shows where the answer quotes it.
        const QString text = transcript(pane).toPlainText();
        QVERIFY2(text.contains(QStringLiteral("reads <b>bold</b> exactly")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("<img src=x onerror=alert(1)>text after the image")));
    }

    // A streamed answer (and its sources) from a model server that writes markup.
    void hostileStreamedAnswersStayInert() {
        test::FakeOpenAiServer server;
        test::TempTree tree;
        tree.write(QStringLiteral("docs/backup.md"), QStringLiteral("# Backups\n\nRestore with the tool.\n"));
        auto engine = modelEngine(tree, tree.filePath(QStringLiteral("docs")), server.baseUrl());
        QVERIFY(engine);
        ChatPane pane(*engine);
        pane.show();
        int n = 0;
        for (const test::HostilePayload& payload : test::hostilePayloads()) {
            server.setChatReply(QStringLiteral("Restore it [1].\n\n%1\n\nDone.").arg(payload.text));
            server.setStreamTokenDelay(2);
            // A question of its own each time: the same one would be answered from the cache.
            pane.ask(QStringLiteral("How do I restore, case %1?").arg(++n));
            // Checked while it streams too: the partial Markdown is what the user sees then.
            while (pane.isAnswering()) {
                const QStringList problems = test::foreignLinks(transcript(pane), pane.entries());
                QVERIFY2(problems.isEmpty(),
                         qPrintable(payload.name + QStringLiteral(": ") + problems.join(", ")));
                QTest::qWait(5);
            }
            QCOMPARE(pane.entries().back().model, QStringLiteral("fake-chat"));
            const QTextDocument& document = transcript(pane);
            for (const QString& visible : test::visibleText(payload, true))
                QVERIFY2(document.toPlainText().contains(visible),
                         qPrintable(payload.name + QStringLiteral(": ") + pane.entries().back().content));
            const QStringList problems = test::foreignLinks(document, pane.entries());
            QVERIFY2(problems.isEmpty(),
                     qPrintable(payload.name + QStringLiteral(": ") + problems.join(", ")));
            QVERIFY2(test::imageNames(document).isEmpty(), qPrintable(payload.name));
        }
    }

    // A server's error message full of markup: shown as the text it is, in the transcript and in the
    // status line.
    void serverErrorPagesArePlainText() {
        // The engine reduces an HTML page to its text; a JSON error's message reaches the window as written.
        const QByteArray page =
            R"({"error":{"message":"<h1>Bad gateway</h1><b>bold</b> <a href=\"file:///etc/passwd\">x</a> )"
            R"(<img src=\"http://example.com/x.png\">after"}})";
        test::CannedHttpServer proxy("400 Bad Request", "application/json", page);
        QVERIFY(proxy.isListening());
        test::TempTree tree;
        tree.write(QStringLiteral("docs/backup.md"), QStringLiteral("# Backups\n\nRestore with the tool.\n"));
        auto engine = modelEngine(tree, tree.filePath(QStringLiteral("docs")),
                                  QStringLiteral("http://127.0.0.1:%1/v1").arg(proxy.port()));
        QVERIFY(engine);
        ChatPane pane(*engine);
        pane.show();
        pane.ask(QStringLiteral("How do I restore?"));
        QTRY_VERIFY_WITH_TIMEOUT(!pane.isAnswering(), 20000);
        const TranscriptEntry& failed = pane.entries().back();
        QCOMPARE(failed.role, TranscriptEntry::Role::Error);
        QVERIFY2(failed.error.contains(QStringLiteral("<b>bold</b>")), qPrintable(failed.error));
        const QTextDocument& document = transcript(pane);
        QVERIFY2(document.toPlainText().contains(QStringLiteral("<h1>Bad gateway</h1><b>bold</b> <a href=")),
                 qPrintable(document.toPlainText()));
        QVERIFY(test::foreignLinks(document, pane.entries()).isEmpty());
        QVERIFY(test::imageNames(document).isEmpty());
        auto* status = pane.findChild<QLabel*>(QStringLiteral("chatStatusLabel"));
        QCOMPARE(status->textFormat(), Qt::PlainText);
        QVERIFY2(status->text().contains(QStringLiteral("<b>bold</b>")), qPrintable(status->text()));

        // Opened again from the history, the stored error is still text.
        const qint64 conversation = pane.conversationId();
        if (conversation > 0) {
            ChatPane reopened(*engine);
            reopened.openConversation(conversation);
            QTRY_VERIFY(!reopened.entries().empty());
            QCOMPARE(reopened.entries().back().role, TranscriptEntry::Role::Error);
            QVERIFY(transcript(reopened).toPlainText().contains(QStringLiteral("<b>bold</b>")));
            QVERIFY(test::foreignLinks(transcript(reopened), reopened.entries()).isEmpty());
        }
    }

    // The exported file copies questions, answers and errors escaped: read back by a Markdown reader that
    // does render raw HTML, nothing becomes markup.
    void exportEscapesWhatItCopies() {
        ChatPane pane(*m_engine);
        for (const test::HostilePayload& payload : test::hostilePayloads()) {
            pane.ask(QStringLiteral("restore backup %1").arg(payload.text));
            QTRY_VERIFY_WITH_TIMEOUT(!pane.isAnswering(), 10000);
        }
        const QString markdown = pane.toMarkdown();
        QTextDocument read;
        read.setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub); // raw HTML allowed
        const QString text = read.toPlainText();
        for (const test::HostilePayload& payload : test::hostilePayloads()) {
            for (const QString& line : payload.text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                QVERIFY2(text.contains(line), qPrintable(payload.name + QStringLiteral(": ") + text));
        }
        QVERIFY2(test::anchorHrefs(read).isEmpty(), qPrintable(test::anchorHrefs(read).join(", ")));
        QVERIFY(test::imageNames(read).isEmpty());
    }
};

QTEST_MAIN(TestChatPane)
#include "test_chat_pane.moc"
