#include "engine/rag/rag_engine.h"
#include "engine/rag/response_cache.h"
#include "tests/support/temp_tree.h"

#include <QTest>

using namespace docrag;

// The ask path end to end on a real engine: history, response cache, invalidation, failures.
class TestAskPipeline final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;

    Result<IngestReport> ingest() {
        IngestRequest request;
        request.collection = QStringLiteral("guide");
        request.paths = {m_tree.filePath(QStringLiteral("docs"))};
        return m_engine->ingest(request);
    }

    Result<Answer> ask(const QString& question, qint64 conversation = 0, QStringList collections = {}) {
        AskRequest request;
        request.question = question;
        request.conversationId = conversation;
        request.search.collections = collections;
        return m_engine->ask(request).result();
    }

private slots:
    void initTestCase() {
        m_tree.write(
            QStringLiteral("docs/install.md"),
            QStringLiteral("# Installing\n\nTo install the tool, run the installer from a terminal:\n\n"
                           "```sh\nsudo ./install.sh\n```\n\nThe installer asks for a folder.\n"));
        m_tree.write(
            QStringLiteral("docs/search.md"),
            QStringLiteral("# Searching\n\nType words in the search box. Results show the heading path "
                           "and the lines they came from.\n"));
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine = RagEngine::open(options);
        QVERIFY(engine.ok());
        m_engine = std::move(*engine);
        QVERIFY(ingest().ok());
    }

    void answersWithCitationsAndRemembers() {
        auto a = ask(QStringLiteral("How do I install the tool?"));
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
        QVERIFY(a->extractive);
        QVERIFY(!a->fromCache);
        QVERIFY(a->text.contains(QLatin1String("sudo ./install.sh")));
        QVERIFY(a->text.contains(QLatin1String("[1]")));
        QVERIFY(!a->sources.empty());
        QVERIFY(a->sources[0].path.endsWith(QLatin1String("install.md")));
        const auto messages = m_engine->history().messages(a->conversationId).value();
        QCOMPARE(messages.size(), size_t(2));
        QCOMPARE(messages[0].content, QStringLiteral("How do I install the tool?"));
        QCOMPARE(messages[1].id, a->messageId);
        QCOMPARE(messages[1].sources.size(), a->sources.size());
        QCOMPARE(messages[1].sources[0].excerpt, a->sources[0].excerpt);

        // A follow-up in the same conversation.
        auto b = ask(QStringLiteral("How do I search?"), a->conversationId);
        QVERIFY(b.ok());
        QCOMPARE(b->conversationId, a->conversationId);
        QCOMPARE(m_engine->history().messages(a->conversationId).value().size(), size_t(4));
    }

    void repeatsComeFromTheCacheUntilTheCollectionChanges() {
        auto first = ask(QStringLiteral("Where do results come from?"));
        QVERIFY(first.ok());
        auto again = ask(QStringLiteral("where do results come from"));
        QVERIFY(again.ok());
        QVERIFY(again->fromCache);
        QCOMPARE(again->text, first->text);
        QCOMPARE(again->sources.size(), first->sources.size());
        QVERIFY(m_engine->responseCache().hits() >= 1);
        // The cached answer is still a message of its own conversation.
        QCOMPARE(m_engine->history().messages(again->conversationId).value().size(), size_t(2));

        m_tree.write(QStringLiteral("docs/search.md"),
                     QStringLiteral("# Searching\n\nResults come from the collections you selected.\n"));
        QVERIFY(ingest().ok());
        auto fresh = ask(QStringLiteral("Where do results come from?"));
        QVERIFY(fresh.ok());
        QVERIFY(!fresh->fromCache);
        QVERIFY(fresh->text.contains(QLatin1String("collections you selected")));
    }

    void aFailureKeepsTheQuestion() {
        auto failed = ask(QStringLiteral("anything at all?"), 0, {QStringLiteral("no-such-collection")});
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, ErrorCode::NotFound);
        const auto conversations =
            m_engine->history().conversations(QStringLiteral("anything at all")).value();
        QCOMPARE(conversations.size(), size_t(1));
        const auto messages = m_engine->history().messages(conversations[0].id).value();
        QCOMPARE(messages.size(), size_t(2));
        QCOMPARE(messages[0].role, QStringLiteral("user"));
        QCOMPARE(messages[1].role, QStringLiteral("error"));
        QVERIFY(messages[1].content.contains(QLatin1String("no-such-collection")));
    }

    void badRequestsAreErrors() {
        QCOMPARE(ask(QStringLiteral("   ")).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(ask(QStringLiteral("install"), 123456).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestAskPipeline)
#include "test_ask_pipeline.moc"
