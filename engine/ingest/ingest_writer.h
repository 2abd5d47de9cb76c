#pragma once

#include "engine/core/collection.h"
#include "engine/core/result.h"
#include "engine/ingest/file_processor.h"
#include "engine/ingest/ingest_report.h"

#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <stop_token>
#include <vector>

namespace docrag {

class ChunkStore;
class SymbolStore;
class IndexInserter;
class Clock;
class Database;
class VectorIndex;
class VectorIndexManager;

// The single writer of an ingest: one transaction per file (document, chunks, vectors and the
// collection's generation together), then the vector index. A file is either fully stored or not at
// all, which is what lets an interrupted ingest resume.
class IngestWriter final {
public:
    // Construct it on the thread that will call it: it holds that thread's database connection.
    // `stop` cancels a rebuild of the index and the inserts of its vectors.
    IngestWriter(Database& database, VectorIndexManager& indexes, const Clock& clock, Collection collection,
                 QString embedderId, int dimension, std::stop_token stop = {});
    ~IngestWriter();

    // `filesDone` is the ingest's count once this file is written, stored in the same transaction.
    Result<FileReport> write(ProcessedFile& file, qint64 filesDone = -1);
    Result<FileReport> remove(const Document& document);
    // A file that is skipped before it is read (too large, unsupported type).
    Result<FileReport> skipUnread(const QString& path, const QString& reason,
                                  const std::optional<Document>& previous);
    // Adds the vectors still pending and saves the vector index if anything changed. After a run that
    // completed, also if the saved index is behind the database for another reason: the run this one
    // resumes may have died after its last commit and before its save.
    Status finish(bool complete = false);

    bool indexRebuilt() const { return m_indexRebuilt; }
    // Runs in the transaction of every write and removal from now on: what must be stored with the
    // file or not at all (a replica's sync position).
    void setInTransaction(std::function<Status(QSqlDatabase&)> work) { m_inTransaction = std::move(work); }

private:
    Result<FileReport> writeOne(QSqlDatabase& db, ProcessedFile& file, std::vector<qint64>& removed,
                                bool& changed);
    Result<VectorIndex*> index();
    void updateIndex(const std::vector<qint64>& removed, const ProcessedFile* added);
    void flushPending();
    // The inserter failed or stopped: the index is forgotten and rebuilt from the database later.
    void indexFailed();

    Database& m_database;
    VectorIndexManager& m_indexes;
    const Clock& m_clock;
    Collection m_collection;
    QString m_embedderId;
    int m_dimension;
    std::unique_ptr<ChunkStore> m_chunks; // the writer's connection; caches its prepared inserts
    std::unique_ptr<SymbolStore> m_symbols;
    std::stop_token m_stop;
    std::shared_ptr<VectorIndex> m_index;
    std::unique_ptr<IndexInserter> m_inserter; // declared after m_index: goes (and joins) before it
    std::function<Status(QSqlDatabase&)> m_inTransaction;
    bool m_indexRebuilt = false;
    bool m_indexBroken = false;
    // New vectors wait here and go into the graph in batches, a slice at a time so that searches
    // get their turn between slices.
    std::vector<qint64> m_pendingLabels;
    std::vector<float> m_pendingVectors;
};

} // namespace docrag
