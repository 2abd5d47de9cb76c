#pragma once

#include "engine/core/result.h"

#include <QString>

#include <functional>
#include <memory>
#include <stop_token>

namespace docrag {

// One ingest of a collection at a time, across every process on the data folder: an advisory lock
// (flock) on a file per collection, which the kernel releases when its process dies. That is also how
// an interrupted ingest is told from a running one: its lock is free.
class IngestLock final {
public:
    // Waits for another ingest of `collection` to finish (calling `waiting` once with its pid), until
    // `stop` is requested (Cancelled).
    static Result<std::unique_ptr<IngestLock>> acquire(const QString& lockDir, const QString& collection,
                                                       std::stop_token stop = {},
                                                       const std::function<void(qint64 pid)>& waiting = {});
    // Whether some process (this one included) holds the lock of `collection` now.
    static bool isHeld(const QString& lockDir, const QString& collection);
    ~IngestLock();
    IngestLock(const IngestLock&) = delete;
    IngestLock& operator=(const IngestLock&) = delete;

private:
    explicit IngestLock(int fd);
    static QString lockPath(const QString& lockDir, const QString& collection);
    int m_fd;
};

} // namespace docrag
