#include "engine/ingest/ingest_lock.h"

#include "engine/core/hashing.h"

#include <QDir>
#include <QFile>
#include <QThread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace docrag {
namespace {

constexpr int kPollMs = 100;

qint64 holderPid(int fd) {
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof(buffer) - 1, 0);
    return n > 0 ? QByteArray(buffer, static_cast<int>(n)).trimmed().toLongLong() : 0;
}

} // namespace

IngestLock::IngestLock(int fd)
    : m_fd(fd) {}

IngestLock::~IngestLock() {
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
}

QString IngestLock::lockPath(const QString& lockDir, const QString& collection) {
    // Names may hold any character: the file is named by a hash of it.
    return QDir(lockDir).filePath(QStringLiteral("ingest-%1.lock")
                                      .arg(Hashing::toHex(Hashing::xxh3(QStringView(collection.trimmed())))));
}

Result<std::unique_ptr<IngestLock>> IngestLock::acquire(const QString& lockDir, const QString& collection,
                                                        std::stop_token stop,
                                                        const std::function<void(qint64)>& waiting) {
    if (!QDir().mkpath(lockDir))
        return Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(lockDir)};
    const QString path = lockPath(lockDir, collection);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error{ErrorCode::Io, QStringLiteral("cannot open the lock file %1").arg(path)};
    bool told = false;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (stop.stop_requested()) {
            ::close(fd);
            return Error{ErrorCode::Cancelled, QStringLiteral("stopped while waiting for another ingest")};
        }
        if (!told && waiting) {
            waiting(holderPid(fd));
            told = true;
        }
        QThread::msleep(kPollMs);
    }
    const QByteArray pid = QByteArray::number(static_cast<qint64>(::getpid())) + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.constData(), static_cast<size_t>(pid.size()), 0) < 0) {
        // Only the message naming the holder is lost: the lock itself holds.
    }
    return std::unique_ptr<IngestLock>(new IngestLock(fd));
}

bool IngestLock::isHeld(const QString& lockDir, const QString& collection) {
    const int fd = ::open(QFile::encodeName(lockPath(lockDir, collection)).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false; // never locked
    // A shared lock is refused while anyone, this process included, holds the exclusive one.
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0;
    if (!held)
        ::flock(fd, LOCK_UN);
    ::close(fd);
    return held;
}

} // namespace docrag
