#pragma once

#include "engine/core/result.h"
#include "engine/index/scored_chunk.h"

#include <QString>

#include <memory>
#include <optional>
#include <span>
#include <stop_token>
#include <vector>

namespace docrag {

struct VectorIndexParams final {
    int m = 16;
    // A cheaper graph searched with a wider beam: on the Qt docs (76k passages) efConstruction 48 and the
    // beam of 1,898 find 98 % of the true ten nearest, 64 and the old beam of 759 found 88-93 %, and the
    // graph takes a quarter less time to build (BENCHMARKS.md, "Ingest of the Qt 5 docs under 9 s").
    int efConstruction = 48;
    // Past 76,800 vectors the construction beam grows (size / 1,600, up to this), so that the Qt docs
    // still build at 48 and large graphs get the beam they need: on 344k passages of real documentation
    // a graph built at 48 throughout finds 90.6 % of the true ten nearest (beam 2,048), this growing
    // beam 96.3 %, 128 throughout 98.7 % at a tenth more build time than the growing one.
    int efConstructionMax = 256;
    // The search beam grows with the index (size / 40, within these bounds): a fixed beam that finds
    // 99 % of the true neighbours among 14k vectors finds under 80 % among 100k.
    int efSearch = 256;
    int efSearchMax = 2048;
    // Up to this many vectors a search is an exact scan: as fast as the graph and never misses.
    size_t exactSearchLimit = 4096;
};

// An approximate nearest-neighbour index (hnswlib HNSW, inner product on normalised vectors) whose
// labels are chunk ids. It keeps its vectors in half precision: scores are within about 0.001 of the
// floats' (the embeddings table keeps the floats). A derived cache of the embeddings table: see
// VectorIndexManager. Thread-safe: searches run concurrently; adds and removals take turns with them, so the
// index stays searchable while it is being filled.
class VectorIndex final {
public:
    explicit VectorIndex(int dimension, size_t initialCapacity = 1024, VectorIndexParams params = {});
    ~VectorIndex();
    VectorIndex(const VectorIndex&) = delete;
    VectorIndex& operator=(const VectorIndex&) = delete;

    // Any failure (missing, truncated, wrong dimension) is an Error, never a crash or an exception.
    // `liveCount`, when the caller knows how many vectors of the file are not removed (its sidecar
    // says), spares reading every record for its removal mark: a search then reads only what it visits.
    static Result<std::unique_ptr<VectorIndex>> load(const QString& path, int dimension,
                                                     VectorIndexParams params = {},
                                                     std::optional<size_t> liveCount = std::nullopt);
    // Writes to a temporary file, checks its size, syncs it and renames it over `path`, so a crash or a
    // full disk never leaves half a file. `checksum` gets the XXH3 of the bytes written, read before the
    // rename: another process may replace the file at `path` right after; `identity` gets the written
    // file's FileIdentity, taken before the rename for the same reason.
    Status save(const QString& path, quint64* checksum = nullptr, QString* identity = nullptr) const;

    // Adds or replaces the vector of `label`.
    Status add(qint64 label, std::span<const float> vector);
    // Adds many vectors (labels.size() * dimension floats) on the calling thread, a slice at a time so
    // that searches still get their turn between slices; stops between slices once `stop` is
    // requested (Cancelled).
    Status addBatch(std::span<const qint64> labels, std::span<const float> vectors,
                    std::stop_token stop = {});
    void remove(qint64 label);
    // The k most similar vectors, best first; score = inner product (cosine for normalised vectors).
    Result<std::vector<ScoredChunk>> search(std::span<const float> query, size_t k) const;
    // Exhaustive search, for small indexes and for measuring the recall of the graph search.
    Result<std::vector<ScoredChunk>> searchExact(std::span<const float> query, size_t k) const;

    size_t size() const;         // live vectors
    size_t deletedCount() const; // removed but still taking space until a rebuild
    int dimension() const { return m_dimension; }
    // The beams (candidates kept while walking the graph) of inserts and of searches.
    int efConstruction() const;
    int efSearch() const;
    // Fixes the search beam (no longer adapting to the size).
    void setEfSearch(int ef);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    int m_dimension;
};

} // namespace docrag
