#pragma once

#include "engine/core/collection.h"
#include "engine/core/result.h"
#include "engine/index/vector_index.h"

#include <QMutex>
#include <QString>

#include <memory>
#include <unordered_map>

class QThreadPool;

namespace docrag {

class Database;

// Owns the vector index of each collection. The embeddings table is the source of truth: an index
// file that is missing, stale (its generation is behind the collection's) or corrupt (checksum) is
// rebuilt from SQLite, never by embedding again.
class VectorIndexManager final {
public:
    // Rebuilds insert in parallel on `pool` (the global pool when none is given).
    VectorIndexManager(Database& database, QString indexDir, VectorIndexParams params = {},
                       QThreadPool* pool = nullptr);
    ~VectorIndexManager();

    // The collection's index, current with the database (loaded, or rebuilt and saved).
    Result<std::shared_ptr<VectorIndex>> open(const Collection& collection, int dimension);
    // Records that the in-memory index now reflects the collection at `generation`.
    void markCurrent(qint64 collectionId, qint64 generation);
    // Writes the index and its sidecar (generation, checksum) if it changed since the last save.
    Status save(qint64 collectionId);
    // Forgets the in-memory index (it fell behind): the next open() loads or rebuilds it.
    void invalidate(qint64 collectionId);
    // Forgets and deletes the files of a removed collection.
    void drop(qint64 collectionId);

    QString indexPath(qint64 collectionId) const;
    // The last open() rebuilt the index from SQLite (for reporting and tests).
    bool lastOpenRebuilt() const { return m_lastOpenRebuilt; }

private:
    struct Entry final {
        std::shared_ptr<VectorIndex> index;
        QString embedderId;
        qint64 generation = -1;
        qint64 savedGeneration = -1;
    };

    Result<std::shared_ptr<VectorIndex>> loadFromDisk(const Collection& collection, int dimension) const;
    Result<std::shared_ptr<VectorIndex>> rebuild(const Collection& collection, int dimension) const;
    Status writeSidecar(qint64 collectionId, const Entry& entry) const;

    Database& m_database;
    QString m_indexDir;
    VectorIndexParams m_params;
    QThreadPool* m_pool;
    QMutex m_mutex;
    std::unordered_map<qint64, Entry> m_entries;
    bool m_lastOpenRebuilt = false;
};

} // namespace docrag
