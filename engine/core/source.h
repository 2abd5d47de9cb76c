#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

namespace docrag {

struct Hit;

// A passage an answer cites as [number], with a snapshot of what it said: the answer keeps its
// citation when the document changes or disappears, and can tell that it changed.
struct Source final {
    int number = 0; // the n of [n]
    qint64 chunkId = 0;
    QString collection;
    QString path;
    QString title;
    QString headingPath;
    QString location; // "lines 12-40", "page 3", "#anchor"
    QString anchor;
    int locStart = 0;
    int locEnd = 0;
    int page = 0;
    QString excerpt;      // the passage as it was when the answer was given
    quint64 textHash = 0; // of the excerpt

    static Source fromHit(const Hit& hit, int number);
    QJsonObject toJson() const;
    static Source fromJson(const QJsonObject& json);
};

} // namespace docrag
