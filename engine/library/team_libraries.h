#pragma once

#include "engine/core/publish_report.h"
#include "engine/core/result.h"
#include "engine/core/team_library.h"
#include "engine/library/feedback_sharer.h"
#include "engine/library/library_connection.h"
#include "engine/library/library_publisher.h"
#include "engine/library/library_sync.h"

#include <QHash>
#include <QString>

#include <functional>
#include <mutex>
#include <stop_token>
#include <vector>

namespace docrag {

class Clock;
class Database;
class VectorIndexManager;
struct IngestRequest;

// The team libraries of a data folder: subscribing, syncing replicas (LibrarySync), sharing an
// ingested collection (LibraryPublisher). Passwords are never stored here: a URL's password is kept
// in memory for this process, a PasswordSource (the desktop's keychain) may give one, and otherwise
// libpq's own sources apply (PGPASSWORD, ~/.pgpass). Callable from any thread.
class TeamLibraries final {
public:
    using PasswordSource = std::function<QString(const QString& url)>;

    TeamLibraries(Database& local, VectorIndexManager& indexes, const Clock& clock, QString lockDir);

    void setPasswordSource(PasswordSource source);
    // The password of the library `url` (without password) for this process: what a keychain gave.
    void rememberPassword(const QString& url, const QString& password);
    // A connection to the library `urlText` names (with or without password: see above).
    Result<LibraryConnection> connect(const QString& urlText);

    // Checks the library can be read and records it; its collections arrive with the next sync.
    Result<TeamLibrary> subscribe(const QString& urlText);
    // Forgets the library and removes its replicas from this data folder (the library keeps them).
    Status unsubscribe(const QString& urlText);
    Result<std::vector<TeamLibrary>> list();
    Result<TeamLibrary> find(const QString& urlText);
    // Whether the feedback given here on answers drawn from the library is sent to it (with each sync).
    Status setShareFeedback(const QString& urlText, bool share);
    // What the team said of the library's answers (FeedbackSharer::report).
    Result<std::vector<FeedbackTopic>> feedbackReport(const QString& urlText, int limit = 50);
    // Syncs the replicas, then sends the feedback still to send.
    Result<LibrarySyncReport> sync(const QString& urlText, std::stop_token stop = {},
                                   const LibrarySync::Progress& progress = {});

    // The version of each of the library's collections, by name: how far behind the replicas are.
    Result<QHash<QString, qint64>> remoteVersions(const QString& urlText);

    // Before an ingest: a replica is written by its library's sync alone, or by an ingest that
    // shares into that same library.
    Status checkIngest(const IngestRequest& request);
    // After it: shares the collection's documents under the ingest's roots (LibraryPublisher) and
    // makes the collection a replica of the library's.
    Result<PublishReport> publish(const IngestRequest& request, int dimension, std::stop_token stop = {},
                                  const LibraryPublisher::Progress& progress = {});

private:
    Result<LibraryUrl> urlWithPassword(const QString& urlText);

    Database& m_local;
    VectorIndexManager& m_indexes;
    const Clock& m_clock;
    QString m_lockDir;
    QString m_origin; // of this data folder's feedback
    std::mutex m_mutex;
    QHash<QString, QString> m_passwords; // by URL without password
    PasswordSource m_passwordSource;
};

} // namespace docrag
