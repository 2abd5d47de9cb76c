#pragma once

#include "engine/ingest/file_scanner.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace docrag {

struct IngestRequest final {
    static constexpr qint64 kDefaultMaxFileBytes = 64ll * 1024 * 1024;

    QString collection;
    QString docType;   // empty: keep the collection's
    QString embedder;  // "local" or "openai"; empty: the collection's, or local for a new one
    QStringList paths; // folders or files
    qint64 maxFileBytes = kDefaultMaxFileBytes;
    ScanOptions scan;

    // Stored with the collection while it is ingested, so that an interrupted ingest can be resumed
    // as it was asked for.
    QJsonObject toJson() const;
    static IngestRequest fromJson(const QJsonObject& json);
};

} // namespace docrag
