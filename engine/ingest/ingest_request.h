#pragma once

#include "engine/ingest/file_scanner.h"
#include "engine/ingest/ingest_limits.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace docrag {

struct IngestRequest final {
    QString collection;
    QString docType;   // empty: keep the collection's
    QString embedder;  // "local" or "openai"; empty: the collection's, or local for a new one
    QStringList paths; // folders or files
    IngestLimits limits;
    ScanOptions scan;
    bool keepInSync = false; // the collection follows its folders from now on (LiveCollections)
    // A team library (postgresql://…, without password) to share the collection in once it is ingested
    // here: see LibraryPublisher. Empty: a local collection.
    QString library;

    // Stored with the collection while it is ingested, so that an interrupted ingest can be resumed
    // as it was asked for.
    QJsonObject toJson() const;
    static IngestRequest fromJson(const QJsonObject& json);
};

} // namespace docrag
