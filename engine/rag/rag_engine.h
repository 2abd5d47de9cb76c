#pragma once

#include "engine/core/answer.h"
#include "engine/core/chunk.h"
#include "engine/core/collection.h"
#include "engine/core/document.h"
#include "engine/core/hit.h"
#include "engine/core/result.h"
#include "engine/core/symbol.h"
#include "engine/core/tsan.h"
#include "engine/index/hybrid_retriever.h"
#include "engine/ingest/ingestion_pipeline.h"
#include "engine/library/library_sync.h"
#include "engine/metrics/health_check.h"
#include "engine/metrics/performance_snapshot.h"
#include "engine/rag/ask_pipeline.h"
#include "engine/rag/document_outline.h"
#include "engine/rag/engine_options.h"
#include "engine/store/collection_store.h"
#include "engine/store/history_store.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace docrag {

class Chunker;
class Clock;
class Database;
class Embedder;
class EmbeddingCache;
class LoaderRegistry;
class OpenAiClient;
class PerformanceMonitor;
class ResponseCache;
class StatisticsKeeper;
class SymbolLookup;
class TeamLibraries;
class VectorIndexManager;

struct CollectionInfo final {
    // Interrupted: the last ingest was cancelled, failed, or its process died; it can be resumed.
    enum class Ingest { Complete, Running, Interrupted };
    Collection collection;
    CollectionStats stats;
    Ingest ingest = Ingest::Complete;
    static QString ingestName(Ingest ingest); // "complete", "running", "interrupted"
};

struct EngineStats final {
    QString dataDir;
    QString databasePath;
    int schemaVersion = 0;
    QString embedderId;
    qint64 databaseBytes = 0; // the file plus its WAL
    qint64 indexBytes = 0;    // all vector index files
    std::vector<CollectionInfo> collections;
};

// The facade the desktop app and the CLI use: everything the engine can do, nothing about widgets.
class RagEngine final {
public:
    static Result<std::unique_ptr<RagEngine>> open(const EngineOptions& options);
    ~RagEngine();
    RagEngine(const RagEngine&) = delete;
    RagEngine& operator=(const RagEngine&) = delete;

    // Waits for another ingest of the same collection (in any process) to finish first. With
    // IngestRequest::library, the collection is then shared in that team library (IngestReport::published).
    Result<IngestReport> ingest(const IngestRequest& request, std::stop_token stop = {},
                                const IngestionPipeline::ProgressCallback& progress = {});
    Result<std::vector<CollectionInfo>> collections();
    // Whether there is any collection: without counting what each holds, as collections() does (a
    // one-shot search asks it before anything else).
    Result<bool> hasCollections();
    // The request of the collection's last ingest, to run again when it was interrupted.
    Result<IngestRequest> resumeRequest(const QString& collection);
    // The ingest that brings a collection in step with its folders: its roots with the options of its
    // last ingest; with `changed` (absolute paths), only those files and folders are looked at.
    Result<IngestRequest> syncRequest(const QString& collection, const QStringList& changed = {});
    // Marks a collection to follow its folders while a watcher runs (LiveCollections), or not.
    Status setKeepInSync(const QString& collection, bool keep);
    Status removeCollection(const QString& name);
    // Team libraries: subscriptions and publishing (TeamLibraries); a sync through syncLibrary(), which
    // also drops the cached answers of the collections it changed.
    TeamLibraries& libraries() { return *m_libraries; }
    Result<LibrarySyncReport> syncLibrary(const QString& url, std::stop_token stop = {},
                                          const LibrarySync::Progress& progress = {});
    Result<std::vector<Hit>> search(const QString& query, const SearchOptions& options);
    Result<EngineStats> stats();
    // Timings of the last hour, cache hit rates, memory, sizes, ingestion and model-server usage: the
    // dashboard's and `docrag-cli stats --json`'s figures. Cheap: milliseconds. With `everyProcessMinutes`,
    // the timings are those of every process over that many minutes (performanceHistory()), when the
    // database can give them.
    PerformanceSnapshot performanceSnapshot(int everyProcessMinutes = 0);
    PerformanceMonitor& monitor() { return *m_monitor; }
    // Every process's timings of the last `minutes` minutes (up to a week), from the database's
    // statistics and this process's own: see StatisticsKeeper.
    Result<std::vector<OperationStats>> performanceHistory(int minutes);
    // The size of those statistics in the database.
    Result<qint64> statisticsBytes();
    // Stores this process's timings in the database's statistics now (the engine also does it about
    // once a minute while it works, and when it goes). Nothing to do in a read-only data folder.
    Status saveStatistics();
    // What `docrag-cli health` and the status bar check.
    HealthCheck::Subject healthSubject();
    // Drops expired answers and the oldest cached embeddings beyond their caps, so that the caches
    // stay within the disk budget (with the logs, under 100 MB). Runs after every ingest; the desktop
    // app also runs it when it starts (not at open: a read-only command must not write).
    void pruneCaches();
    static constexpr int kResponseCacheEntries = 2000;
    static constexpr qint64 kEmbeddingCacheBytes = 64ll * 1024 * 1024;
    // Offline browsing: the documents of a collection, one document, its chunks in order.
    Result<std::vector<Document>> documents(qint64 collectionId);
    Result<Document> document(qint64 documentId);
    Result<Collection> collection(qint64 collectionId);
    // The document a link points to (a local path), from `collectionId` when it holds one: NotFound when
    // no collection does.
    Result<Document> documentAt(const QString& path, qint64 collectionId);
    Result<std::vector<Chunk>> chunks(qint64 documentId);
    // The collection's documents as a docs browser shows them: DocumentOutline, with the table of contents
    // its folders declare (read from disk; without one, or without the folders, by folder).
    Result<std::vector<OutlineNode>> outline(qint64 collectionId);
    // The API names that best match what was typed (type-ahead): see SymbolLookup.
    Result<std::vector<SymbolHit>> lookupSymbols(const QString& typed, int limit,
                                                 const QStringList& collections = {});
    SymbolLookup& symbols() { return *m_symbols; }
    // The passage where a symbol (or any anchor or line) is defined: ChunkStore::chunkAt.
    Result<qint64> chunkAt(qint64 documentId, const QString& anchor, int line);

