#pragma once

#include "engine/core/collection.h"
#include "engine/core/result.h"
#include "engine/index/vector_index.h"

#include <QMutex>
#include <QString>
#include <QThreadPool>

#include <memory>
#include <stop_token>
#include <unordered_map>
#include <unordered_set>

namespace docrag {

class Database;

// Owns the vector index of each collection. The embeddings table is the source of truth: an index
// file that is missing, stale (its generation is behind the collection's) or corrupt (checksum) is
// rebuilt from SQLite, never by embedding again. A search opens a file without reading it all when it
// is the very file the sidecar was written with (FileIdentity); VectorIndex::search checks what it
// follows, so damage it did not see costs results, never a crash. The writer's open() reads the file's
// checksum before anything is added to it.
//
// Waits, so that none can close a cycle: the mutex guards only the map and is never held across file
// I/O, a rebuild or a wait. Searches never wait for a rebuild (current() starts one in the background
// and answers nullptr meanwhile). Rebuilds run on the manager's own one-thread pool, one at a time.
class VectorIndexManager final {
public:
    VectorIndexManager(Database& database, QString indexDir, VectorIndexParams params = {});
    // Stops the background rebuilds (within one slice of inserts) and waits for them.
    ~VectorIndexManager();
    // Asks the background rebuilds to stop, and starts no new one (shutdown).
    void stopRebuilds();

    // For searches, never waits for a rebuild: the collection's index when it is current (loaded from
    // its file if need be), or nullptr while it is missing, stale or corrupt, in which case a rebuild
    // starts in the background (one per collection at a time).
    Result<std::shared_ptr<VectorIndex>> current(const Collection& collection, int dimension);
    // For the ingest writer: the index current with the database, loaded or rebuilt on the calling
    // thread (cancelled through `stop`). `rebuilt` tells whether it had to be rebuilt.
    Result<std::shared_ptr<VectorIndex>> open(const Collection& collection, int dimension,
                                              std::stop_token stop = {}, bool* rebuilt = nullptr);
    // Records that `index` (the one open() gave) now reflects the collection at `generation`.
    void markCurrent(qint64 collectionId, const VectorIndex* index, qint64 generation);
    // Writes the index and its sidecar (generation, checksum) if it changed since the last save.
    Status save(qint64 collectionId);
    // Whether the saved files are labelled with the collection's generation (their checksum is not read:
    // cheap enough for every ingest that writes nothing).
    bool isSaved(const Collection& collection) const;
    // Forgets the in-memory index (it fell behind): the next open() loads or rebuilds it.
    void invalidate(qint64 collectionId);
    // Forgets and deletes the files of a removed collection.
    void drop(qint64 collectionId);
    // Waits until no background rebuild runs (tests and benchmarks); false after `timeoutMs`.
    bool waitForRebuilds(int timeoutMs = -1);
    // Rebuilds finished in the background since the manager was made.
    int backgroundRebuilds() const;

    QString indexPath(qint64 collectionId) const;
    // Whether the files in `indexDir` hold `collection` as the database has it now (`vectors` of
    // them): sidecar, generation, count and checksum. What a health check asks, without loading.
    static Status verifyFiles(const QString& indexDir, const Collection& collection, qint64 vectors);
    // Temporary files of saves that crashed (their process is gone) are removed; returns how many.
    int removeStaleTemporaryFiles() const;

private:
    struct Entry final {
        std::shared_ptr<VectorIndex> index;
        QString embedderId;
        qint64 generation = -1;
        qint64 savedGeneration = -1;
        bool verified = false; // built here, or its file's checksum was read
    };

    Result<std::shared_ptr<VectorIndex>> lookup(const Collection& collection, bool verified) const;
    // The index in memory, or loaded from its file; nullptr (and why) when it has to be rebuilt.
    // `verify`: only one whose file's checksum was read.
    std::shared_ptr<VectorIndex> cachedOrLoaded(const Collection& collection, int dimension, bool verify,
                                                QString* why = nullptr);
    // Keeps the newer of the map's entry and `entry`; returns the index that stays.
    std::shared_ptr<VectorIndex> install(qint64 collectionId, Entry entry);
    Result<std::shared_ptr<VectorIndex>> loadFromDisk(const Collection& collection, int dimension,
                                                      bool verify) const;
    // Reads the collection's generation and its vectors in one read transaction, so the index is
    // exactly the database at the generation it is labelled with.
    Result<std::pair<std::shared_ptr<VectorIndex>, qint64>> rebuild(qint64 collectionId, int dimension,
                                                                    std::stop_token stop) const;
    void startBackgroundRebuild(const Collection& collection, int dimension);
    Status writeSidecar(const QString& path, const Entry& entry, const QString& checksum,
                        const QString& identity) const;

    Database& m_database;
    QString m_indexDir;
    VectorIndexParams m_params;
    mutable QMutex m_mutex;
    std::unordered_map<qint64, Entry> m_entries;
    std::unordered_set<qint64> m_rebuilding; // collections with a background rebuild queued or running
    int m_backgroundRebuilds = 0;
    std::stop_source m_stop;
    QThreadPool m_rebuildPool; // last member: destroyed (and waited for) first
};

} // namespace docrag
