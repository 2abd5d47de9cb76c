#pragma once

#include "engine/core/answer.h"
#include "engine/core/collection.h"
#include "engine/core/hit.h"
#include "engine/core/result.h"
#include "engine/index/hybrid_retriever.h"
#include "engine/ingest/ingestion_pipeline.h"
#include "engine/rag/ask_pipeline.h"
#include "engine/rag/engine_options.h"
#include "engine/store/collection_store.h"
#include "engine/store/history_store.h"

#include <QFuture>
#include <QThreadPool>

#include <memory>
#include <vector>

namespace docrag {

class Chunker;
class Clock;
class Database;
class Embedder;
class CachingEmbedder;
class ChatModel;
class EmbeddingCache;
class OpenAiEmbedder;
class LoaderRegistry;
class OpenAiClient;
class ResponseCache;
class VectorIndexManager;

struct CollectionInfo final {
    Collection collection;
    CollectionStats stats;
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

    Result<IngestReport> ingest(const IngestRequest& request, std::stop_token stop = {},
                                const IngestionPipeline::ProgressCallback& progress = {});
    Result<std::vector<CollectionInfo>> collections();
    Status removeCollection(const QString& name);
    Result<std::vector<Hit>> search(const QString& query, const SearchOptions& options);
    Result<EngineStats> stats();

    // Answers on the engine's pool. `onDelta` gets the text as it is produced, on a pool thread:
    // a UI forwards it to its own thread. The question is in the history before anything can fail.
    QFuture<Result<Answer>> ask(const AskRequest& request, AskPipeline::DeltaCallback onDelta = {},
                                std::stop_token stop = {});
    // The history, on the calling thread's connection.
    HistoryStore history();
    ResponseCache& responseCache() { return *m_responseCache; }
    // The model server's client, when one is configured.
    OpenAiClient* openAiClient() { return m_openAi.get(); }
    EmbeddingCache* embeddingCache() { return m_embeddingCache.get(); }

    const EngineOptions& options() const { return m_options; }
    const Embedder& embedder() const;
    QThreadPool& pool() { return m_pool; }

private:
    explicit RagEngine(EngineOptions options);
    Result<const Embedder*> embedderFor(const IngestRequest& request);
    void connectModelServer(const OpenAiConfig& config);

    EngineOptions m_options;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<LoaderRegistry> m_loaders;
    std::unique_ptr<Chunker> m_chunker;
    std::unique_ptr<Embedder> m_embedder;
    std::unique_ptr<VectorIndexManager> m_indexes;
    std::unique_ptr<HybridRetriever> m_retriever;
    std::unique_ptr<IngestionPipeline> m_pipeline;
    std::unique_ptr<OpenAiClient> m_openAi;
    std::unique_ptr<ChatModel> m_chatModel;
    std::unique_ptr<EmbeddingCache> m_embeddingCache;
    std::unique_ptr<OpenAiEmbedder> m_openAiEmbedder;
    std::unique_ptr<CachingEmbedder> m_remoteEmbedder; // the OpenAI embedder behind the cache
    std::unique_ptr<ResponseCache> m_responseCache;
    std::unique_ptr<AskPipeline> m_askPipeline;
    QThreadPool m_pool;
};

} // namespace docrag