    // Runs `work` (a call of the methods above) on the engine's pool and returns its future: how the
    // desktop app calls them without blocking its thread. Each pool thread has its own connection.
    // Work given here must not wait for other work of this pool (see docs/design/threads.md).
    template <typename Work> auto run(Work work) {
        return QtConcurrent::run(&m_pool, Tsan::handOff(std::move(work)));
    }
    // The same for long work (ingestion) on a thread of its own, so that questions and browsing keep
    // the pool while a collection is being built.
    template <typename Work> auto runLong(Work work) {
        return QtConcurrent::run(&m_longPool, Tsan::handOff(std::move(work)));
    }

    // Answers: retrieval on the engine's ask pool, then the model's stream with no thread waiting for
    // it. `onDelta` gets the text as it is produced, on another thread (the model client's, or the ask
    // pool's): a UI forwards it to its own thread. The question is in the
    // history before anything can fail.
    QFuture<Result<Answer>> ask(const AskRequest& request, AskPipeline::DeltaCallback onDelta = {},
                                std::stop_token stop = {});
    // Threads of the ask pool running something now: none while answers are only being streamed.
    int busyAskThreads() const { return m_askPool.activeThreadCount(); }
    // The history, on the calling thread's connection.
    HistoryStore history();
    ResponseCache& responseCache() { return *m_responseCache; }
    // The model server's client, when one is configured.
    OpenAiClient* openAiClient();
    // Created with the first model server and kept when going offline; nullptr before.
    EmbeddingCache* embeddingCache() { return m_embeddingCache.get(); }
    // Connects to another model server (generated answers, the "openai" embedder), or with std::nullopt
    // goes offline (extractive answers). Call when no question is being answered: the desktop app
    // disables asking while it swaps. The previous server's objects stay alive until the engine goes,
    // so an ingest or search that started before the swap finishes with the server it began with.
    void setModelServer(const std::optional<OpenAiConfig>& config);

    const EngineOptions& options() const { return m_options; }
    // The data folder cannot be written: searching and answering work, storing does not.
    bool readOnly() const;
    const Embedder& embedder() const;
    QThreadPool& pool() { return m_pool; }
    // Set when the engine is going away: long work given this token (or linked to it) stops.
    std::stop_token shutdownToken() const { return m_shutdown.get_token(); }
    // Background rebuilds of vector indexes (tests and benchmarks wait for them).
    VectorIndexManager& indexes() { return *m_indexes; }

private:
    explicit RagEngine(EngineOptions options);
    void configurePools();
    QString lockDir() const;
    struct ModelServer; // the client and what is built on it, defined in the .cpp

    Result<const Embedder*> embedderFor(const IngestRequest& request);
    // Saves the statistics on the pool when the last save is a minute old.
    void saveStatisticsSoon();
    const Embedder* remoteEmbedder() const;

    EngineOptions m_options;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<PerformanceMonitor> m_monitor;
    std::unique_ptr<StatisticsKeeper> m_statistics;
    std::atomic<qint64> m_statisticsSavedMs{0};
    std::unique_ptr<Database> m_database;
    std::unique_ptr<LoaderRegistry> m_loaders;
    std::unique_ptr<Chunker> m_chunker;
    std::unique_ptr<Embedder> m_embedder;
    std::unique_ptr<VectorIndexManager> m_indexes;
    std::unique_ptr<HybridRetriever> m_retriever;
    std::unique_ptr<SymbolLookup> m_symbols;
    std::unique_ptr<IngestionPipeline> m_pipeline;
    std::unique_ptr<TeamLibraries> m_libraries;
    std::unique_ptr<EmbeddingCache> m_embeddingCache;
    // Every server configured so far: a replaced one stays alive until the engine goes, for the pool
    // threads (ingest, dense search, snapshots) that may still use it.
    std::vector<std::unique_ptr<ModelServer>> m_servers;
    std::atomic<ModelServer*> m_currentServer{nullptr}; // none: offline
    std::unique_ptr<ResponseCache> m_responseCache;
    std::unique_ptr<AskPipeline> m_askPipeline;
    std::atomic<double> m_ingestFilesPerSecond{0.0};
    std::atomic<qint64> m_ingestQueueDepth{0};
    std::stop_source m_shutdown;
    std::mutex m_asksMutex;
    std::condition_variable m_asksChanged;
    int m_asksInFlight = 0;
    // The executors (docs/design/threads.md): none runs work that waits for work of its own pool, and
    // every wait goes to a pool that never waits back.
    QThreadPool m_pool;          // queries and browsing (run())
    QThreadPool m_askPool;       // questions: retrieval, then the model's answer
    QThreadPool m_densePool;     // the dense half of hybrid searches
    QThreadPool m_ingestWorkers; // loading, chunking and embedding files
    QThreadPool m_longPool;      // ingests' writer threads (runLong())
};

} // namespace docrag
