#pragma once

#include "engine/ingest/change_batch.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <stop_token>
#include <vector>

class QTimer;

namespace docrag {

class FolderWatcher;
class RagEngine;

struct LiveOptions final {
    int quietMs = 300;                    // a burst of changes is one ingest once it rests this long...
    int maxDelayMs = 2000;                // ...or this long after its first change
    int rescanIntervalMs = 5 * 60 * 1000; // for folders that cannot be watched
    int watchBudget = -1; // folder watches in all; -1: half the system's limit (other programs need some)
};

// Keeps collections in step with their folders: the desktop app's and `docrag-cli watch`'s watcher.
// Each followed collection is rescanned when following starts (what changed while nothing watched), then
// its folders are watched (FolderWatcher) and what changes is ingested after a short rest (ChangeBatch):
// only the changed files and folders are looked at, and unchanged passages keep their vectors. A
// collection whose folders cannot be watched (over the watch budget, or no notifications) is rescanned
// every `rescanIntervalMs` instead. One sync runs at a time, on the engine's long pool; a failed file
// keeps its last good passages (the ingest's rule).
//
// Lives in one thread with an event loop (its own in the desktop app, the main one in the CLI); its
// signals reach other threads queued. Database and disk work runs on the engine's pools.
class LiveCollections final : public QObject {
    Q_OBJECT

public:
    struct Outcome final {
        QString collection;
        int changedFiles = 0; // indexed again or removed
        int failedFiles = 0;  // read but not indexed (failed, skipped): their last good passages stay
        QStringList failures; // the first few of them: "file name: why"
        qint64 embeddingsComputed = 0;
        qint64 embeddingsReused = 0;
        QString error; // empty when the sync ran to its end
    };

    explicit LiveCollections(RagEngine& engine, LiveOptions options = {}, QObject* parent = nullptr);
    ~LiveCollections() override;
    LiveCollections(const LiveCollections&) = delete;
    LiveCollections& operator=(const LiveCollections&) = delete;

    // Follows the collections marked to keep in sync, or those named in `only` whatever their mark;
    // called again, it follows what was marked since and lets go of what is no longer. Call it in the
    // object's thread.
    void follow(const QStringList& only = {});
    // Lets go of everything and cancels a running sync; `stopped` follows once none runs.
    void stop();
    bool isSyncing() const { return !m_running.isEmpty(); }

signals:
    // How a collection is followed: watched, or rescanned every few minutes and why.
    void following(const QString& collection, bool watched, const QString& why);
    void syncStarted(const QString& collection);
    void syncFinished(const docrag::LiveCollections::Outcome& outcome);
    void stopped();

private:
    struct Followed;
    struct Setup;

    static Setup setupOf(RagEngine& engine, const QString& collection);
    static std::vector<Setup> setupsOf(RagEngine& engine, const QStringList& only);
    void setUp(const std::vector<Setup>& setups);
    void changed(const QString& collection, const QString& path);
    void lost(const QString& collection, bool watched);
    void rescanWhenDue();
    void schedule();
    void startDue();
    void finished(const Outcome& outcome);
    qint64 nowMs() const;
    int watchBudget() const;

    RagEngine& m_engine;
    LiveOptions m_options;
    FolderWatcher* m_watcher = nullptr;
    QTimer* m_timer = nullptr;  // the next batch due
    QTimer* m_rescan = nullptr; // collections that are not watched
    std::map<QString, std::unique_ptr<Followed>> m_followed;
    QString m_running; // the collection being synced
    std::unique_ptr<std::stop_source> m_stop;
    bool m_stopping = false;
};

} // namespace docrag
