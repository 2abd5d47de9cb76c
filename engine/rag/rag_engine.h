#pragma once

#include "engine/core/collection.h"
#include "engine/core/hit.h"
#include "engine/core/result.h"
#include "engine/index/hybrid_retriever.h"
#include "engine/ingest/ingestion_pipeline.h"
#include "engine/rag/engine_options.h"
#include "engine/store/collection_store.h"

#include <QThreadPool>

#include <memory>
#include <vector>

namespace docrag {

class Chunker;
class Clock;
class Database;
class Embedder;
class LoaderRegistry;
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

    const EngineOptions& options() const { return m_options; }
    const Embedder& embedder() const;
    QThreadPool& pool() { return m_pool; }

private:
    explicit RagEngine(EngineOptions options);

    EngineOptions m_options;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<LoaderRegistry> m_loaders;
    std::unique_ptr<Chunker> m_chunker;
    std::unique_ptr<Embedder> m_embedder;
    std::unique_ptr<VectorIndexManager> m_indexes;
    std::unique_ptr<HybridRetriever> m_retriever;
    std::unique_ptr<IngestionPipeline> m_pipeline;
    QThreadPool m_pool;
};

} // namespace docrag
