#pragma once

#include <QString>
#include <QtGlobal>

namespace docrag {

struct Conversation final {
    qint64 id = 0;
    QString title;
    qint64 createdAt = 0; // ms since the epoch
    qint64 updatedAt = 0;
    int messageCount = 0;
};

} // namespace docrag
