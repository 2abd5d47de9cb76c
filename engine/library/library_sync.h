#pragma once

#include "engine/core/collection.h"
#include "engine/core/document.h"
#include "engine/core/result.h"
#include "engine/core/team_library.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <stop_token>
#include <unordered_map>

namespace docrag {

class Clock;
class Database;
class IngestWriter;
class LibraryConnection;
class VectorIndexManager;

struct LibrarySyncProgress final {
    QString collection;
    int filesDone = 0; // changes of that collection applied so far
    int filesTotal = 0;
};

struct LibrarySyncReport final {
    QString library;
    int collections = 0;    // the library's collections
    int filesUpdated = 0;   // written here (new or changed there)
    int filesRemoved = 0;   // removed there, so here
    int filesUnchanged = 0; // changed there to what this replica already had (its own publish)
    qint64 passages = 0;    // written here
    QStringList changedCollections;
    QStringList removedCollections; // gone from the library, so from here
    QStringList problems;           // collections that could not be synced, feedback not sent, and why
    int feedbackShared = 0;         // answers whose feedback was sent (when this folder shares it)
    qint64 elapsedMs = 0;
};

// Brings this data folder's replicas of a team library's collections up to the library's state by
// reading its change log: the changes after the replica's position, newest per file, applied through
// the ingest's writer (one local transaction per file, the new position in the same transaction), so a
// replica is always made of whole files and a sync cut short (the server gone, cancelled) goes on
// from where it stopped. Everything is read from one snapshot of the library (repeatable read): a
// writer publishing meanwhile is seen entirely or not at all. Nothing is written to the library:
// a read-only role is enough.
class LibrarySync final {
public:
    using Progress = std::function<void(const LibrarySyncProgress&)>;

    LibrarySync(Database& local, VectorIndexManager& indexes, const Clock& clock, QString lockDir);

    Result<LibrarySyncReport> run(const TeamLibrary& library, LibraryConnection& connection,
                                  std::stop_token stop = {}, const Progress& progress = {});
    // Removes a replica from this data folder (its library keeps the collection), once no ingest or
    // sync of it runs.
    Status removeReplica(const Collection& replica);

private:
    struct Remote;
    struct Change;
    Status syncCollection(const TeamLibrary& library, LibraryConnection& connection, const Remote& remote,
                          LibrarySyncReport& report, std::stop_token stop, const Progress& progress);
    Result<Collection> replicaOf(const TeamLibrary& library, const Remote& remote, LibrarySyncReport& report);
    Status applyBatch(LibraryConnection& connection, const Remote& remote,
                      std::vector<Change>::const_iterator first, std::vector<Change>::const_iterator last,
                      IngestWriter& writer, std::unordered_map<QString, Document>& here, qint64& position,
                      LibrarySyncReport& report);

    Database& m_local;
    VectorIndexManager& m_indexes;
    const Clock& m_clock;
    QString m_lockDir;
};

} // namespace docrag
