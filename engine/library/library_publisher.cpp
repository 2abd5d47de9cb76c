#include "engine/library/library_publisher.h"

#include "engine/core/folder_path.h"
#include "engine/library/library_connection.h"
#include "engine/store/chunk_store.h"
#include "engine/store/document_store.h"
#include "engine/store/symbol_store.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <unordered_map>

namespace docrag {
namespace {

// pg_try_advisory_lock(kLockSpace, collection id): one writer of a collection at a time.
constexpr int kLockSpace = 0x646f6372; // "docr"
// Passages per INSERT: fewer round trips, statements of a few hundred kilobytes.
constexpr size_t kRowsPerInsert = 64;

} // namespace

LibraryPublisher::LibraryPublisher(QSqlDatabase local, LibraryConnection& library)
    : m_local(std::move(local))
    , m_library(library) {}

Result<qint64> LibraryPublisher::remoteCollection(const Collection& collection, int dimension) {
    QSqlQuery q(m_library.database());
    q.prepare(
        QStringLiteral("INSERT INTO collections (name, doc_type, embedder_id, dimension) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (name) DO NOTHING"));
    q.addBindValue(collection.name);
    q.addBindValue(collection.docType);
    q.addBindValue(collection.embedderId);
    q.addBindValue(dimension);
    if (!q.exec())
        return m_library.error(q.lastError().text(), "creating the collection");
    q.prepare(QStringLiteral("SELECT id, embedder_id, dimension FROM collections WHERE name = ?"));
    q.addBindValue(collection.name);
    if (!q.exec() || !q.next())
        return m_library.error(q.lastError().text(), "reading the collection");
    const QString embedder = q.value(1).toString();
    if (embedder != collection.embedderId || q.value(2).toInt() != dimension)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the team library's collection \"%1\" is built with the embedder %2 (%3 "
                                    "dimensions), this one with %4 (%5): their vectors cannot be mixed")
                         .arg(collection.name, embedder)
                         .arg(q.value(2).toInt())
                         .arg(collection.embedderId)
                         .arg(dimension)};
    return q.value(0).toLongLong();
}

Result<qint64> LibraryPublisher::lock(qint64 remoteId, const QString& name, std::stop_token stop,
                                      const Progress& progress) {
    QElapsedTimer waited;
    waited.start();
    bool told = false;
    for (;;) {
        QSqlQuery q(m_library.database());
        if (!q.exec(QStringLiteral("SELECT pg_try_advisory_lock(%1, %2)").arg(kLockSpace).arg(remoteId)) ||
            !q.next())
            return m_library.error(q.lastError().text(), "locking the collection");
        if (q.value(0).toBool())
            return waited.elapsed();
        if (stop.stop_requested())
            return Error{ErrorCode::Cancelled, QStringLiteral("cancelled while waiting for another writer")};
        if (!told && progress) {
            progress(QStringLiteral("waiting for another machine that is writing \"%1\" to the team library")
                         .arg(name));
            told = true;
        }
        QThread::msleep(200);
    }
}

Status LibraryPublisher::unlock(qint64 remoteId) {
    return m_library.exec(QStringLiteral("SELECT pg_advisory_unlock(%1, %2)").arg(kLockSpace).arg(remoteId),
                          "unlocking the collection");
}

