#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace docrag {

struct Collection final {
    qint64 id = 0;
    QString name;
    QString docType;
    QStringList rootPaths;
    QString embedderId;
    QString settingsJson;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    // Bumped in the same transaction as every change to the collection's chunks, so a
    // derived cache (the vector index file) can tell whether it is still current.
    qint64 generation = 0;
    // The last ingest: kIngestRunning from its start until it ends, then empty when it ran to its end,
    // or kIngestInterrupted (cancelled or failed). Running with no process holding the collection's
    // IngestLock means that process died: interrupted too.
    static constexpr QLatin1String kIngestRunning{"running"};
    static constexpr QLatin1String kIngestInterrupted{"interrupted"};
    QString ingestState;
    QString ingestRequestJson; // what to run again to resume
    qint64 filesTotal = 0;     // of that ingest
    qint64 filesDone = 0;
    // Kept in step with its folders while a watcher runs (LiveCollections): see RagEngine::setKeepInSync.
    bool keepInSync = false;
    qint64 syncedAtMs = 0; // when an ingest of it last ran to its end (0: never)
    // A replica of a team library's collection (LibrarySync), or 0: a local collection.
    qint64 libraryId = 0;
    qint64 libraryCollectionId = 0; // the collection's id in the library
    qint64 libraryVersion = 0;      // the last version of its change log applied here
};

} // namespace docrag
