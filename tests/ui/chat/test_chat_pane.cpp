#include "engine/rag/rag_engine.h"
#include "tests/support/temp_tree.h"
#include "ui/chat/chat_pane.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace docrag;

// The chat pane on its own, offline: what it sends, shows and exports.
class TestChatPane final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;

private slots:
    void initTestCase() {
        m_tree.write(
            QStringLiteral("docs/backup.md"),
            QStringLiteral("# Backups\n\n## Restoring\n\nRestore a backup with the restore command:\n\n"
                           "```sh\ntool restore --from last.tar\n```\n"));
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        m_engine = RagEngine::open(options).value();
        IngestRequest request;
        request.collection = QStringLiteral("ops");
        request.paths = {m_tree.filePath(QStringLiteral("docs"))};
        QVERIFY(m_engine->ingest(request).ok());
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
};

QTEST_MAIN(TestChatPane)
#include "test_chat_pane.moc"
