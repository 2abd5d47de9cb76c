#include "engine/store/database.h"
#include "engine/store/history_store.h"
#include "tests/support/manual_clock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace docrag;

class TestHistoryStore final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    test::ManualClock m_clock;

    HistoryStore store() { return HistoryStore(m_db->connection(), m_clock); }

private slots:
    void init() {
        QFile::remove(m_dir.filePath(QStringLiteral("h.sqlite3")));
        m_db.reset();
        auto db = Database::open(m_dir.filePath(QStringLiteral("h.sqlite3")));
        QVERIFY(db.ok());
        m_db = std::move(*db);
    }

    void keepsMessagesWithTheirSources() {
        HistoryStore history = store();
        const qint64 id = history.createConversation(QStringLiteral("  How   do I?  ")).value();
        QCOMPARE(history.conversation(id).value().title, QStringLiteral("How do I?"));
        ChatMessage question;
        question.conversationId = id;
        question.role = QStringLiteral("user");
        question.content = QStringLiteral("How do I?");
        QVERIFY(history.addMessage(question).ok());
        m_clock.advanceMs(1000);
        ChatMessage answer;
        answer.conversationId = id;
        answer.role = QStringLiteral("assistant");
        answer.content = QStringLiteral("Like this [1].");
        answer.model = QStringLiteral("extractive");
        answer.latencyMs = 42;
        answer.tokensIn = 100;
        answer.tokensOut = 7;
        Source s;
        s.number = 1;
        s.chunkId = 77;
        s.path = QStringLiteral("/docs/a.md");
        s.location = QStringLiteral("lines 3-9");
        s.excerpt = QStringLiteral("Like this.");
        s.textHash = 0xfedcba9876543210ULL;
        answer.sources = {s};
        const qint64 answerId = history.addMessage(answer).value();

        const auto messages = history.messages(id).value();
        QCOMPARE(messages.size(), size_t(2));
        QCOMPARE(messages[0].role, QStringLiteral("user"));
        QCOMPARE(messages[1].id, answerId);
        QCOMPARE(messages[1].latencyMs, qint64(42));
        QCOMPARE(messages[1].tokensOut, 7);
        QCOMPARE(messages[1].sources.size(), size_t(1));
        QCOMPARE(messages[1].sources[0].chunkId, qint64(77));
        QCOMPARE(messages[1].sources[0].excerpt, QStringLiteral("Like this."));
        QCOMPARE(messages[1].sources[0].textHash, 0xfedcba9876543210ULL);
        QCOMPARE(history.messages(id, 1).value().front().id, answerId);
        QCOMPARE(history.conversation(id).value().updatedAt, m_clock.nowMs());
    }

    void feedbackAndNotes() {
        HistoryStore history = store();
        const qint64 id = history.createConversation(QStringLiteral("q")).value();
        ChatMessage m;
        m.conversationId = id;
        m.role = QStringLiteral("assistant");
        m.content = QStringLiteral("a");
        const qint64 messageId = history.addMessage(m).value();
        QVERIFY(history.setFeedback(messageId, -1, QStringLiteral("wrong page")).ok());
        QCOMPARE(history.message(messageId).value().feedback, -1);
        QCOMPARE(history.message(messageId).value().feedbackNote, QStringLiteral("wrong page"));
        QCOMPARE(history.setFeedback(messageId, 5).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(history.setFeedback(999, 1).error().code, ErrorCode::NotFound);
    }

    void listsSearchesRenamesAndDeletes() {
        HistoryStore history = store();
        const qint64 first = history.createConversation(QStringLiteral("Virtual environments")).value();
        m_clock.advanceMs(10);
        const qint64 second = history.createConversation(QStringLiteral("Files")).value();
        ChatMessage m;
        m.conversationId = second;
        m.role = QStringLiteral("user");
        m.content = QStringLiteral("read 100% of a_file");
        QVERIFY(history.addMessage(m).ok());
        auto all = history.conversations().value();
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[0].id, second); // newest first
        QCOMPARE(all[0].messageCount, 1);
        QCOMPARE(history.conversations(QStringLiteral("virtual")).value().size(), size_t(1));
        QCOMPARE(history.conversations(QStringLiteral("100%")).value().front().id, second);
        QCOMPARE(history.conversations(QStringLiteral("0_")).value().size(), size_t(0)); // no wildcard
        QVERIFY(history.rename(first, QStringLiteral("venv")).ok());
        QCOMPARE(history.conversation(first).value().title, QStringLiteral("venv"));
        QVERIFY(history.remove(second).ok());
        QCOMPARE(history.messages(second).value().size(), size_t(0));
        QCOMPARE(history.remove(second).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "test_history_store.moc"
