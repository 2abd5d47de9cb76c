#pragma once

#include "engine/core/publish_report.h"

#include <QString>

#include <optional>
#include <vector>

namespace docrag {

enum class FileOutcome {
    Indexed,   // read, chunked and embedded (new or changed)
    Unchanged, // same size and time, or same content: nothing to do
    Skipped,   // deliberately not indexed: `detail` says why
    Failed,    // could not be read or parsed: `detail` says why
    Removed,   // gone from disk (or now ignored): its chunks were deleted
};

QString fileOutcomeName(FileOutcome outcome);

struct FileReport final {
    QString path;
    FileOutcome outcome = FileOutcome::Indexed;
    QString detail;
    qint64 bytes = 0;
    int chunks = 0;
};

// A snapshot of a running ingest, as the progress callback receives it.
struct IngestProgress final {
    int filesTotal = 0;    // files the scan found
    int filesDone = 0;     // files with an outcome so far
    qint64 bytesTotal = 0; // bytes of the files that have to be read
    qint64 bytesDone = 0;
    qint64 chunks = 0;     // chunks written
    qint64 embeddings = 0; // vectors computed (reused ones are not counted)
    double embeddingsPerSecond = 0.0;
    double bytesPerSecond = 0.0;
    qint64 etaMs = -1; // -1 while unknown
    qint64 elapsedMs = 0;
    QString currentFile;
};

struct IngestReport final {
    QString collection;
    qint64 collectionId = 0;
    bool cancelled = false;
    qint64 elapsedMs = 0;
    qint64 bytesRead = 0;
    qint64 chunksWritten = 0;
    qint64 embeddingsComputed = 0;
    qint64 embeddingsReused = 0;
    bool indexRebuilt = false; // the vector index was stale or missing and was rebuilt from the database
    std::vector<FileReport> files;
    // What was shared with a team library after the ingest (IngestRequest::library).
    std::optional<PublishReport> published;

    int count(FileOutcome outcome) const;
    // Indexed again or removed: what changed the collection's passages.
    int changedFiles() const;
};

} // namespace docrag
