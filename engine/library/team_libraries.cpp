#include "engine/library/team_libraries.h"

#include "engine/core/clock.h"
#include "engine/index/vector_index_manager.h"
#include "engine/ingest/ingest_request.h"
#include "engine/library/library_schema.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/library_store.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace docrag {

TeamLibraries::TeamLibraries(Database& local, VectorIndexManager& indexes, const Clock& clock,
                             QString lockDir)
    : m_local(local)
    , m_indexes(indexes)
    , m_clock(clock)
    , m_lockDir(std::move(lockDir))
    , m_origin(FeedbackSharer::originOf(local.filePath())) {}

void TeamLibraries::setPasswordSource(PasswordSource source) {
    std::lock_guard lock(m_mutex);
    m_passwordSource = std::move(source);
}

void TeamLibraries::rememberPassword(const QString& url, const QString& password) {
    auto parsed = LibraryUrl::parse(url);
    if (!parsed || password.isEmpty())
        return;
    std::lock_guard lock(m_mutex);
    m_passwords.insert(parsed->toString(), password);
}

Result<LibraryUrl> TeamLibraries::urlWithPassword(const QString& urlText) {
    auto url = LibraryUrl::parse(urlText);
    if (!url)
        return url.error();
    const QString key = url->toString();
    PasswordSource source;
    {
        std::lock_guard lock(m_mutex);
        if (!url->password.isEmpty())
            m_passwords.insert(key, url->password);
        else
            url->password = m_passwords.value(key);
        source = m_passwordSource;
    }
    if (url->password.isEmpty() && source)
        url->password = source(key);
    return url;
}

Result<LibraryConnection> TeamLibraries::connect(const QString& urlText) {
    auto url = urlWithPassword(urlText);
    if (!url)
        return url.error();
    return LibraryConnection::open(*url);
}

Result<TeamLibrary> TeamLibraries::subscribe(const QString& urlText) {
    auto connection = connect(urlText);
    if (!connection)
        return connection.error();
    // An empty library is fine: a writer subscribes before its first share.
    if (Status s = LibrarySchema::check(*connection); !s && s.error().code != ErrorCode::NotFound)
        return s.error();
    Result<TeamLibrary> added = Error{ErrorCode::Internal, QString()};
    Status stored = m_local.transaction([&](QSqlDatabase& db) -> Status {
        added = LibraryStore(db).add(connection->url().toString(), m_clock.nowMs());
        return added ? Status() : Status(added.error());
    });
    if (!stored)
        return stored.error();
    return added;
}

Result<std::vector<TeamLibrary>> TeamLibraries::list() {
    return LibraryStore(m_local.connection()).list();
}

Result<TeamLibrary> TeamLibraries::find(const QString& urlText) {
    auto url = LibraryUrl::parse(urlText);
    if (!url)
        return url.error();
    return LibraryStore(m_local.connection()).find(url->toString());
}

Status TeamLibraries::unsubscribe(const QString& urlText) {
    auto library = find(urlText);
    if (!library)
        return library.error();
    auto collections = CollectionStore(m_local.connection()).list();
    if (!collections)
        return collections.error();
    LibrarySync replicas(m_local, m_indexes, m_clock, m_lockDir);
    for (const Collection& c : *collections) {
        if (c.libraryId != library->id)
            continue;
        if (Status removed = replicas.removeReplica(c); !removed)
            return removed;
    }
    return m_local.transaction([&](QSqlDatabase& db) { return LibraryStore(db).remove(library->id); });
}

Result<LibrarySyncReport> TeamLibraries::sync(const QString& urlText, std::stop_token stop,
                                              const LibrarySync::Progress& progress) {
    auto library = find(urlText);
    if (!library)
        return library.error();
    auto connection = connect(urlText); // a password it holds is used, and remembered
    Result<LibrarySyncReport> report =
        connection
            ? LibrarySync(m_local, m_indexes, m_clock, m_lockDir).run(*library, *connection, stop, progress)
            : Result<LibrarySyncReport>(connection.error());
    if (report) {
        // Each replica is now as fresh as the library: the time its row shows ("synced HH:MM").
        const qint64 now = m_clock.nowMs();
        (void)m_local.transaction(
            [&](QSqlDatabase& db) { return CollectionStore(db).setSyncedAtOfLibrary(library->id, now); });
    }
    if (report && library->shareFeedback) {
        auto shared = FeedbackSharer(m_local, m_clock, m_origin).share(*library, *connection);
        if (shared)
            report->feedbackShared = *shared;
        else
            report->problems << QStringLiteral("feedback not sent: %1").arg(shared.error().message);
    }
    // The outcome is kept with the library: how fresh the replica is, and why not.
    const QString error = report ? QString() : report.error().message;
    (void)m_local.transaction(
        [&](QSqlDatabase& db) { return LibraryStore(db).recordSync(library->id, m_clock.nowMs(), error); });
    return report;
}

