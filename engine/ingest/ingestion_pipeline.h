#pragma once

#include "engine/core/result.h"
#include "engine/ingest/file_scanner.h"
#include "engine/ingest/ingest_report.h"
#include "engine/ingest/ingest_request.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <stop_token>

class QThreadPool;

namespace docrag {

class Chunker;
class Clock;
class Database;
class Embedder;
class LoaderRegistry;
class PerformanceMonitor;
class VectorIndexManager;

// Folders in, searchable collection out: scan → compare with the database → load, chunk and embed
// on the thread pool → one transaction per file → vector index → progress. Incremental (unchanged
// files are not read, changed files re-embed only changed chunks, removed files are removed),
// cancellable, and crash-safe: every committed file survives, and the next run resumes.
class IngestionPipeline final {
public:
    // Called on the thread that runs the pipeline, after every file (with its report) and at the start.
    using ProgressCallback = std::function<void(const IngestProgress& progress, const FileReport* finished)>;

    // `pool` loads, chunks and embeds files: a pool of the ingest's own, so that a long ingest never
    // takes the threads questions run on.
    IngestionPipeline(Database& database, VectorIndexManager& indexes, const LoaderRegistry& loaders,
                      const Chunker& chunker, const Embedder& embedder, QThreadPool& pool,
                      const Clock& clock);

    // Blocks the calling thread, which is the single writer; the work runs on the pool.
    Result<IngestReport> run(const IngestRequest& request, std::stop_token stop = {},
                             const ProgressCallback& progress = {});

    // Times every file and every embedding batch (none by default).
    void setMonitor(PerformanceMonitor* monitor) { m_monitor = monitor; }

private:
    Database& m_database;
    VectorIndexManager& m_indexes;
    const LoaderRegistry& m_loaders;
    const Chunker& m_chunker;
    const Embedder& m_embedder;
    QThreadPool& m_pool;
    const Clock& m_clock;
    PerformanceMonitor* m_monitor = nullptr;
};

} // namespace docrag
