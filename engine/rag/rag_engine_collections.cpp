// RagEngine's collections: listing them, what to run again to resume or sync one, and removing one.
// (RagEngine's other members are in rag_engine.cpp; split to keep each file short.)
#include "engine/index/vector_index_manager.h"
#include "engine/ingest/ingest_lock.h"
#include "engine/rag/rag_engine.h"
#include "engine/rag/response_cache.h"
#include "engine/store/database.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace docrag {

QString CollectionInfo::ingestName(Ingest ingest) {
    switch (ingest) {
    case Ingest::Complete:
        return QStringLiteral("complete");
    case Ingest::Running:
        return QStringLiteral("running");
    case Ingest::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QString();
}

QString RagEngine::lockDir() const {
    return QDir(m_options.dataDir).filePath(QStringLiteral("locks"));
}

Result<std::vector<CollectionInfo>> RagEngine::collections() {
    CollectionStore store(m_database->connection());
    auto all = store.list();
    if (!all)
        return all.error();
    std::vector<CollectionInfo> out;
    for (Collection& c : *all) {
        auto stats = store.stats(c.id);
        if (!stats)
            return stats.error();
        CollectionInfo info{std::move(c), *stats, CollectionInfo::Ingest::Complete};
        if (info.collection.ingestState == Collection::kIngestInterrupted)
            info.ingest = CollectionInfo::Ingest::Interrupted;
        else if (info.collection.ingestState == Collection::kIngestRunning)
            // Its process holds the lock while it runs; a free lock means that process died.
            info.ingest = IngestLock::isHeld(lockDir(), info.collection.name)
                              ? CollectionInfo::Ingest::Running
                              : CollectionInfo::Ingest::Interrupted;
        out.push_back(std::move(info));
    }
    return out;
}

Result<bool> RagEngine::hasCollections() {
    auto all = CollectionStore(m_database->connection()).list();
    if (!all)
        return all.error();
    return !all->empty();
}

Result<IngestRequest> RagEngine::resumeRequest(const QString& collection) {
    auto found = CollectionStore(m_database->connection()).find(collection);
    if (!found)
        return found.error();
    const QJsonObject json = QJsonDocument::fromJson(found->ingestRequestJson.toUtf8()).object();
    if (json.isEmpty())
        return Error{ErrorCode::NotFound,
                     QStringLiteral("collection \"%1\" has no ingest to resume").arg(collection)};
    IngestRequest request = IngestRequest::fromJson(json);
    request.collection = found->name;
    return request;
}

Result<IngestRequest> RagEngine::syncRequest(const QString& collection, const QStringList& changed) {
    auto found = CollectionStore(m_database->connection()).find(collection);
    if (!found)
        return found.error();
    if (found->rootPaths.isEmpty())
        return Error{ErrorCode::NotFound, QStringLiteral("collection \"%1\" has no folders").arg(collection)};
    IngestRequest request =
        IngestRequest::fromJson(QJsonDocument::fromJson(found->ingestRequestJson.toUtf8()).object());
    request.collection = found->name;
    request.docType.clear();
    request.embedder.clear();
    request.paths = found->rootPaths;
    request.scan.onlyUnder = changed;
    return request;
}

Status RagEngine::setKeepInSync(const QString& collection, bool keep) {
    auto found = CollectionStore(m_database->connection()).find(collection);
    if (!found)
        return found.error();
    return m_database->transaction(
        [&](QSqlDatabase& db) { return CollectionStore(db).setKeepInSync(found->id, keep); });
}

Status RagEngine::removeCollection(const QString& name) {
    CollectionStore store(m_database->connection());
    auto found = store.find(name);
    if (!found)
        return found.error();
    Status removed =
        m_database->transaction([&](QSqlDatabase& db) { return CollectionStore(db).remove(found->id); });
    if (!removed)
        return removed;
    m_indexes->drop(found->id);
    (void)m_responseCache->invalidate(name);
    return {};
}

} // namespace docrag
