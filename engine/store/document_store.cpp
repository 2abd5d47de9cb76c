#include "engine/store/document_store.h"

#include "engine/store/sql_error.h"
#include "engine/store/sql_text.h"

#include <QSqlQuery>
#include <QVariant>

namespace docrag {
namespace {

const char* const kColumns =
    "id, collection_id, path, source_url, title, content_hash, size, mtime, status, error, "
    "ingested_at";

Document fromRow(const QSqlQuery& q) {
    Document d;
    d.id = q.value(0).toLongLong();
    d.collectionId = q.value(1).toLongLong();
    d.path = q.value(2).toString();
    d.sourceUrl = q.value(3).toString();
    d.title = q.value(4).toString();
    d.contentHash = q.value(5).toString();
    d.size = q.value(6).toLongLong();
    d.mtimeMs = q.value(7).toLongLong();
    d.status = documentStatusFromName(q.value(8).toString());
    d.error = q.value(9).toString();
    d.ingestedAtMs = q.value(10).toLongLong();
    return d;
}

} // namespace

DocumentStore::DocumentStore(QSqlDatabase db)
    : m_db(std::move(db)) {}

Result<std::vector<Document>> DocumentStore::listByCollection(qint64 collectionId) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM documents WHERE collection_id = ? ORDER BY path")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(collectionId);
    if (!q.exec())
        return SqlError::from(q, "listing documents");
    std::vector<Document> out;
    while (q.next())
        out.push_back(fromRow(q));
    return out;
}

Result<Document> DocumentStore::findByPath(const QString& path, qint64 collectionId) const {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM documents WHERE path = ? AND status = 'indexed' "
                             "ORDER BY collection_id = ? DESC, id LIMIT 1")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(path);
    q.addBindValue(collectionId);
    if (!q.exec())
        return SqlError::from(q, "finding a document by path");
    if (!q.next())
        return Error{ErrorCode::NotFound, QStringLiteral("%1 is in no collection").arg(path)};
    return fromRow(q);
}

Result<Document> DocumentStore::get(qint64 id) const {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM documents WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "reading a document");
    if (!q.next())
        return Error{ErrorCode::NotFound, QStringLiteral("no document with id %1").arg(id)};
    return fromRow(q);
}

Result<qint64> DocumentStore::upsert(const Document& d) {
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO documents (collection_id, path, source_url, title, content_hash, size, "
                       "mtime, status, error, "
                       "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (collection_id, path) DO UPDATE SET source_url = excluded.source_url, "
                       "title = excluded.title, "
                       "content_hash = excluded.content_hash, size = excluded.size, mtime = excluded.mtime, "
                       "status = excluded.status, error = excluded.error, ingested_at = excluded.ingested_at "
                       "RETURNING id"));
    q.addBindValue(d.collectionId);
    q.addBindValue(d.path);
    q.addBindValue(sqlText(d.sourceUrl));
    q.addBindValue(sqlText(d.title));
    q.addBindValue(sqlText(d.contentHash));
    q.addBindValue(d.size);
    q.addBindValue(d.mtimeMs);
    q.addBindValue(documentStatusName(d.status));
    q.addBindValue(sqlText(d.error));
    q.addBindValue(d.ingestedAtMs);
    if (!q.exec() || !q.next())
        return SqlError::from(q, "storing a document");
    return q.value(0).toLongLong();
}

Status DocumentStore::touch(qint64 id, qint64 size, qint64 mtimeMs) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE documents SET size = ?, mtime = ? WHERE id = ?"));
    q.addBindValue(size);
    q.addBindValue(mtimeMs);
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "updating a document");
    return {};
}

Status DocumentStore::setError(qint64 id, const QString& error) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE documents SET error = ? WHERE id = ?"));
    q.addBindValue(sqlText(error));
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "updating a document");
    return {};
}

Status DocumentStore::remove(qint64 id) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM documents WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "removing a document");
    return {};
}

} // namespace docrag
