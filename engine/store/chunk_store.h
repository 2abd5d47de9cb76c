#pragma once

#include "engine/core/chunk.h"
#include "engine/core/hit.h"
#include "engine/core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <map>
#include <span>
#include <stop_token>
#include <unordered_map>
#include <vector>

namespace docrag {

// Chunks and their embeddings (the source of truth for vectors), on the connection it is given.
// Keep one instance per writer: it caches its prepared insert statements.
class ChunkStore final {
public:
    explicit ChunkStore(QSqlDatabase db);

    // Inserts the chunks of one document with one vector each (`vectors` holds chunks.size() * dim
    // floats); assigns Chunk::id. The FTS index follows through triggers.
    Status insert(qint64 documentId, std::vector<Chunk>& chunks, const QString& embedderId,
                  std::span<const float> vectors, int dim);
    // Deletes the document's chunks (and their embeddings) and returns the removed chunk ids.
    Result<std::vector<qint64>> removeForDocument(qint64 documentId);
    Result<std::vector<qint64>> idsForDocument(qint64 documentId) const;
    // Vectors of a document's current chunks by text hash: a changed file re-embeds only new texts.
    Result<std::unordered_map<quint64, std::vector<float>>>
    vectorsForDocument(qint64 documentId, const QString& embedderId) const;
    // Streams every vector of a collection (to rebuild its index) without holding them all in memory.
    Status forEachVector(qint64 collectionId, const QString& embedderId,
                         const std::function<void(qint64 chunkId, std::span<const float> vector)>& visit,
                         std::stop_token stop = {}) const;
    Result<qint64> countVectors(qint64 collectionId, const QString& embedderId) const;
    // Full citation data of chunks, in the order of `ids`; unknown ids are left out.
    Result<std::vector<Hit>> hits(std::span<const qint64> ids) const;
    Result<std::vector<Chunk>> chunksForDocument(qint64 documentId) const;
    // The vectors of a document's chunks in their order, one after the other (what a team library
    // receives with chunksForDocument()); Corrupt when a chunk has none of `dim` floats.
    Result<std::vector<float>> vectorsInOrder(qint64 documentId, const QString& embedderId, int dim) const;
    // The passage a place in a document starts: the first with the anchor, else the last starting at or
    // before the line, else 0 (the document's start).
    Result<qint64> chunkAt(qint64 documentId, const QString& anchor, int line) const;

private:
    QSqlQuery& insertStatement(bool vectors, size_t rows);

    QSqlDatabase m_db;
    // Prepared multi-row inserts by (vectors?, rows): preparing one costs more than running it.
    std::map<std::pair<bool, size_t>, QSqlQuery> m_inserts;
};

} // namespace docrag
