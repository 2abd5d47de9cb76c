#include "engine/library/library_sync.h"

#include "engine/core/clock.h"
#include "engine/index/vector_index_manager.h"
#include "engine/ingest/file_processor.h"
#include "engine/ingest/ingest_lock.h"
#include "engine/ingest/ingest_writer.h"
#include "engine/library/library_connection.h"
#include "engine/library/library_schema.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/document_store.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstring>

namespace docrag {

struct LibrarySync::Remote final {
    qint64 id = 0;
    QString name;
    QString docType;
    QString embedderId;
    int dimension = 0;
    qint64 version = 0;
};

struct LibrarySync::Change final {
    qint64 version = 0;
    QString path;
    bool removed = false;
};

namespace {

// Files fetched from the library per round trip.
constexpr size_t kFilesPerBatch = 64;

QString idList(const std::vector<qint64>& ids) {
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

} // namespace

LibrarySync::LibrarySync(Database& local, VectorIndexManager& indexes, const Clock& clock, QString lockDir)
    : m_local(local)
    , m_indexes(indexes)
    , m_clock(clock)
    , m_lockDir(std::move(lockDir)) {}

Result<LibrarySyncReport> LibrarySync::run(const TeamLibrary& library, LibraryConnection& connection,
                                           std::stop_token stop, const Progress& progress) {
    QElapsedTimer timer;
    timer.start();
    LibrarySyncReport report;
    report.library = library.url;
    if (Status s = LibrarySchema::check(connection); !s) {
        if (s.error().code != ErrorCode::NotFound)
            return s.error();
        report.elapsedMs = timer.elapsed(); // nothing shared in it yet: nothing to sync
        return report;
    }
    std::vector<Remote> remotes;
    Status ran = connection.transaction(
        [&]() -> Status {
            QSqlQuery q(connection.database());
            q.setForwardOnly(true);
            if (!q.exec(QStringLiteral(
                    "SELECT id, name, doc_type, embedder_id, dimension, version FROM collections "
                    "ORDER BY name")))
                return connection.error(q.lastError().text(), "listing collections");
            while (q.next())
                remotes.push_back(Remote{q.value(0).toLongLong(), q.value(1).toString(),
                                         q.value(2).toString(), q.value(3).toString(), q.value(4).toInt(),
                                         q.value(5).toLongLong()});
            report.collections = static_cast<int>(remotes.size());
            for (const Remote& remote : remotes) {
                if (stop.stop_requested())
                    return Error{ErrorCode::Cancelled, QStringLiteral("cancelled")};
                if (Status s = syncCollection(library, connection, remote, report, stop, progress); !s)
                    return s;
            }
            return {};
        },
        true);
    if (!ran)
        return ran.error();
    // Collections the library no longer has.
    auto locals = CollectionStore(m_local.connection()).list();
    if (!locals)
        return locals.error();
    for (const Collection& c : *locals) {
        if (c.libraryId != library.id)
            continue;
        const bool there =
            std::any_of(remotes.begin(), remotes.end(), [&](const Remote& r) { return r.name == c.name; });
        if (there)
            continue;
        if (Status s = removeReplica(c); !s)
            return s.error();
        report.removedCollections << c.name;
    }
    report.elapsedMs = timer.elapsed();
    return report;
}

Status LibrarySync::removeReplica(const Collection& replica) {
    auto lock = IngestLock::acquire(m_lockDir, replica.name);
    if (!lock)
        return lock.error();
    Status removed =
        m_local.transaction([&](QSqlDatabase& db) { return CollectionStore(db).remove(replica.id); });
    if (!removed)
        return removed;
    m_indexes.drop(replica.id);
    return {};
}

Result<Collection> LibrarySync::replicaOf(const TeamLibrary& library, const Remote& remote,
                                          LibrarySyncReport& report) {
    auto found = CollectionStore(m_local.connection()).find(remote.name);
    if (found && found->libraryId != library.id) {
        report.problems << QStringLiteral(
                               "\"%1\" is not synced: a collection of that name exists here already "
                               "(rename or remove it to receive the library's)")
                               .arg(remote.name);
        return Error{ErrorCode::AlreadyExists, QString()};
    }
    if (!found && found.error().code != ErrorCode::NotFound)
        return found.error();
    if (found && found->libraryCollectionId == remote.id)
        return *found;
    if (found) {
        // The library's collection was removed and made again: what this replica holds belongs to the old
        // one.
        if (Status s = removeReplica(*found); !s)
            return s.error();
    }
    Collection fresh;
    fresh.name = remote.name;
    fresh.docType = remote.docType;
    fresh.embedderId = remote.embedderId;
    fresh.createdAtMs = fresh.updatedAtMs = m_clock.nowMs();
    fresh.libraryId = library.id;
    fresh.libraryCollectionId = remote.id;
    // Made and linked in one transaction: a replica never exists as a local collection of that name.
    Result<Collection> created = Error{ErrorCode::Internal, QString()};
    Status s = m_local.transaction([&](QSqlDatabase& db) -> Status {
        created = CollectionStore(db).create(fresh);
        if (!created)
            return created.error();
        return CollectionStore(db).setLibrary(created->id, library.id, remote.id, 0);
    });
    if (!s)
        return s.error();
    return created;
}

Status LibrarySync::syncCollection(const TeamLibrary& library, LibraryConnection& connection,
                                   const Remote& remote, LibrarySyncReport& report, std::stop_token stop,
                                   const Progress& progress) {
    auto replica = replicaOf(library, remote, report);
    if (!replica)
        return replica.error().code == ErrorCode::AlreadyExists ? Status() : Status(replica.error());
    if (remote.version <= replica->libraryVersion)
        return {};
    auto lock = IngestLock::acquire(m_lockDir, remote.name, stop);
    if (!lock)
        return lock.error();

    QSqlQuery q(connection.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT version, path, kind FROM changes WHERE collection_id = ? AND version > ? "
                       "ORDER BY version"));
    q.addBindValue(remote.id);
    q.addBindValue(replica->libraryVersion);
    if (!q.exec())
        return connection.error(q.lastError().text(), "reading the change log");
    // The newest change of each file, in the order of those newest changes.
    std::unordered_map<QString, Change> newest;
    while (q.next()) {
        Change c{q.value(0).toLongLong(), q.value(1).toString(),
                 q.value(2).toString() == QLatin1String("remove")};
        newest[c.path] = c;
    }
    std::vector<Change> changes;
    changes.reserve(newest.size());
    for (auto& [path, change] : newest)
        changes.push_back(std::move(change));
    std::sort(changes.begin(), changes.end(),
              [](const Change& a, const Change& b) { return a.version < b.version; });

