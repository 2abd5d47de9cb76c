#pragma once

#include <QString>
#include <QtGlobal>

namespace docrag {

// A team library this data folder subscribes to: a PostgreSQL database whose collections are kept
// here as replicas (LibrarySync). `url` never holds the password.
struct TeamLibrary final {
    qint64 id = 0;
    QString url;
    qint64 subscribedAtMs = 0;
    qint64 syncedAtMs = 0; // the last sync that reached the library's state (0: never)
    qint64 triedAtMs = 0;  // the last sync, whatever its outcome
    QString lastError;     // of the last sync; empty when it worked
    bool shareFeedback = false;
};

} // namespace docrag