Result<QHash<QString, qint64>> TeamLibraries::remoteVersions(const QString& urlText) {
    auto connection = connect(urlText);
    if (!connection)
        return connection.error();
    if (Status s = LibrarySchema::check(*connection); !s)
        return s.error();
    QSqlQuery q(connection->database());
    if (!q.exec(QStringLiteral("SELECT name, version FROM collections")))
        return connection->error(q.lastError().text(), "listing collections");
    QHash<QString, qint64> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

Status TeamLibraries::setShareFeedback(const QString& urlText, bool share) {
    auto library = find(urlText);
    if (!library)
        return library.error();
    return m_local.transaction(
        [&](QSqlDatabase& db) { return LibraryStore(db).setShareFeedback(library->id, share); });
}

Result<std::vector<FeedbackTopic>> TeamLibraries::feedbackReport(const QString& urlText, int limit) {
    auto connection = connect(urlText);
    if (!connection)
        return connection.error();
    if (Status s = LibrarySchema::check(*connection); !s)
        return s.error();
    return FeedbackSharer::report(*connection, limit);
}

Status TeamLibraries::checkIngest(const IngestRequest& request) {
    auto existing = CollectionStore(m_local.connection()).find(request.collection);
    if (!existing || existing->libraryId == 0)
        return {};
    auto library = LibraryStore(m_local.connection()).get(existing->libraryId);
    if (!library)
        return library.error();
    if (request.library.isEmpty())
        return Error{
            ErrorCode::InvalidArgument,
            QStringLiteral("\"%1\" is a replica of the team library %2: ingest into it with --library %2, "
                           "or into another collection")
                .arg(request.collection, library->url)};
    auto url = LibraryUrl::parse(request.library);
    if (!url)
        return url.error();
    if (url->toString() != library->url)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("\"%1\" is a replica of the team library %2, not of %3")
                         .arg(request.collection, library->url, url->toString())};
    return {};
}

Result<PublishReport> TeamLibraries::publish(const IngestRequest& request, int dimension,
                                             std::stop_token stop,
                                             const LibraryPublisher::Progress& progress) {
    auto connection = connect(request.library);
    if (!connection)
        return connection.error();
    if (Status s = LibrarySchema::migrate(*connection); !s)
        return s.error();
    auto collection = CollectionStore(m_local.connection()).find(request.collection);
    if (!collection)
        return collection.error();
    // As the scanner names them (documents are stored under their folders' real paths).
    QStringList roots;
    for (const QString& path : request.paths) {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        roots << (canonical.isEmpty() ? QDir::cleanPath(QDir(path).absolutePath()) : canonical);
    }
    LibraryPublisher publisher(m_local.connection(), *connection);
    auto published = publisher.publish(*collection, roots, dimension, stop, progress);
    if (!published)
        return published.error();
    // The collection is now the library's too: this data folder subscribes, and its sync brings
    // what other machines share into it.
    Result<TeamLibrary> library = Error{ErrorCode::Internal, QString()};
    const qint64 remoteId = published->collectionId;
    Status linked = m_local.transaction([&](QSqlDatabase& db) -> Status {
        library = LibraryStore(db).add(connection->url().toString(), m_clock.nowMs());
        if (!library)
            return library.error();
        const qint64 position = collection->libraryCollectionId == remoteId ? collection->libraryVersion : 0;
        return CollectionStore(db).setLibrary(collection->id, library->id, remoteId, position);
    });
    if (!linked)
        return linked.error();
    return published;
}

} // namespace docrag