Result<PublishReport> LibraryPublisher::publish(const Collection& collection, const QStringList& roots,
                                                int dimension, std::stop_token stop,
                                                const Progress& progress) {
    QElapsedTimer timer;
    timer.start();
    PublishReport report;
    report.library = m_library.url().toString();
    report.collection = collection.name;
    auto remoteId = remoteCollection(collection, dimension);
    if (!remoteId)
        return remoteId.error();
    report.collectionId = *remoteId;
    auto waited = lock(*remoteId, collection.name, stop, progress);
    if (!waited)
        return waited.error();
    report.waitedMs = *waited;

    const auto run = [&]() -> Status {
        // What the library holds under the roots: path -> content hash.
        QSqlQuery there(m_library.database());
        there.setForwardOnly(true);
        there.prepare(QStringLiteral("SELECT path, content_hash FROM documents WHERE collection_id = ?"));
        there.addBindValue(*remoteId);
        if (!there.exec())
            return m_library.error(there.lastError().text(), "listing the collection's documents");
        std::unordered_map<QString, QString> remote;
        while (there.next()) {
            const QString path = there.value(0).toString();
            if (FolderPath::anyHolds(roots, path))
                remote.emplace(path, there.value(1).toString());
        }
        auto documents = DocumentStore(m_local).listByCollection(collection.id);
        if (!documents)
            return documents.error();
        qint64 version = 0;
        int done = 0;
        const int total = static_cast<int>(documents->size());
        for (const Document& document : *documents) {
            if (stop.stop_requested())
                return Error{ErrorCode::Cancelled, QStringLiteral("cancelled")};
            ++done;
            if (document.status != DocumentStatus::Indexed || !FolderPath::anyHolds(roots, document.path))
                continue;
            const auto it = remote.find(document.path);
            const bool same = it != remote.end() && it->second == document.contentHash;
            if (it != remote.end())
                remote.erase(it);
            if (same) {
                ++report.unchanged;
                continue;
            }
            if (Status s = send(*remoteId, collection, document, dimension, version); !s)
                return s;
            ++report.published;
            if (progress && (done % 50 == 0 || done == total))
                progress(QStringLiteral("shared %1 of %2 files").arg(done).arg(total));
        }
        for (const auto& [path, hash] : remote) {
            if (stop.stop_requested())
                return Error{ErrorCode::Cancelled, QStringLiteral("cancelled")};
            if (Status s = removeThere(*remoteId, path, version); !s)
                return s;
            ++report.removed;
        }
        report.version = version;
        return {};
    };
    const Status ran = run();
    (void)unlock(*remoteId); // also released when the connection closes, e.g. after the server went away
    if (!ran)
        return ran.error();
    if (report.version == 0) {
        QSqlQuery q(m_library.database());
        q.prepare(QStringLiteral("SELECT version FROM collections WHERE id = ?"));
        q.addBindValue(*remoteId);
        if (q.exec() && q.next())
            report.version = q.value(0).toLongLong();
    }
    report.elapsedMs = timer.elapsed();
    return report;
}

Result<qint64> LibraryPublisher::nextVersion(qint64 remoteId) {
    // The row lock taken here also orders the change log: a second writer's transaction waits for
    // this one's commit, so versions are committed in the order they are handed out.
    QSqlQuery q(m_library.database());
    q.prepare(QStringLiteral(
        "UPDATE collections SET version = version + 1, updated_at = now() WHERE id = ? RETURNING version"));
    q.addBindValue(remoteId);
    if (!q.exec() || !q.next())
        return m_library.error(q.lastError().text(), "numbering a change");
    return q.value(0).toLongLong();
}

Status LibraryPublisher::logChange(qint64 remoteId, qint64 version, const QString& path, const char* kind) {
    QSqlQuery q(m_library.database());
    q.prepare(QStringLiteral("INSERT INTO changes (collection_id, version, path, kind) VALUES (?, ?, ?, ?)"));
    q.addBindValue(remoteId);
    q.addBindValue(version);
    q.addBindValue(path);
    q.addBindValue(QString::fromLatin1(kind));
    if (!q.exec())
        return m_library.error(q.lastError().text(), "logging a change");
    return {};
}

