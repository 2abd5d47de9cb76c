#pragma once

#include "engine/core/chunk.h"
#include "engine/core/document.h"
#include "engine/core/symbol.h"
#include "engine/ingest/ingest_limits.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <stop_token>
#include <unordered_map>
#include <vector>

namespace docrag {

class Chunker;
class Embedder;
class LoaderRegistry;
class PerformanceMonitor;

// One file to (re)process, with what the database knows of its previous version.
struct FileJob final {
    QString path;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    std::optional<Document> previous;
    // Vectors of the previous version's chunks by text hash: unchanged texts are not embedded again.
    std::unordered_map<quint64, std::vector<float>> reusable;
};

struct ProcessedFile final {
    enum class Kind { Indexed, SameContent, Skipped, Failed, Cancelled };

    FileJob job;
    Kind kind = Kind::Failed;
    QString detail; // the reason for Skipped/Failed; notes (encoding) for Indexed
    QString title;
    QString contentHash;
    qint64 bytesRead = 0;
    std::vector<Chunk> chunks;
    std::vector<float> vectors; // chunks.size() * dimension
    std::vector<Symbol> symbols;
    int embedded = 0;
    int reused = 0;
};

// The part of ingestion that runs on pool threads: read, hash, load, chunk, embed. No database.
class FileProcessor final {
    // A file's detail reaches the person who ingests it, in the window's language when it has one.
    Q_DECLARE_TR_FUNCTIONS(FileProcessor)

public:
    FileProcessor(const LoaderRegistry& loaders, const Chunker& chunker, const Embedder& embedder,
                  const IngestLimits& limits, PerformanceMonitor* monitor = nullptr);

    ProcessedFile process(FileJob job, std::stop_token stop) const;

private:
    void embed(ProcessedFile& file, std::stop_token stop) const;

    const LoaderRegistry& m_loaders;
    const Chunker& m_chunker;
    const Embedder& m_embedder;
    const IngestLimits m_limits;
    PerformanceMonitor* m_monitor = nullptr;
};

} // namespace docrag
