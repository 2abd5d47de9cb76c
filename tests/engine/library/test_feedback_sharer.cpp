#include "engine/library/feedback_sharer.h"
#include "engine/library/team_libraries.h"
#include "engine/store/history_store.h"
#include "tests/support/team_library_rig.h"

#include <QTest>

using namespace docrag;

// Feedback on a team library's answers, on a real PostgreSQL server: sent with the next sync when this
// data folder shares it (and only then, and only for the library's answers), withdrawn the same way,
// and read back as the team's report of the questions its docs answer badly.
class TestFeedbackSharer final : public QObject {
    Q_OBJECT

private:
    test::TeamLibraryRig m_rig;

    // A question and its answer citing `collection`; the answer's id.
    static qint64 answered(RagEngine& engine, const QString& question, const QString& collection) {
        HistoryStore history = engine.history();
        auto conversation = history.createConversation(question);
        ChatMessage asked;
        asked.conversationId = *conversation;
        asked.role = QStringLiteral("user");
        asked.content = question;
        (void)history.addMessage(asked);
        ChatMessage reply;
        reply.conversationId = *conversation;
        reply.role = QStringLiteral("assistant");
        reply.content = QStringLiteral("An answer [1].");
        Source source;
        source.number = 1;
        source.collection = collection;
        source.path = QStringLiteral("/docs/page.md");
        reply.sources.push_back(source);
        auto id = history.addMessage(reply);
        return id ? *id : 0;
    }

private slots:
    void initTestCase() { QVERIFY2(m_rig.start(), qPrintable(m_rig.server().error())); }

    void theLibrarysAnswersFeedbackReachesTheTeamWhenShared() {
        test::TeamLibraryRig::Shared shared;
        const QString failed = m_rig.shareFresh(QStringLiteral("fb"), 2, QStringLiteral("plover"), shared);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QString& url = shared.url;
        const QString& database = shared.database;
        RagEngine* writer = shared.writer.get();
        RagEngine* reader = shared.reader.get();
        // A reader's role may read the library and add feedback, nothing more.
        QVERIFY(m_rig.server().exec(QStringLiteral("CREATE ROLE fb_reader LOGIN PASSWORD 'fb-secret'")));
        for (const QString& sql : {QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO fb_reader"),
                                   QStringLiteral("GRANT INSERT ON feedback TO fb_reader"),
                                   QStringLiteral("GRANT USAGE ON SEQUENCE feedback_id_seq TO fb_reader")})
            QVERIFY2(m_rig.server().exec(sql, database), qPrintable(m_rig.server().error()));
        const QString readerUrl =
            m_rig.server().url(database, QStringLiteral("fb_reader"), QStringLiteral("fb-secret"));
        QVERIFY(reader->libraries().subscribe(readerUrl));
        QVERIFY(reader->syncLibrary(readerUrl));

        const qint64 bad =
            answered(*reader, QStringLiteral("How do I configure plover0?"), QStringLiteral("docs"));
        const qint64 good = answered(*reader, QStringLiteral("What is plover1?"), QStringLiteral("docs"));
        const qint64 local =
            answered(*reader, QStringLiteral("Where is my own page?"), QStringLiteral("mine"));
        QVERIFY(bad && good && local);
        QVERIFY(reader->history().setFeedback(bad, -1, QStringLiteral("it skips the config file")));
        QVERIFY(reader->history().setFeedback(good, 1));
        QVERIFY(reader->history().setFeedback(local, -1));

        // Not shared yet: nothing leaves this computer.
        auto synced = reader->syncLibrary(readerUrl);
        QVERIFY(synced);
        QCOMPARE(synced->feedbackShared, 0);
        QVERIFY(reader->libraries().feedbackReport(readerUrl)->empty());

        QVERIFY(reader->libraries().setShareFeedback(readerUrl, true));
        synced = reader->syncLibrary(readerUrl);
        QVERIFY2(synced, qPrintable(synced ? QString() : synced.error().message));
        QVERIFY2(synced->problems.isEmpty(), qPrintable(synced->problems.join(QLatin1Char(';'))));
        QCOMPARE(synced->feedbackShared, 2); // not the answer from the local collection
        auto report = writer->libraries().feedbackReport(url);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->size(), size_t(2));
        QCOMPARE(report->front().question, QStringLiteral("How do I configure plover0?"));
        QCOMPARE(report->front().notHelpful, 1);
        QCOMPARE(report->front().notes, QStringList{QStringLiteral("it skips the config file")});
        QCOMPARE(report->front().collections, QStringList{QStringLiteral("docs")});
        QCOMPARE(report->back().helpful, 1);

        // Sent once; a withdrawn rating is withdrawn there too.
        QCOMPARE(reader->syncLibrary(readerUrl)->feedbackShared, 0);
        QVERIFY(reader->history().setFeedback(bad, 0));
        QCOMPARE(reader->syncLibrary(readerUrl)->feedbackShared, 1);
        report = writer->libraries().feedbackReport(url);
        QCOMPARE(report->size(), size_t(1));
        QCOMPARE(report->front().question, QStringLiteral("What is plover1?"));
    }

    // Each data folder's answers are its own: two machines' first answers (the same message id in each
    // database) are two pieces of feedback, not one replacing the other.
    void twoMachinesFeedbackOnTheirFirstAnswersCountsTwice() {
        test::TeamLibraryRig::Shared shared;
        const QString failed = m_rig.shareFresh(QStringLiteral("two"), 1, QStringLiteral("ruff"), shared);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        std::unique_ptr<RagEngine> other = m_rig.engine(QStringLiteral("two/other-reader"));
        QVERIFY(other);
        qint64 ids[2] = {0, 0};
        int n = 0;
        for (RagEngine* reader : {shared.reader.get(), other.get()}) {
            QVERIFY(reader->libraries().subscribe(shared.url));
            QVERIFY(reader->libraries().setShareFeedback(shared.url, true));
            QVERIFY(reader->syncLibrary(shared.url));
            ids[n] = answered(*reader, QStringLiteral("Where is ruff0 configured?"), QStringLiteral("docs"));
            QVERIFY(reader->history().setFeedback(ids[n++], -1));
            auto synced = reader->syncLibrary(shared.url);
            QVERIFY2(synced, qPrintable(synced ? QString() : synced.error().message));
            QCOMPARE(synced->feedbackShared, 1);
        }
        QCOMPARE(ids[0], ids[1]); // the case this test is about
        auto report = shared.writer->libraries().feedbackReport(shared.url);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->size(), size_t(1));
        QCOMPARE(report->front().notHelpful, 2);
    }
};

QTEST_GUILESS_MAIN(TestFeedbackSharer)
#include "test_feedback_sharer.moc"