Status LibraryPublisher::send(qint64 remoteId, const Collection& collection, const Document& document,
                              int dimension, qint64& version) {
    ChunkStore chunks(m_local);
    auto passages = chunks.chunksForDocument(document.id);
    if (!passages)
        return passages.error();
    auto vectors = chunks.vectorsInOrder(document.id, collection.embedderId, dimension);
    if (!vectors)
        return vectors.error();
    auto symbols = SymbolStore(m_local).forDocument(document.id);
    if (!symbols)
        return symbols.error();
    return m_library.transaction([&]() -> Status {
        auto v = nextVersion(remoteId);
        if (!v)
            return v.error();
        QSqlQuery q(m_library.database());
        q.prepare(QStringLiteral(
            "INSERT INTO documents (collection_id, path, title, content_hash, size, mtime, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (collection_id, path) DO UPDATE SET title = "
            "EXCLUDED.title, "
            "content_hash = EXCLUDED.content_hash, size = EXCLUDED.size, mtime = EXCLUDED.mtime, "
            "version = EXCLUDED.version, ingested_at = now() RETURNING id"));
        q.addBindValue(remoteId);
        q.addBindValue(document.path);
        q.addBindValue(document.title);
        q.addBindValue(document.contentHash);
        q.addBindValue(document.size);
        q.addBindValue(document.mtimeMs);
        q.addBindValue(*v);
        if (!q.exec() || !q.next())
            return m_library.error(q.lastError().text(), "storing a document");
        const qint64 id = q.value(0).toLongLong();
        const QString idText = QString::number(id);
        if (Status s =
                m_library.exec(QStringLiteral("DELETE FROM passages WHERE document_id = %1").arg(idText),
                               "replacing a document's passages");
            !s)
            return s;
        if (Status s =
                m_library.exec(QStringLiteral("DELETE FROM symbols WHERE document_id = %1").arg(idText),
                               "replacing a document's symbols");
            !s)
            return s;
        const size_t bytesPerVector = static_cast<size_t>(dimension) * sizeof(float);
        for (size_t first = 0; first < passages->size(); first += kRowsPerInsert) {
            QString sql =
                QStringLiteral("INSERT INTO passages (document_id, ordinal, heading_path, text, text_hash, "
                               "token_count, loc_start, loc_end, page, anchor, vector) VALUES ");
            const size_t last = std::min(passages->size(), first + kRowsPerInsert);
            for (size_t i = first; i < last; ++i) {
                const Chunk& c = (*passages)[i];
                const QByteArray vector(reinterpret_cast<const char*>(vectors->data()) + i * bytesPerVector,
                                        static_cast<qsizetype>(bytesPerVector));
                sql +=
                    QStringLiteral("%1(%2,%3,%4,%5,%6,%7,%8,%9,")
                        .arg(i == first ? QString() : QStringLiteral(","), idText, QString::number(c.ordinal),
                             m_library.literal(c.headingPath), m_library.literal(c.text),
                             QString::number(static_cast<qint64>(c.textHash)), QString::number(c.tokenCount),
                             QString::number(c.locStart), QString::number(c.locEnd));
                sql +=
                    QStringLiteral("%1,%2,%3)")
                        .arg(QString::number(c.page), m_library.literal(c.anchor), m_library.literal(vector));
            }
            if (Status s = m_library.exec(sql, "storing passages"); !s)
                return s;
        }
        if (!symbols->empty()) {
            QString sql =
                QStringLiteral("INSERT INTO symbols (document_id, name, kind, anchor, line) VALUES ");
            for (size_t i = 0; i < symbols->size(); ++i) {
                const Symbol& s = (*symbols)[i];
                sql +=
                    QStringLiteral("%1(%2,%3,%4,%5,%6)")
                        .arg(i == 0 ? QString() : QStringLiteral(","), idText, m_library.literal(s.name),
                             m_library.literal(s.kind), m_library.literal(s.anchor), QString::number(s.line));
            }
            if (Status s = m_library.exec(sql, "storing symbols"); !s)
                return s;
        }
        if (Status s = logChange(remoteId, *v, document.path, "upsert"); !s)
            return s;
        version = *v;
        return {};
    });
}

Status LibraryPublisher::removeThere(qint64 remoteId, const QString& path, qint64& version) {
    return m_library.transaction([&]() -> Status {
        auto v = nextVersion(remoteId);
        if (!v)
            return v.error();
        QSqlQuery q(m_library.database());
        q.prepare(QStringLiteral("DELETE FROM documents WHERE collection_id = ? AND path = ?"));
        q.addBindValue(remoteId);
        q.addBindValue(path);
        if (!q.exec())
            return m_library.error(q.lastError().text(), "removing a document");
        if (Status s = logChange(remoteId, *v, path, "remove"); !s)
            return s;
        version = *v;
        return {};
    });
}

} // namespace docrag
