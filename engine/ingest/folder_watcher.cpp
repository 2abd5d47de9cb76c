#include "engine/ingest/folder_watcher.h"

#include "engine/core/folder_path.h"

#include <QDirIterator>
#include <QFile>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <sys/inotify.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <utility>

namespace docrag {
namespace {

// What a folder's watch reports: its entries created, written (and closed), changed in their times,
// removed, renamed; and the folder itself going. Not IN_ACCESS or IN_OPEN: reading is not changing.
constexpr quint32 kEvents = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM |
                            IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;

} // namespace

FolderWatcher::FolderWatcher(QObject* parent)
    : QObject(parent)
    , m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (m_fd < 0)
        return;
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &FolderWatcher::readEvents);
}

FolderWatcher::~FolderWatcher() {
    delete m_notifier; // before its descriptor closes
    if (m_fd >= 0)
        ::close(m_fd);
}

int FolderWatcher::systemLimit() {
    QFile file(QStringLiteral("/proc/sys/fs/inotify/max_user_watches"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toInt();
}

QString FolderWatcher::networkFileSystem(const QString& path) {
    struct statfs info {};
    if (statfs(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    // The magic numbers of linux/magic.h (and FUSE's, for sshfs and the like).
    static constexpr std::pair<unsigned long, const char*> kNetwork[] = {
        {0x6969UL, "nfs"},    {0x517BUL, "smb"},      {0xFF534D42UL, "cifs"}, {0xFE534D42UL, "smb2"},
        {0x01021997UL, "9p"}, {0x00C36400UL, "ceph"}, {0x5346414FUL, "afs"},  {0x65735546UL, "fuse"},
    };
    for (const auto& [magic, name] : kNetwork) {
        if (static_cast<unsigned long>(info.f_type) == magic)
            return QString::fromLatin1(name);
    }
    return {};
}

Status FolderWatcher::watchTree(const QString& root, const QStringList& folders, int budget) {
    if (!isAvailable())
        return Error{ErrorCode::Unsupported, QStringLiteral("this system gives no notifications of changes")};
    unwatchTree(root);
    if (watchCount() + folders.size() > budget) {
        return Error{ErrorCode::TooLarge, QStringLiteral("%1 folders to watch, over the %2 watches left")
                                              .arg(folders.size())
                                              .arg(std::max(0, budget - watchCount()))};
    }
    for (const QString& folder : folders) {
        if (addWatch(root, folder) || errno == ENOENT || errno == ENOTDIR)
            continue; // a folder gone since the scan: its parent's events tell
        const int error = errno;
        unwatchTree(root);
        if (error == ENOSPC) {
            return Error{ErrorCode::TooLarge,
                         QStringLiteral("the system's limit of watched folders is reached "
                                        "(fs.inotify.max_user_watches, %1)")
                             .arg(systemLimit())};
        }
        return Error{
            ErrorCode::Io,
            QStringLiteral("cannot watch %1: %2").arg(folder, QString::fromLocal8Bit(strerror(error)))};
    }
    m_budgets.insert(root, budget);
    return {};
}

void FolderWatcher::unwatchTree(const QString& root) {
    m_budgets.remove(root);
    for (auto it = m_folders.begin(); it != m_folders.end();) {
        it->roots.removeAll(root);
        if (!it->roots.isEmpty()) {
            ++it;
            continue;
        }
        inotify_rm_watch(m_fd, it.key());
        it = m_folders.erase(it);
    }
}

bool FolderWatcher::addWatch(const QString& root, const QString& folder) {
    const int wd =
        inotify_add_watch(m_fd, QFile::encodeName(folder).constData(), kEvents | IN_ONLYDIR | IN_EXCL_UNLINK);
    if (wd < 0)
        return false;
    // The same folder under two trees (overlapping collections) has one watch.
    Folder& watched = m_folders[wd];
    watched.path = folder;
    if (!watched.roots.contains(root))
        watched.roots << root;
    return true;
}

void FolderWatcher::readEvents() {
    alignas(inotify_event) char buffer[64 * 1024];
    for (;;) {
        const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
        if (length <= 0)
            return; // EAGAIN: all read
        for (ssize_t at = 0; at < length;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            handle(event->wd, event->mask, event->len > 0 ? QFile::decodeName(event->name) : QString());
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
}

void FolderWatcher::handle(int wd, quint32 mask, const QString& name) {
    if (mask & IN_Q_OVERFLOW) {
        for (const QString& root : m_budgets.keys())
            emit lost(root, true);
        return;
    }
    const auto found = m_folders.constFind(wd);
    if (found == m_folders.constEnd())
        return;
    const Folder folder = *found;
    if (mask & IN_IGNORED) { // the folder went, and its watch with it
        m_folders.remove(wd);
        return;
    }
    const QString path = name.isEmpty() ? folder.path : folder.path + QLatin1Char('/') + name;
    if ((mask & IN_ISDIR) && (mask & (IN_MOVED_FROM | IN_DELETE))) {
        // A folder moved away keeps its watch, which would report from outside the tree.
        for (auto it = m_folders.begin(); it != m_folders.end();) {
            if (FolderPath::holds(path, it->path)) {
                inotify_rm_watch(m_fd, it.key());
                it = m_folders.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (const QString& root : folder.roots) {
        if ((mask & IN_ISDIR) && (mask & (IN_CREATE | IN_MOVED_TO)))
            watchNewFolder(root, path);
        emit changed(root, path);
    }
}

void FolderWatcher::watchNewFolder(const QString& root, const QString& folder) {
    const int budget = m_budgets.value(root, 0);
    QStringList folders{folder};
    QDirIterator it(folder, QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        folders << it.next();
    for (const QString& f : folders) {
        if (watchCount() < budget) {
            if (addWatch(root, f) || errno == ENOENT || errno == ENOTDIR)
                continue;
        }
        unwatchTree(root);
        emit lost(root, false);
        return;
    }
}

} // namespace docrag
