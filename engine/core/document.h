#pragma once

#include <QString>
#include <QtGlobal>

namespace docrag {

enum class DocumentStatus {
    Indexed,
    Skipped, // deliberately not indexed (binary, empty, too large, ...): `error` says why
    Failed,  // could not be read or parsed: `error` says why
};

QString documentStatusName(DocumentStatus status);
DocumentStatus documentStatusFromName(const QString& name);

struct Document final {
    qint64 id = 0;
    qint64 collectionId = 0;
    QString path;
    QString sourceUrl;
    QString title;
    QString contentHash;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    DocumentStatus status = DocumentStatus::Indexed;
    QString error;
    qint64 ingestedAtMs = 0;
};

} // namespace docrag
