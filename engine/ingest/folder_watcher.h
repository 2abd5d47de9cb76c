#pragma once

#include "engine/core/result.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

class QSocketNotifier;

namespace docrag {

// Reports what changes under folder trees, through Linux's inotify: one watch per folder, whose events
// name the file or folder that was created, written, removed or renamed in it. Lives in the thread that
// reads its events (an event loop runs there); the folders to watch come from a scan (FileScanner), so
// ignored folders cost no watch. A folder made under a watched one is watched as it appears.
//
// inotify's watches are limited per user (fs.inotify.max_user_watches, shared by every program): a
// tree is watched within `budget` watches in all, or not at all, and the caller rescans it instead.
class FolderWatcher final : public QObject {
    Q_OBJECT

public:
    explicit FolderWatcher(QObject* parent = nullptr);
    ~FolderWatcher() override;
    FolderWatcher(const FolderWatcher&) = delete;
    FolderWatcher& operator=(const FolderWatcher&) = delete;

    // False where there are no notifications (inotify could not be opened).
    bool isAvailable() const { return m_fd >= 0; }
    // Watches `folders` (a scan's, `root` among them) as the tree of `root`, adding to what is watched.
    // Error{TooLarge} when that would pass `budget` watches in all or the system's limit: then nothing
    // of the tree stays watched.
    Status watchTree(const QString& root, const QStringList& folders, int budget);
    void unwatchTree(const QString& root);
    int watchCount() const { return static_cast<int>(m_folders.size()); }
    // The system's limit of watches per user; 0 when it cannot be read.
    static int systemLimit();
    // The network file system `path` is on ("nfs", "cifs", ...), whose changes made on other machines
    // inotify never reports; empty for a local one.
    static QString networkFileSystem(const QString& path);

signals:
    // Something under `root` changed: `path` is the file or folder (it may be gone).
    void changed(const QString& root, const QString& path);
    // Changes under `root` were lost (the kernel's queue overflowed, or a new folder could not be
    // watched within the budget): only a rescan of the whole tree tells what changed. `watching` says
    // whether the tree is still watched.
    void lost(const QString& root, bool watching);

private:
    struct Folder final {
        QString path;
        QStringList roots; // the trees it is in: collections may overlap
    };

    void readEvents();
    void handle(int wd, quint32 mask, const QString& name);
    bool addWatch(const QString& root, const QString& folder);
    void watchNewFolder(const QString& root, const QString& folder);

    int m_fd = -1;
    QSocketNotifier* m_notifier = nullptr;
    QHash<int, Folder> m_folders;  // by watch descriptor
    QHash<QString, int> m_budgets; // by root: the budget it was watched within
};

} // namespace docrag