    auto documents = DocumentStore(m_local.connection()).listByCollection(replica->id);
    if (!documents)
        return documents.error();
    std::unordered_map<QString, Document> here;
    for (Document& d : *documents)
        here.emplace(d.path, std::move(d));

    IngestWriter writer(m_local, m_indexes, m_clock, *replica, remote.embedderId, remote.dimension, stop);
    qint64 position = replica->libraryVersion;
    const qint64 replicaId = replica->id;
    writer.setInTransaction([&position, replicaId](QSqlDatabase& db) {
        return CollectionStore(db).setLibraryVersion(replicaId, position);
    });
    const int passagesBefore = static_cast<int>(report.passages);
    const int filesBefore = report.filesUpdated + report.filesRemoved;
    Status applied;
    for (auto first = changes.cbegin(); first != changes.cend() && applied.ok();) {
        if (stop.stop_requested()) {
            applied = Error{ErrorCode::Cancelled, QStringLiteral("cancelled")};
            break;
        }
        const auto last = changes.cend() - first > static_cast<std::ptrdiff_t>(kFilesPerBatch)
                              ? first + static_cast<std::ptrdiff_t>(kFilesPerBatch)
                              : changes.cend();
        applied = applyBatch(connection, remote, first, last, writer, here, position, report);
        first = last;
        if (progress)
            progress(LibrarySyncProgress{remote.name, static_cast<int>(first - changes.cbegin()),
                                         static_cast<int>(changes.size())});
    }
    // Whatever happened, what was written stays, and the vector index follows it.
    const Status finished = writer.finish(applied.ok());
    if (!applied)
        return applied;
    if (!finished)
        return finished;
    // Every change up to the snapshot's version is applied (the log has one entry per version).
    Status done = m_local.transaction(
        [&](QSqlDatabase& db) { return CollectionStore(db).setLibraryVersion(replicaId, remote.version); });
    if (!done)
        return done;
    if (report.filesUpdated + report.filesRemoved > filesBefore || report.passages > passagesBefore)
        report.changedCollections << remote.name;
    return {};
}

Status LibrarySync::applyBatch(LibraryConnection& connection, const Remote& remote,
                               std::vector<Change>::const_iterator first,
                               std::vector<Change>::const_iterator last, IngestWriter& writer,
                               std::unordered_map<QString, Document>& here, qint64& position,
                               LibrarySyncReport& report) {
    // The files of the batch as the snapshot has them: documents, then their passages and symbols.
    QStringList paths;
    for (auto it = first; it != last; ++it) {
        if (!it->removed)
            paths << connection.literal(it->path);
    }
    std::unordered_map<QString, ProcessedFile> files;
    std::unordered_map<qint64, ProcessedFile*> byId;
    std::vector<qint64> ids;
    const size_t bytesPerVector = static_cast<size_t>(remote.dimension) * sizeof(float);
    if (!paths.isEmpty()) {
        QSqlQuery q(connection.database());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, path, title, content_hash, size, mtime FROM documents "
                                   "WHERE collection_id = %1 AND path IN (%2)")
                        .arg(remote.id)
                        .arg(paths.join(QLatin1Char(',')))))
            return connection.error(q.lastError().text(), "reading documents");
        while (q.next()) {
            ProcessedFile file;
            file.kind = ProcessedFile::Kind::Indexed;
            file.job.path = q.value(1).toString();
            file.title = q.value(2).toString();
            file.contentHash = q.value(3).toString();
            file.job.size = q.value(4).toLongLong();
            file.job.mtimeMs = q.value(5).toLongLong();
            const qint64 id = q.value(0).toLongLong();
            ids.push_back(id);
            auto [it, inserted] = files.emplace(file.job.path, std::move(file));
            byId.emplace(id, &it->second);
        }
    }
    if (!ids.empty()) {
        QSqlQuery q(connection.database());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral(
                        "SELECT document_id, ordinal, heading_path, text, text_hash, token_count, loc_start, "
                        "loc_end, page, anchor, vector FROM passages WHERE document_id IN (%1) "
                        "ORDER BY document_id, ordinal")
                        .arg(idList(ids))))
            return connection.error(q.lastError().text(), "reading passages");
        while (q.next()) {
            ProcessedFile* file = byId.at(q.value(0).toLongLong());
            Chunk c;
            c.ordinal = q.value(1).toInt();
            c.headingPath = q.value(2).toString();
            c.text = q.value(3).toString();
            c.textHash = static_cast<quint64>(q.value(4).toLongLong());
            c.tokenCount = q.value(5).toInt();
            c.locStart = q.value(6).toInt();
            c.locEnd = q.value(7).toInt();
            c.page = q.value(8).toInt();
            c.anchor = q.value(9).toString();
            const QByteArray vector = q.value(10).toByteArray();
            if (static_cast<size_t>(vector.size()) != bytesPerVector)
                return Error{ErrorCode::Corrupt,
                             QStringLiteral("the team library's passage %1 of %2 has a vector of "
                                            "%3 bytes, not %4")
                                 .arg(c.ordinal)
                                 .arg(file->job.path)
                                 .arg(vector.size())
                                 .arg(bytesPerVector)};
            const size_t at = file->vectors.size();
            file->vectors.resize(at + static_cast<size_t>(remote.dimension));
            std::memcpy(file->vectors.data() + at, vector.constData(), bytesPerVector);
            file->chunks.push_back(std::move(c));
        }
        if (!q.exec(QStringLiteral(
                        "SELECT document_id, name, kind, anchor, line FROM symbols WHERE document_id IN (%1)")
                        .arg(idList(ids))))
            return connection.error(q.lastError().text(), "reading symbols");
        while (q.next())
            byId.at(q.value(0).toLongLong())
                ->symbols.push_back(Symbol{q.value(1).toString(), q.value(2).toString(),
                                           q.value(3).toString(), q.value(4).toInt()});
    }

    for (auto it = first; it != last; ++it) {
        position = it->version;
        const auto local = here.find(it->path);
        const auto there = files.find(it->path);
        if (there == files.end()) { // removed there (or removed again since this change)
            if (local == here.end())
                continue;
            auto removed = writer.remove(local->second);
            if (!removed)
                return removed.error();
            here.erase(local);
            ++report.filesRemoved;
            continue;
        }
        ProcessedFile& file = there->second;
        if (local != here.end() && local->second.status == DocumentStatus::Indexed &&
            local->second.contentHash == file.contentHash) {
            ++report.filesUnchanged;
            continue;
        }
        if (local != here.end())
            file.job.previous = local->second;
        auto written = writer.write(file);
        if (!written)
            return written.error();
        report.passages += static_cast<qint64>(file.chunks.size());
        ++report.filesUpdated;
    }
    return {};
}

} // namespace docrag
