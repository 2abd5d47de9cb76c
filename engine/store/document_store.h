#pragma once

#include "engine/core/document.h"
#include "engine/core/result.h"

#include <QSqlDatabase>

#include <vector>

namespace docrag {

// Rows of the documents table, on the connection it is given.
class DocumentStore final {
public:
    explicit DocumentStore(QSqlDatabase db);

    Result<std::vector<Document>> listByCollection(qint64 collectionId) const;
    Result<Document> get(qint64 id) const;
    // The indexed document stored from `path`, of `collectionId` first when several collections hold it.
    Result<Document> findByPath(const QString& path, qint64 collectionId) const;
    // Inserts, or updates the row with the same (collection, path); returns the id.
    Result<qint64> upsert(const Document& document);
    // Records a new size/mtime for a file whose content hash did not change.
    Status touch(qint64 id, qint64 size, qint64 mtimeMs);
    // Records a failed re-read of a file whose previous version stays indexed.
    Status setError(qint64 id, const QString& error);
    Status remove(qint64 id);

private:
    QSqlDatabase m_db;
};

} // namespace docrag
