#include "engine/embed/embedding_cache.h"
#include "engine/llm/openai_client.h"
#include "engine/rag/rag_engine.h"
#include "engine/rag/response_cache.h"
#include "engine/store/database.h"
#include "engine/store/migrations.h"
#include "tests/support/fake_openai_server.h"
#include "tests/support/temp_tree.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace docrag;
using test::FakeFault;
using test::FakeOpenAiServer;

// The engine with an OpenAI-compatible server: generated answers, their faults, remote embeddings.
class TestRagEngine final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    FakeOpenAiServer m_server;
    std::unique_ptr<RagEngine> m_engine;

    Result<IngestReport> ingest(const QString& collection, const QString& embedder) {
        IngestRequest request;
        request.collection = collection;
        request.embedder = embedder;
        request.paths = {m_tree.filePath(QStringLiteral("docs"))};
        return m_engine->ingest(request);
    }

    Result<Answer> ask(const QString& question, QStringList collections = {},
                       std::function<void(QString)> onDelta = {}) {
        AskRequest request;
        request.question = question;
        request.search.collections = collections;
        return m_engine
            ->ask(request,
                  [onDelta](const QString& piece) {
                      if (onDelta)
                          onDelta(piece);
                  })
            .result();
    }

private slots:
    void initTestCase() {
        for (int i = 0; i < 12; ++i) {
            m_tree.write(
                QStringLiteral("docs/page%1.md").arg(i),
                QStringLiteral("# Page %1\n\nTopic %1 explains how to configure feature %1 with the "
                               "settings dialog.\n\n## Details\n\nFeature %1 keeps its state in a file.\n")
                    .arg(i));
        }
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        OpenAiConfig openai;
        openai.baseUrl = QUrl(m_server.baseUrl());
        openai.chatModel = QStringLiteral("fake-chat");
        openai.embeddingModel = QStringLiteral("fake-embed");
        openai.embeddingDimensions = 64;
        openai.retryBaseMs = 10;
        openai.retryMaxMs = 50;
        options.openai = openai;
        auto engine = RagEngine::open(options);
        QVERIFY(engine.ok());
        m_engine = std::move(*engine);
        QVERIFY(ingest(QStringLiteral("local"), QStringLiteral("local")).ok());
    }

    void aDatabaseItCannotMigrateIsAnErrorNotACrash() {
        test::TempTree tree;
        EngineOptions options;
        options.dataDir = tree.filePath(QStringLiteral("data"));
        QVERIFY(RagEngine::open(options).ok());
        {
            // The last migration's index is there but the version says it is not: it cannot run again.
            auto db = Database::open(options.dataDir + QStringLiteral("/docrag.sqlite3"));
            QVERIFY(db);
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(Migrations::latestVersion() - 1)));
        }
        auto engine = RagEngine::open(options);
        QVERIFY(!engine);
        QVERIFY2(engine.error().message.contains(QLatin1String("migrat")) ||
                     engine.error().message.contains(QLatin1String("schema")),
                 qPrintable(engine.error().message));
    }

    void generatesAStreamedAnswerWithSources() {
        m_server.reset();
        m_server.setChatReply(QStringLiteral("Use the settings dialog [1]."));
        QStringList pieces;
        std::mutex mutex;
        auto a = ask(QStringLiteral("How do I configure feature 3?"), {}, [&](const QString& p) {
            std::lock_guard lock(mutex);
            pieces << p;
        });
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
        QCOMPARE(a->text, QStringLiteral("Use the settings dialog [1]."));
        QVERIFY(!a->extractive);
        QCOMPARE(a->model, QStringLiteral("fake-chat"));
        QVERIFY(pieces.size() > 1);
        QVERIFY(!a->sources.empty());
        QCOMPARE(a->sources[0].number, 1);
        QVERIFY(a->requestSentMs >= 0);
        // The passages went to the model numbered, with the instruction to cite them.
        const QJsonObject body = m_server.requestBodies(QStringLiteral("/v1/chat/completions")).front();
        const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.first().toObject().value(QStringLiteral("role")).toString(),
                 QStringLiteral("system"));
        const QString user = messages.last().toObject().value(QStringLiteral("content")).toString();
        QVERIFY(user.contains(QLatin1String("[1]")));
        QVERIFY(user.contains(QLatin1String("How do I configure feature 3?")));
        const auto stored = m_engine->history().messages(a->conversationId).value();
        QCOMPARE(stored.size(), size_t(2));
        QCOMPARE(stored[1].model, QStringLiteral("fake-chat"));
        QCOMPARE(stored[1].sources.size(), a->sources.size());

        // Asked again: from the cache, the server is not asked.
        auto again = ask(QStringLiteral("how do i configure feature 3"));
        QVERIFY(again.ok());
        QVERIFY(again->fromCache);
        QCOMPARE(m_server.requestCount(QStringLiteral("/v1/chat/completions")), 1);
    }

    // What the dashboard and `stats --json` show follows what the engine did: answers, first tokens,
    // searches, cache hits and misses, model-server tokens.
    void thePerformanceSnapshotCountsWhatHappened() {
        m_server.reset();
        m_server.setChatReply(QStringLiteral("Feature 7 keeps its state in a file [1]."));
        const PerformanceSnapshot before = m_engine->performanceSnapshot();
        const auto count = [](const PerformanceSnapshot& s, const char* name) {
            return s.operation(QLatin1String(name))->count;
        };
        const auto cache = [](const PerformanceSnapshot& s) {
            for (const CacheStats& c : s.caches) {
                if (c.name == QLatin1String("response"))
                    return c;
            }
            return CacheStats{};
        };
        QVERIFY(ask(QStringLiteral("Where does feature 7 keep its state?")).ok());
        QVERIFY(ask(QStringLiteral("where does feature 7 keep its state")).ok()); // from the cache
        QVERIFY(m_engine->search(QStringLiteral("feature 7 state"), SearchOptions()).ok());
        const PerformanceSnapshot after = m_engine->performanceSnapshot();
        QCOMPARE(count(after, "answer") - count(before, "answer"), qint64(2));
        QCOMPARE(count(after, "first_token") - count(before, "first_token"),
                 qint64(1)); // the cache streams nothing
        QVERIFY(count(after, "retrieval") - count(before, "retrieval") >= 2);
        QVERIFY(count(after, "fts_query") > count(before, "fts_query"));
        QCOMPARE(cache(after).hits - cache(before).hits, qint64(1));
        QCOMPARE(cache(after).misses - cache(before).misses, qint64(1));
        QVERIFY(after.completionTokens > before.completionTokens);
        QVERIFY(after.modelRequests > before.modelRequests);
        QVERIFY(after.residentBytes > 0);
        QVERIFY(after.chunks >= 24);
        QVERIFY(after.snapshotMs < 1000);
    }

    // An answer from the cache streams no token from a model: it is no "first_token" sample, however
    // long the question waited to be stored (here 50 ms, behind another process's write).
    void aCachedAnswerIsNoFirstTokenSample() {
        m_server.reset();
        m_server.setChatReply(QStringLiteral("Feature 9 keeps its state in a file [1]."));
        const QString question = QStringLiteral("Where does feature 9 keep its state?");
        QVERIFY(ask(question).ok());
        const PerformanceSnapshot before = m_engine->performanceSnapshot();
        auto other = Database::open(m_tree.filePath(QStringLiteral("data/docrag.sqlite3")));
        QVERIFY(other.ok());
        QSqlQuery writer((*other)->connection());
        QVERIFY(writer.exec(QStringLiteral("BEGIN IMMEDIATE")));
        AskRequest request;
        request.question = question;
        auto pending = m_engine->ask(request, [](const QString&) {});
        QThread::msleep(50);
        QVERIFY(writer.exec(QStringLiteral("COMMIT")));
        const Result<Answer> answer = pending.result();
        QVERIFY(answer.ok());
        QVERIFY(answer->fromCache);
        const PerformanceSnapshot after = m_engine->performanceSnapshot();
        QCOMPARE(after.operation(QLatin1String("answer"))->count -
                     before.operation(QLatin1String("answer"))->count,
                 qint64(1));
        QCOMPARE(after.operation(QLatin1String("first_token"))->count,
                 before.operation(QLatin1String("first_token"))->count);
    }

    void faultsKeepTheQuestionAndTellTheUser() {
        m_server.reset();
        for (FakeFault fault : {FakeFault::StreamError, FakeFault::TruncatedStream}) {
            m_server.enqueueFault(fault);
            const QString question = QStringLiteral("What does feature 5 keep? (%1)").arg(int(fault));
            auto failed = ask(question);
            QVERIFY(!failed.ok());
            QVERIFY(!failed.error().message.isEmpty());
            const auto conversations = m_engine->history().conversations(question).value();
            QCOMPARE(conversations.size(), size_t(1));
            const auto messages = m_engine->history().messages(conversations[0].id).value();
            QCOMPARE(messages.size(), size_t(2));
            QCOMPARE(messages[0].content, question);
            QCOMPARE(messages[1].role, QStringLiteral("error"));
        }
        // A rate limit before the answer starts is retried: the user just gets the answer.
        m_server.enqueueFault(FakeFault::RateLimited, 0);
        auto retried = ask(QStringLiteral("What does feature 6 keep?"));
        QVERIFY(retried.ok());
        // Nothing stored before was lost.
        QVERIFY(m_engine->search(QStringLiteral("feature 7"), {}).value().size() > 0);
    }

    void ingestsWithRemoteEmbeddingsAndReusesThem() {
        m_server.reset();
        auto first = ingest(QStringLiteral("remote"), QStringLiteral("openai"));
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QCOMPARE(first->files.size(), size_t(12));
        const int requests = m_server.requestCount(QStringLiteral("/v1/embeddings"));
        QVERIFY(requests > 0);
        QVERIFY2(requests < 12, qPrintable(QString::number(requests))); // files share batches
        const auto collections = m_engine->collections().value();
        const auto remote = std::find_if(collections.begin(), collections.end(), [](const CollectionInfo& c) {
            return c.collection.name == QLatin1String("remote");
        });
        QVERIFY(remote != collections.end());
        QCOMPARE(remote->collection.embedderId, QStringLiteral("openai:fake-embed:64"));

        // Unchanged files: no embedding request at all. The embedder is the collection's own.
        auto again = ingest(QStringLiteral("remote"), QString());
        QVERIFY(again.ok());
        QCOMPARE(m_server.requestCount(QStringLiteral("/v1/embeddings")), requests);

        // One changed file: only its texts the cache has not seen go to the server.
        m_tree.write(
            QStringLiteral("docs/page2.md"),
            QStringLiteral("# Page 2\n\nTopic 2 explains how to configure feature 2 with the settings "
                           "dialog.\n\n## Details\n\nFeature 2 now keeps its state in the database.\n"));
        QVERIFY(ingest(QStringLiteral("remote"), QString()).ok());
        const auto bodies = m_server.requestBodies(QStringLiteral("/v1/embeddings"));
        QCOMPARE(bodies.size(), qsizetype(requests + 1));
        QVERIFY(bodies.back().value(QStringLiteral("input")).toArray().size() <= 2);

        // Dense search on the remote collection embeds the query through the server (once, then cached).
        SearchOptions options;
        options.collections = {QStringLiteral("remote")};
        options.mode = SearchMode::Dense;
        auto hits = m_engine->search(QStringLiteral("where does feature 9 keep its state"), options);
        QVERIFY(hits.ok());
        QVERIFY(!hits->empty());
        const int afterQuery = m_server.requestCount(QStringLiteral("/v1/embeddings"));
        QVERIFY(m_engine->search(QStringLiteral("where does feature 9 keep its state"), options).ok());
        QCOMPARE(m_server.requestCount(QStringLiteral("/v1/embeddings")), afterQuery);
        QVERIFY(m_engine->embeddingCache()->hits() > 0);
    }

    void aFailedEmbeddingBatchFailsItsFilesAndTheNextRunRetries() {
        m_server.reset();
        m_tree.write(QStringLiteral("docs/new.md"),
                     QStringLiteral("# New\n\nA brand new page about widgets.\n"));
        for (int i = 0; i < 5; ++i)
            m_server.enqueueFault(FakeFault::ServerError);
        auto failed = ingest(QStringLiteral("remote"), QString());
        QVERIFY(failed.ok());
        const auto it = std::find_if(failed->files.begin(), failed->files.end(), [](const FileReport& f) {
            return f.path.endsWith(QLatin1String("new.md"));
        });
        QVERIFY(it != failed->files.end());
        QCOMPARE(it->outcome, FileOutcome::Failed);
        auto retried = ingest(QStringLiteral("remote"), QString());
        QVERIFY(retried.ok());
        const auto again =
            std::find_if(retried->files.begin(), retried->files.end(),
                         [](const FileReport& f) { return f.path.endsWith(QLatin1String("new.md")); });
        QCOMPARE(again->outcome, FileOutcome::Indexed);
    }

    // While a model writes, no thread waits for it: with six answers streaming at once (as many
    // connections as Qt opens to one server), no thread of the ask pool is busy. The design before
    // held one ask thread per stream for the whole stream.
    void streamingAnswersHoldNoThread() {
        m_server.reset();
        m_server.setStreamTokenDelay(150);
        m_server.setChatReply(QStringLiteral("word ").repeated(30));
        constexpr int kAsks = 6;
        // Enough requests in flight at the server for all of them (the default is 4).
        const OpenAiConfig original = m_engine->openAiClient()->config();
        OpenAiConfig wide = original;
        wide.maxInFlight = kAsks;
        m_engine->setModelServer(wide);
        std::atomic<int> started = 0;
        std::vector<std::atomic<bool>> streaming(kAsks);
        std::stop_source stop;
        std::vector<QFuture<Result<Answer>>> futures;
        for (int i = 0; i < kAsks; ++i) {
            AskRequest request;
            request.question = QStringLiteral("How do I configure feature %1?").arg(i);
            request.useCache = false;
            futures.push_back(m_engine->ask(
                request,
                [&, i](const QString&) {
                    if (!streaming[static_cast<size_t>(i)].exchange(true))
                        ++started;
                },
                stop.get_token()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(started.load(), kAsks, 3000);
        QCOMPARE(m_engine->busyAskThreads(), 0);
        stop.request_stop();
        for (auto& f : futures) {
            const auto answer = f.result();
            QVERIFY(answer.ok());
            QCOMPARE(answer->finish, QStringLiteral("stopped"));
        }
        m_engine->setModelServer(original);
        m_server.setStreamTokenDelay(0);
    }

    // Stop keeps what was written and the passages it cites, marked as stopped, and that partial
    // answer is not served from the cache later (it used to be an error that lost its sources).
    void stopKeepsThePartialAnswerAndItsSources() {
        m_server.reset();
        m_server.setStreamTokenDelay(80);
        m_server.setChatReply(QStringLiteral("Open the settings dialog [1] and then choose the feature page, "
                                             "where every option is described [2]."));
        std::stop_source stop;
        AskRequest request;
        request.question = QStringLiteral("How do I configure feature 5?");
        auto answered = m_engine
                            ->ask(
                                request, [&](const QString&) { stop.request_stop(); }, stop.get_token())
                            .result();
        QVERIFY2(answered.ok(), qPrintable(answered.ok() ? QString() : answered.error().message));
        QCOMPARE(answered->finish, QStringLiteral("stopped"));
        QVERIFY(!answered->text.isEmpty());
        QVERIFY(answered->text.size() < 40);
        QVERIFY(!answered->sources.empty());
        const auto stored = m_engine->history().messages(answered->conversationId).value();
        QCOMPARE(stored.back().content, answered->text);
        QCOMPARE(stored.back().sources.size(), answered->sources.size());
        m_server.setStreamTokenDelay(0);
        auto again = ask(QStringLiteral("How do I configure feature 5?"));
        QVERIFY(again.ok());
        QVERIFY(!again->fromCache);
        QVERIFY(again->finish.isEmpty());
    }

    // An answer the model cut at its length limit says so, is stored as such, and is not cached.
    void aLengthCutOffIsMarked() {
        m_server.reset();
        m_server.setChatReply(QStringLiteral("word ").repeated(40));
        const OpenAiConfig original = m_engine->openAiClient()->config();
        OpenAiConfig shortAnswers = original;
        shortAnswers.answerTokens = 10;
        m_engine->setModelServer(shortAnswers);
        auto answered = ask(QStringLiteral("How do I configure feature 8?"));
        auto again = ask(QStringLiteral("How do I configure feature 8?"));
        m_engine->setModelServer(original);
        QVERIFY2(answered.ok(), qPrintable(answered.ok() ? QString() : answered.error().message));
        QCOMPARE(answered->finish, QStringLiteral("length"));
        QCOMPARE(answered->text.count(QStringLiteral("word")), 10);
        const auto stored = m_engine->history().messages(answered->conversationId).value();
        QCOMPARE(stored.back().finish, QStringLiteral("length"));
        QVERIFY(again.ok());
        QVERIFY(!again->fromCache);
    }

    // The same question to another server is another answer: the cache key names the server, not
    // only the model (a switched server used to get the first one's cached answer).
    void anotherServerIsAnotherCacheEntry() {
        m_server.reset();
        m_server.setChatReply(QStringLiteral("From the first server [1]."));
        auto first = ask(QStringLiteral("How do I configure feature 7?"));
        QVERIFY(first.ok());
        QVERIFY(!first->fromCache);
        FakeOpenAiServer other;
        other.setChatReply(QStringLiteral("From the second server [1]."));
        OpenAiConfig config = m_engine->openAiClient()->config();
        const OpenAiConfig original = config;
        config.baseUrl = QUrl(other.baseUrl());
        m_engine->setModelServer(config);
        auto second = ask(QStringLiteral("How do I configure feature 7?"));
        m_engine->setModelServer(original);
        QVERIFY(second.ok());
        QVERIFY(!second->fromCache);
        QCOMPARE(second->text, QStringLiteral("From the second server [1]."));
        QCOMPARE(other.requestCount(QStringLiteral("/v1/chat/completions")), 1);
    }

    void switchesModelServerAtRuntime() {
        m_server.reset();
        m_server.setChatReply(QStringLiteral("Generated after the switch [1]."));
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("switching"));
        auto opened = RagEngine::open(options);
        QVERIFY(opened.ok());
        RagEngine& engine = **opened;
        IngestRequest request;
        request.collection = QStringLiteral("docs");
        request.paths = {m_tree.filePath(QStringLiteral("docs"))};
        QVERIFY(engine.ingest(request).ok());
        const auto askIt = [&](const QString& question) {
            AskRequest ask;
            ask.question = question;
            ask.useCache = false;
            return engine.ask(ask).result();
        };
        QVERIFY(engine.openAiClient() == nullptr);
        auto offline = askIt(QStringLiteral("How do I configure feature 4?"));
        QVERIFY(offline.ok());
        QVERIFY(offline->extractive);

        OpenAiConfig config;
        config.baseUrl = QUrl(m_server.baseUrl());
        config.chatModel = QStringLiteral("fake-chat");
        config.embeddingModel = QStringLiteral("fake-embed");
        config.embeddingDimensions = 64;
        engine.setModelServer(config);
        QVERIFY(engine.openAiClient() != nullptr);
        QCOMPARE(engine.openAiClient()->config().baseUrl, QUrl(m_server.baseUrl()));
        auto generated = askIt(QStringLiteral("How do I configure feature 4?"));
        QVERIFY2(generated.ok(), qPrintable(generated.ok() ? QString() : generated.error().message));
        QVERIFY(!generated->extractive);
        QCOMPARE(generated->model, QStringLiteral("fake-chat"));
        QCOMPARE(generated->text, QStringLiteral("Generated after the switch [1]."));
        QCOMPARE(m_server.requestCount(QStringLiteral("/v1/chat/completions")), 1);
        // The remote embedder comes with the server: a collection can be built with it.
        request.collection = QStringLiteral("remote-after-switch");
        request.embedder = QStringLiteral("openai");
        QVERIFY(engine.ingest(request).ok());

        engine.setModelServer(std::nullopt);
        QVERIFY(engine.openAiClient() == nullptr);
        auto backOffline = askIt(QStringLiteral("How do I configure feature 4?"));
        QVERIFY(backOffline.ok());
        QVERIFY(backOffline->extractive);
        QCOMPARE(m_server.requestCount(QStringLiteral("/v1/chat/completions")), 1);
        // Offline, the remote collection is still searchable by keywords, and its embedder is refused.
        SearchOptions remoteOnly;
        remoteOnly.collections = {QStringLiteral("remote-after-switch")};
        QVERIFY(!engine.search(QStringLiteral("feature 9"), remoteOnly).value().empty());
        request.embedder = QString();
        auto refused = engine.ingest(request);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestRagEngine)
#include "test_rag_engine.moc"
