#pragma once

#include <QString>
#include <QtGlobal>

namespace docrag {

// What one writer shared with a team library: files whose passages it sent, files it removed there,
// files the library already had as they are here.
struct PublishReport final {
    QString library; // the URL, without password
    QString collection;
    qint64 collectionId = 0; // the collection's id in the library
    int published = 0;
    int removed = 0;
    int unchanged = 0;
    qint64 version = 0;  // the collection's version in the library afterwards
    qint64 waitedMs = 0; // for another machine writing the same collection
    qint64 elapsedMs = 0;
};

} // namespace docrag
