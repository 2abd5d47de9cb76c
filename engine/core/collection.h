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
};

} // namespace docrag
