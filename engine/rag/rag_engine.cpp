#include "engine/rag/rag_engine.h"

#include "engine/core/clock.h"
#include "engine/core/logging.h"
#include "engine/core/stop_link.h"
#include "engine/embed/caching_embedder.h"
#include "engine/embed/embedding_cache.h"
#include "engine/embed/local_embedder.h"
#include "engine/embed/openai_embedder.h"
#include "engine/index/vector_index_manager.h"
#include "engine/ingest/chunker.h"
#include "engine/ingest/ingest_lock.h"
#include "engine/ingest/loader_registry.h"
#include "engine/ingest/toc_reader.h"
#include "engine/library/team_libraries.h"
#include "engine/llm/openai_chat_model.h"
#include "engine/llm/openai_client.h"
#include "engine/metrics/memory_probe.h"
#include "engine/metrics/performance_monitor.h"
#include "engine/rag/response_cache.h"
#include "engine/rag/statistics_keeper.h"
#include "engine/rag/symbol_lookup.h"
#include "engine/store/chunk_store.h"
#include "engine/store/database.h"
#include "engine/store/document_store.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace docrag {
namespace {

qint64 fileSize(const QString& path) {
    return QFileInfo(path).size();
}

qint64 directorySize(const QString& dir) {
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace

struct RagEngine::ModelServer final {
    ModelServer(const OpenAiConfig& config, const Clock& clock, EmbeddingCache& cache)
        : client(config, clock)
        , chatModel(client)
        , openAiEmbedder(client)
        , remoteEmbedder(openAiEmbedder, cache) {}

    OpenAiClient client;
    OpenAiChatModel chatModel;
    OpenAiEmbedder openAiEmbedder;
    CachingEmbedder remoteEmbedder; // the OpenAI embedder behind the cache
};

RagEngine::RagEngine(EngineOptions options)
    : m_options(std::move(options)) {}

RagEngine::~RagEngine() {
    // Pool work refers to the members below: stop it (ingests and answers watch the shutdown token,
    // rebuilds their manager's stop) and let it finish before they go.
    m_shutdown.request_stop();
    if (m_indexes) // not made when open() failed before it, on a database it could not migrate
        m_indexes->stopRebuilds();
    // Answers being written end quickly once stopped; their last steps run on the ask pool.
    {
        std::unique_lock lock(m_asksMutex);
        m_asksChanged.wait(lock, [this] { return m_asksInFlight == 0; });
    }
    m_longPool.waitForDone();
    m_askPool.waitForDone();
    m_pool.waitForDone();
    m_ingestWorkers.waitForDone();
    m_densePool.waitForDone();
    m_indexes.reset(); // stops and waits for its background rebuilds
    Tsan::acquire();
    // Last, when every timing is in: what this process did counts in the statistics of every process.
    if (m_statistics) {
        if (Status saved = saveStatistics(); !saved)
            Logging::get("docrag.perf")->warn("cannot store the statistics: {}", saved.error().message);
    }
}

Result<std::unique_ptr<RagEngine>> RagEngine::open(const EngineOptions& options) {
    if (options.dataDir.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no data directory given")};
    const QDir dataDir(options.dataDir);
    if (!QDir().mkpath(dataDir.absolutePath()))
        return Error{ErrorCode::Io,
                     QStringLiteral("cannot create the data directory %1").arg(dataDir.absolutePath())};

    std::unique_ptr<RagEngine> engine(new RagEngine(options));
    engine->m_options.dataDir = dataDir.absolutePath();
    auto database = Database::open(dataDir.filePath(QStringLiteral("docrag.sqlite3")));
    if (!database)
        return database.error();
    engine->m_database = std::move(*database);
    engine->m_clock = std::make_unique<SystemClock>();
    engine->m_monitor = std::make_unique<PerformanceMonitor>(*engine->m_clock);
    engine->m_database->setTransactionTimer([monitor = engine->m_monitor.get()](qint64 micros) {
        monitor->record(PerformanceMonitor::Operation::DatabaseTransaction, micros);
    });
    engine->m_statistics =
        std::make_unique<StatisticsKeeper>(*engine->m_database, *engine->m_monitor, *engine->m_clock);
    engine->m_statisticsSavedMs = engine->m_clock->nowMs();
    engine->m_loaders = std::make_unique<LoaderRegistry>();
    engine->m_chunker = std::make_unique<Chunker>(options.chunker);
    engine->m_embedder = std::make_unique<LocalEmbedder>(options.embeddingDimension);
    engine->configurePools();
    engine->m_indexes = std::make_unique<VectorIndexManager>(
        *engine->m_database, dataDir.filePath(QStringLiteral("indexes")), options.vectorIndex);
    engine->m_symbols = std::make_unique<SymbolLookup>(*engine->m_database);
    engine->m_retriever = std::make_unique<HybridRetriever>(*engine->m_database, *engine->m_indexes,
                                                            *engine->m_embedder, &engine->m_densePool);
    engine->m_retriever->setMonitor(engine->m_monitor.get());
    engine->m_pipeline = std::make_unique<IngestionPipeline>(
        *engine->m_database, *engine->m_indexes, *engine->m_loaders, *engine->m_chunker, *engine->m_embedder,
        engine->m_ingestWorkers, *engine->m_clock);
    engine->m_pipeline->setMonitor(engine->m_monitor.get());
    engine->m_responseCache = std::make_unique<ResponseCache>(*engine->m_database, *engine->m_clock);
    engine->m_libraries = std::make_unique<TeamLibraries>(*engine->m_database, *engine->m_indexes,
                                                          *engine->m_clock, engine->lockDir());
    // Set once: the server behind it may change while searches run (setModelServer).
    engine->m_retriever->setEmbedderResolver([self = engine.get()](const QString& id) {
        const Embedder* remote = self->remoteEmbedder();
        return remote && id == remote->id() ? remote : nullptr;
    });
    engine->m_askPipeline = std::make_unique<AskPipeline>(
        *engine->m_database, *engine->m_retriever, *engine->m_responseCache, *engine->m_clock, nullptr);
    engine->setModelServer(options.openai);
    return engine;
}

void RagEngine::configurePools() {
    const int threads = m_options.threads > 0 ? m_options.threads : QThread::idealThreadCount();
    const struct {
        QThreadPool& pool;
        int threads;
        const char* name;
    } pools[] = {
        {m_pool, threads, "docrag-query"},
        // Retrieval and the history of questions; a streamed answer holds none of these threads.
        {m_askPool, 8, "docrag-ask"},
        {m_densePool, threads, "docrag-dense"},
        {m_ingestWorkers, threads, "docrag-ingest"},
        {m_longPool, 2, "docrag-long"},
    };
    for (const auto& p : pools) {
        p.pool.setMaxThreadCount(std::max(1, p.threads));
        p.pool.setObjectName(QString::fromLatin1(p.name));
        // Pool threads keep their database connections; letting them expire would leak connections.
        p.pool.setExpiryTimeout(-1);
    }
}

void RagEngine::setModelServer(const std::optional<OpenAiConfig>& config) {
    ModelServer* next = nullptr;
    if (config) {
        if (!m_embeddingCache)
            m_embeddingCache = std::make_unique<EmbeddingCache>(*m_database, *m_clock);
        next =
            m_servers.emplace_back(std::make_unique<ModelServer>(*config, *m_clock, *m_embeddingCache)).get();
    }
    m_askPipeline->setChatModel(next ? &next->chatModel : nullptr);
    m_currentServer.store(next);
    m_options.openai = config;
}

OpenAiClient* RagEngine::openAiClient() {
    ModelServer* server = m_currentServer.load();
    return server ? &server->client : nullptr;
}

const Embedder* RagEngine::remoteEmbedder() const {
    const ModelServer* server = m_currentServer.load();
    return server ? &server->remoteEmbedder : nullptr;
}

bool RagEngine::readOnly() const {
    return m_database->readOnly();
}

HealthCheck::Subject RagEngine::healthSubject() {
    return HealthCheck::Subject{*m_database, m_options.dataDir, *m_embedder, m_options.openai};
}

const Embedder& RagEngine::embedder() const {
    return *m_embedder;
}

Result<LibrarySyncReport> RagEngine::syncLibrary(const QString& url, std::stop_token stop,
                                                 const LibrarySync::Progress& progress) {
    const StopLink link(stop, m_shutdown.get_token());
    auto report = m_libraries->sync(url, link.token(), progress);
    if (report) {
        for (const QString& name : report->changedCollections + report->removedCollections)
            (void)m_responseCache->invalidate(name);
    }
    return report;
}

Result<IngestReport> RagEngine::ingest(const IngestRequest& request, std::stop_token callerStop,
                                       const IngestionPipeline::ProgressCallback& progress) {
    if (m_database->readOnly())
        return Error{ErrorCode::ReadOnly, QStringLiteral("the data folder %1 is read-only: cannot ingest "
                                                         "into it")
                                              .arg(m_options.dataDir)};
    const StopLink link(callerStop, m_shutdown.get_token());
    const std::stop_token stop = link.token();
    auto lock = IngestLock::acquire(lockDir(), request.collection, stop, [&](qint64 pid) {
        Logging::get("docrag.ingest")
            ->info("waiting for another ingest of \"{}\" (process {}) to finish", request.collection, pid);
    });
    if (!lock)
        return lock.error();
    if (Status s = m_libraries->checkIngest(request); !s)
        return s.error();
    // Ingesting a folder that holds the data directory must not ingest DocRag's own database and logs.
    IngestRequest withoutData = request;
    withoutData.scan.excludedDirs << m_options.dataDir;
    // The request is stored with the collection (to resume it): a password in its library URL is kept
    // in memory for this process instead.
    if (auto url = LibraryUrl::parse(request.library); !request.library.isEmpty()) {
        if (!url)
            return url.error();
        m_libraries->rememberPassword(url->toString(), url->password);
        withoutData.library = url->toString();
    }
    auto embedder = embedderFor(request);
    if (!embedder)
        return embedder.error();
    // The dashboard's ingestion gauges follow the running ingest.
    const auto watched = [this, &progress](const IngestProgress& p, const FileReport* finished) {
        const double seconds = static_cast<double>(p.elapsedMs) / 1000.0;
        m_ingestFilesPerSecond.store(seconds > 0.0 ? p.filesDone / seconds : 0.0);
        m_ingestQueueDepth.store(std::max(0, p.filesTotal - p.filesDone));
        if (progress)
            progress(p, finished);
    };
    const auto run = [&]() -> Result<IngestReport> {
        if (*embedder == m_embedder.get())
            return m_pipeline->run(withoutData, stop, watched);
        IngestionPipeline pipeline(*m_database, *m_indexes, *m_loaders, *m_chunker, **embedder,
                                   m_ingestWorkers, *m_clock);
        pipeline.setMonitor(m_monitor.get());
        return pipeline.run(withoutData, stop, watched);
    };
    auto report = run();
    if (report && !report->cancelled && !request.library.isEmpty()) {
        auto published = m_libraries->publish(withoutData, (*embedder)->dimension(), stop);
        if (!published)
            return published.error();
        report->published = std::move(*published);
    }
    pruneCaches();
    saveStatisticsSoon();
    m_ingestFilesPerSecond.store(0.0);
    m_ingestQueueDepth.store(0);
    // Even a failed or cancelled run may have changed some files: answers drawn from the collection
    // are dropped either way; not after a run that changed nothing (a watcher's rescan, mostly).
    if (!report || report->changedFiles() > 0)
        (void)m_responseCache->invalidate(request.collection);
    return report;
}

Result<const Embedder*> RagEngine::embedderFor(const IngestRequest& request) {
    QString choice = request.embedder;
    if (choice.isEmpty()) {
        // An existing collection keeps the embedder it was built with.
        auto existing = CollectionStore(m_database->connection()).find(request.collection);
        const bool remote = existing && existing->embedderId.startsWith(QLatin1String("openai:"));
        choice = remote ? QStringLiteral("openai") : QStringLiteral("local");
    }
    if (choice == QLatin1String("local"))
        return static_cast<const Embedder*>(m_embedder.get());
    if (choice != QLatin1String("openai"))
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("unknown embedder \"%1\" (local or openai)").arg(choice)};
    const Embedder* remote = remoteEmbedder();
    if (!remote) {
        return Error{
            ErrorCode::InvalidArgument,
            QStringLiteral("the openai embedder needs a model server: set OPENAI_API_KEY or --base-url")};
    }
    return remote;
}

Result<std::vector<Hit>> RagEngine::search(const QString& query, const SearchOptions& options) {
    auto hits = m_retriever->search(query, options);
    saveStatisticsSoon();
    return hits;
}

Status RagEngine::saveStatistics() {
    if (m_database->readOnly())
        return {};
    m_statisticsSavedMs = m_clock->nowMs();
    return m_statistics->save();
}

void RagEngine::saveStatisticsSoon() {
    qint64 last = m_statisticsSavedMs.load();
    const qint64 now = m_clock->nowMs();
    // One caller wins the minute; the others go on.
    if (now - last < 60'000 || m_shutdown.stop_requested() ||
        !m_statisticsSavedMs.compare_exchange_strong(last, now))
        return;
    (void)QtConcurrent::run(&m_pool, Tsan::handOff([this] {
        if (Status saved = saveStatistics(); !saved)
            Logging::get("docrag.perf")->warn("cannot store the statistics: {}", saved.error().message);
    }));
}

Result<std::vector<OperationStats>> RagEngine::performanceHistory(int minutes) {
    return m_statistics->history(std::clamp(minutes, 1, static_cast<int>(StatisticsKeeper::kKeptMinutes)));
}

Result<qint64> RagEngine::statisticsBytes() {
    return m_statistics->storedBytes();
}

QFuture<Result<Answer>> RagEngine::ask(const AskRequest& request, AskPipeline::DeltaCallback onDelta,
                                       std::stop_token stop) {
    AskRequest effective = request;
    // A read-only data folder still answers; the question and answer are not kept.
    if (m_database->readOnly())
        effective.remember = false;
    // The engine waits for every question still going when it goes (its continuations use it).
    {
        std::lock_guard lock(m_asksMutex);
        ++m_asksInFlight;
    }
    auto link = std::make_shared<StopLink>(stop, m_shutdown.get_token());
    const auto done = [this, link](Result<Answer> answer) {
        if (answer) {
            // A cached answer streams no model token: timing it would count the history write it
            // waited for (one sample whenever that took a millisecond or more).
            if (!answer->fromCache && answer->firstTokenMs >= 0)
                m_monitor->record(PerformanceMonitor::Operation::FirstToken, answer->firstTokenMs * 1000,
                                  answer->question);
            m_monitor->record(PerformanceMonitor::Operation::Answer, answer->latencyMs * 1000,
                              answer->question);
            saveStatisticsSoon();
        }
        {
            std::lock_guard lock(m_asksMutex);
            --m_asksInFlight;
        }
        m_asksChanged.notify_all();
        return answer;
    };
    // Prepared on the ask pool; the model then writes with no thread waiting for it, and the answer
    // is concluded on the ask pool again (docs/design/threads.md). The answer reaches the caller through
    // a promise of our own rather than a continuation of the preparing task's future: Qt 6.4 crashed,
    // rarely, running that continuation (QFutureInterfaceBase::reportStarted from an AsyncContinuation,
    // under load in the stress test), and an answer without a model needs no continuation at all.
    auto promise = std::make_shared<QPromise<Result<Answer>>>();
    QFuture<Result<Answer>> answer = promise->future();
    promise->start();
    const auto deliver = [promise, done](Result<Answer> result) {
        promise->addResult(done(std::move(result)));
        Tsan::release();
        promise->finish();
    };
    AskPipeline* pipeline = m_askPipeline.get();
    QThreadPool* askPool = &m_askPool;
    (void)QtConcurrent::run(
        &m_askPool, Tsan::handOff([pipeline, request = effective, onDelta, link, deliver, askPool] {
            auto prepared = pipeline->prepare(request, onDelta, link->token());
            if (!prepared)
                return deliver(prepared.error());
            auto pending = std::make_shared<AskPipeline::Pending>(std::move(*prepared));
            if (pending->answer)
                return deliver(pipeline->conclude(*pending));
            Tsan::release();
            pending->model
                ->start(pending->prompt.messages, pipeline->streamTo(*pending, onDelta), link->token(),
                        pending->deadline)
                .then(askPool, [pipeline, pending, deliver](const Result<ChatReply>& reply) {
                    Tsan::acquire();
                    deliver(pipeline->conclude(*pending, reply));
                });
        }));
    return answer;
}

HistoryStore RagEngine::history() {
    return HistoryStore(m_database->connection(), *m_clock);
}

Result<std::vector<Document>> RagEngine::documents(qint64 collectionId) {
    return DocumentStore(m_database->connection()).listByCollection(collectionId);
}

Result<Document> RagEngine::documentAt(const QString& path, qint64 collectionId) {
    return DocumentStore(m_database->connection()).findByPath(QDir::cleanPath(path), collectionId);
}

Result<Collection> RagEngine::collection(qint64 collectionId) {
    return CollectionStore(m_database->connection()).get(collectionId);
}

Result<Document> RagEngine::document(qint64 documentId) {
    return DocumentStore(m_database->connection()).get(documentId);
}

Result<std::vector<Chunk>> RagEngine::chunks(qint64 documentId) {
    return ChunkStore(m_database->connection()).chunksForDocument(documentId);
}

Result<std::vector<OutlineNode>> RagEngine::outline(qint64 collectionId) {
    auto collection = CollectionStore(m_database->connection()).get(collectionId);
    if (!collection)
        return collection.error();
    auto documents = DocumentStore(m_database->connection()).listByCollection(collectionId);
    if (!documents)
        return documents.error();
    std::vector<TocEntry> toc;
    for (const QString& root : collection->rootPaths) {
        if (!QFileInfo(root).isDir())
            continue;
        std::vector<TocEntry> found = TocReader::read(root);
        std::move(found.begin(), found.end(), std::back_inserter(toc));
    }
    return DocumentOutline::build(collection->rootPaths, *documents, toc);
}

Result<qint64> RagEngine::chunkAt(qint64 documentId, const QString& anchor, int line) {
    return ChunkStore(m_database->connection()).chunkAt(documentId, anchor, line);
}

Result<std::vector<SymbolHit>> RagEngine::lookupSymbols(const QString& typed, int limit,
                                                        const QStringList& collections) {
    return m_symbols->lookup(typed, limit, collections);
}

void RagEngine::pruneCaches() {
    auto answers = m_responseCache->prune(kResponseCacheEntries);
    int embeddings = 0;
    if (m_embeddingCache) {
        const int dimension = m_options.openai ? m_options.openai->embeddingDimensions : 1536;
        const qint64 perEntry = static_cast<qint64>(dimension) * 4 + 64;
        auto pruned = m_embeddingCache->prune(static_cast<int>(kEmbeddingCacheBytes / perEntry));
        embeddings = pruned ? *pruned : 0;
    }
    if ((answers && *answers > 0) || embeddings > 0)
        Logging::get("docrag.cache")
            ->info("pruned {} cached answers and {} cached embeddings", answers ? *answers : 0, embeddings);
}

PerformanceSnapshot RagEngine::performanceSnapshot(int everyProcessMinutes) {
    QElapsedTimer cost;
    cost.start();
    PerformanceSnapshot snap = m_monitor->snapshot();
    if (everyProcessMinutes > 0) {
        if (auto history = performanceHistory(everyProcessMinutes)) {
            snap.operations = std::move(*history);
            snap.windowMinutes = everyProcessMinutes;
            snap.everyProcess = true;
        }
    }
    snap.caches.push_back(
        CacheStats{QStringLiteral("response"), m_responseCache->hits(), m_responseCache->misses()});
    if (m_embeddingCache)
        snap.caches.push_back(
            CacheStats{QStringLiteral("embedding"), m_embeddingCache->hits(), m_embeddingCache->misses()});
    snap.residentBytes = MemoryProbe::residentBytes();
    if (auto s = stats()) {
        snap.databaseBytes = s->databaseBytes;
        snap.indexBytes = s->indexBytes;
        snap.collections = static_cast<qint64>(s->collections.size());
        for (const CollectionInfo& c : s->collections)
            snap.chunks += c.stats.chunks;
    }
    snap.logBytes = directorySize(QDir(m_options.dataDir).filePath(QStringLiteral("logs")));
    snap.ingestFilesPerSecond = m_ingestFilesPerSecond.load();
    snap.ingestQueueDepth = m_ingestQueueDepth.load();
    // Through the atomic pointer: snapshots are taken on pool threads while the UI may swap servers;
    // a replaced server stays alive until the engine goes.
    if (const ModelServer* server = m_currentServer.load()) {
        const UsageCounters& usage = server->client.usage();
        snap.modelRequests = usage.requests();
        snap.promptTokens = usage.promptTokens();
        snap.completionTokens = usage.completionTokens();
        snap.costUsd = usage.costUsd();
    }
    snap.snapshotMs = static_cast<double>(cost.nsecsElapsed()) / 1e6;
    return snap;
}

Result<EngineStats> RagEngine::stats() {
    EngineStats s;
    s.dataDir = m_options.dataDir;
    s.databasePath = m_database->filePath();
    s.schemaVersion = m_database->schemaVersion();
    s.embedderId = m_embedder->id();
    s.databaseBytes = fileSize(s.databasePath) + fileSize(s.databasePath + QStringLiteral("-wal"));
    s.indexBytes = directorySize(QDir(m_options.dataDir).filePath(QStringLiteral("indexes")));
    auto all = collections();
    if (!all)
        return all.error();
    s.collections = std::move(*all);
    return s;
}

} // namespace docrag
