#include "engine/store/collection_store.h"

#include "engine/store/sql_error.h"
#include "engine/store/sql_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace docrag {
namespace {

const char* const kColumns =
    "id, name, doc_type, root_paths, embedder_id, settings_json, generation, created_at, "
    "updated_at, ingest_state, ingest_request, files_total, files_done, keep_in_sync, synced_at, "
    "library_id, library_collection_id, library_version";

Collection fromRow(const QSqlQuery& q) {
    Collection c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.docType = q.value(2).toString();
    for (const QJsonValue& v : QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array())
        c.rootPaths << v.toString();
    c.embedderId = q.value(4).toString();
    c.settingsJson = q.value(5).toString();
    c.generation = q.value(6).toLongLong();
    c.createdAtMs = q.value(7).toLongLong();
    c.updatedAtMs = q.value(8).toLongLong();
    c.ingestState = q.value(9).toString();
    c.ingestRequestJson = q.value(10).toString();
    c.filesTotal = q.value(11).toLongLong();
    c.filesDone = q.value(12).toLongLong();
    c.keepInSync = q.value(13).toBool();
    c.syncedAtMs = q.value(14).toLongLong();
    c.libraryId = q.value(15).toLongLong();
    c.libraryCollectionId = q.value(16).toLongLong();
    c.libraryVersion = q.value(17).toLongLong();
    return c;
}

QString rootsJson(const QStringList& roots) {
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(roots)).toJson(QJsonDocument::Compact));
}

} // namespace

CollectionStore::CollectionStore(QSqlDatabase db)
    : m_db(std::move(db)) {}

Result<Collection> CollectionStore::find(const QString& name) const {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM collections WHERE name = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(name);
    if (!q.exec())
        return SqlError::from(q, "looking up a collection");
    if (!q.next())
        return Error{ErrorCode::NotFound, QStringLiteral("no collection named \"%1\"").arg(name)};
    return fromRow(q);
}

Result<Collection> CollectionStore::get(qint64 id) const {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM collections WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "reading a collection");
    if (!q.next())
        return Error{ErrorCode::NotFound, QStringLiteral("no collection with id %1").arg(id)};
    return fromRow(q);
}

Result<std::vector<Collection>> CollectionStore::list() const {
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM collections ORDER BY name").arg(QLatin1String(kColumns))))
        return SqlError::from(q, "listing collections");
    std::vector<Collection> out;
    while (q.next())
        out.push_back(fromRow(q));
    return out;
}

Result<Collection> CollectionStore::create(const Collection& collection) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO collections (name, doc_type, root_paths, embedder_id, settings_json, "
        "generation, created_at, updated_at, keep_in_sync) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)"));
    q.addBindValue(sqlText(collection.name));
    q.addBindValue(sqlText(collection.docType));
    q.addBindValue(rootsJson(collection.rootPaths));
    q.addBindValue(sqlText(collection.embedderId));
    q.addBindValue(collection.settingsJson.isEmpty() ? QStringLiteral("{}") : collection.settingsJson);
    q.addBindValue(collection.createdAtMs);
    q.addBindValue(collection.updatedAtMs);
    q.addBindValue(collection.keepInSync ? 1 : 0);
    if (!q.exec())
        return SqlError::from(q, "creating a collection");
    Collection created = collection;
    created.id = q.lastInsertId().toLongLong();
    return created;
}

Status CollectionStore::update(const Collection& collection) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE collections SET doc_type = ?, root_paths = ?, settings_json = ?, updated_at = ? "
        "WHERE id = ?"));
    q.addBindValue(sqlText(collection.docType));
    q.addBindValue(rootsJson(collection.rootPaths));
    q.addBindValue(collection.settingsJson.isEmpty() ? QStringLiteral("{}") : collection.settingsJson);
    q.addBindValue(collection.updatedAtMs);
    q.addBindValue(collection.id);
    if (!q.exec())
        return SqlError::from(q, "updating a collection");
    return {};
}

Status CollectionStore::remove(qint64 id) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM collections WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "removing a collection");
    return {};
}

Status CollectionStore::setIngestState(qint64 id, const QString& state, const QString& requestJson,
                                       qint64 filesTotal, qint64 filesDone) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE collections SET ingest_state = ?, ingest_request = ?, files_total = ?, "
                             "files_done = ? WHERE id = ?"));
    q.addBindValue(sqlText(state));
    q.addBindValue(sqlText(requestJson));
    q.addBindValue(filesTotal);
    q.addBindValue(filesDone);
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "recording the ingest's state");
    return {};
}

Status CollectionStore::setKeepInSync(qint64 id, bool keep) {
    return setColumn(id, "keep_in_sync", keep ? 1 : 0, "marking a collection to keep in sync");
}

Status CollectionStore::setSyncedAt(qint64 id, qint64 nowMs) {
    return setColumn(id, "synced_at", nowMs, "recording when the collection was synced");
}

Status CollectionStore::setLibrary(qint64 id, qint64 libraryId, qint64 libraryCollectionId,
                                   qint64 libraryVersion) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE collections SET library_id = ?, library_collection_id = ?, "
                             "library_version = ? WHERE id = ?"));
    q.addBindValue(libraryId);
    q.addBindValue(libraryCollectionId);
    q.addBindValue(libraryVersion);
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "linking a collection to its team library");
    return {};
}

Status CollectionStore::setLibraryVersion(qint64 id, qint64 libraryVersion) {
    return setColumn(id, "library_version", libraryVersion, "recording how far the replica is synced");
}

Status CollectionStore::setSyncedAtOfLibrary(qint64 libraryId, qint64 nowMs) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE collections SET synced_at = ? WHERE library_id = ?"));
    q.addBindValue(nowMs);
    q.addBindValue(libraryId);
    if (!q.exec())
        return SqlError::from(q, "recording when the replicas were synced");
    return {};
}

Status CollectionStore::setFilesDone(qint64 id, qint64 filesDone) {
    return setColumn(id, "files_done", filesDone, "recording the ingest's progress");
}

Status CollectionStore::setColumn(qint64 id, const char* column, const QVariant& value, const char* what) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE collections SET %1 = ? WHERE id = ?").arg(QLatin1String(column)));
    q.addBindValue(value);
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, what);
    return {};
}

Status CollectionStore::bumpGeneration(qint64 id, qint64 nowMs) {
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE collections SET generation = generation + 1, updated_at = ? WHERE id = ?"));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "updating the collection generation");
    return {};
}

Result<CollectionStats> CollectionStore::stats(qint64 id) const {
    CollectionStats s;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*), "
                             "COALESCE(SUM(status = 'indexed'), 0), COALESCE(SUM(status = 'skipped'), 0), "
                             "COALESCE(SUM(status = 'failed'), 0), "
                             "COALESCE(SUM(CASE WHEN status = 'indexed' THEN size ELSE 0 END), 0) "
                             "FROM documents WHERE collection_id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return SqlError::from(q, "counting documents");
    s.documents = q.value(0).toLongLong();
    s.indexed = q.value(1).toLongLong();
    s.skipped = q.value(2).toLongLong();
    s.failed = q.value(3).toLongLong();
    s.bytes = q.value(4).toLongLong();
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM chunks c JOIN documents d ON d.id = c.document_id "
                             "WHERE d.collection_id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return SqlError::from(q, "counting chunks");
    s.chunks = q.value(0).toLongLong();
    return s;
}

} // namespace docrag
