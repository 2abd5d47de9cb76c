#pragma once

#include "engine/core/collection.h"
#include "engine/core/result.h"

#include <QSqlDatabase>
#include <QVariant>

#include <vector>

namespace docrag {

struct CollectionStats final {
    qint64 documents = 0;
    qint64 indexed = 0;
    qint64 skipped = 0;
    qint64 failed = 0;
    qint64 chunks = 0;
    qint64 bytes = 0; // size of the indexed files
};

// Rows of the collections table. Works on the connection it is given, so callers choose the
// thread and the transaction.
class CollectionStore final {
public:
    explicit CollectionStore(QSqlDatabase db);

    Result<Collection> find(const QString& name) const;
    Result<Collection> get(qint64 id) const;
    Result<std::vector<Collection>> list() const;
    Result<Collection> create(const Collection& collection);
    Status update(const Collection& collection);
    Status remove(qint64 id);
    // The ingest's state, its request (JSON) and progress; see Collection::ingestState.
    Status setIngestState(qint64 id, const QString& state, const QString& requestJson, qint64 filesTotal,
                          qint64 filesDone);
    Status setFilesDone(qint64 id, qint64 filesDone);
    Status setKeepInSync(qint64 id, bool keep);
    Status setSyncedAt(qint64 id, qint64 nowMs);
    // Makes the collection a replica of a team library's collection (or, with 0, a local one again).
    Status setLibrary(qint64 id, qint64 libraryId, qint64 libraryCollectionId, qint64 libraryVersion);
    Status setLibraryVersion(qint64 id, qint64 libraryVersion);
    // Every replica of a team library is as fresh as the library's last sync.
    Status setSyncedAtOfLibrary(qint64 libraryId, qint64 nowMs);
    // Called in the transaction of every change to the collection's chunks.
    Status bumpGeneration(qint64 id, qint64 nowMs);
    Result<CollectionStats> stats(qint64 id) const;

private:
    // One column of one row; `column` is always one of ours, never user text.
    Status setColumn(qint64 id, const char* column, const QVariant& value, const char* what);

    QSqlDatabase m_db;
};

} // namespace docrag
