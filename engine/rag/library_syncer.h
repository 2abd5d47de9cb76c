#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <QStringList>

#include <stop_token>

class QTimer;

namespace docrag {

class RagEngine;

// Keeps this data folder's replicas of team libraries fresh in the background: every subscribed library
// is synced when start() is called, then every `intervalMs`, and on demand (syncNow()). One round at a
// time on the engine's long pool, one library after another; a library that cannot be reached is
// reported and its replicas keep serving. Lives in a thread with an event loop (the window's: it only
// schedules work and receives results). Its signals come from the pool's thread (queued to receivers
// elsewhere).
class LibrarySyncer final : public QObject {
    Q_OBJECT

public:
    struct Outcome final {
        QString library;
        QString error; // empty when the sync ran to its end
        int filesUpdated = 0;
        int filesRemoved = 0;
        QStringList changedCollections;
        QStringList problems;
        qint64 elapsedMs = 0;
    };

    static constexpr int kDefaultIntervalMs = 5 * 60 * 1000;

    explicit LibrarySyncer(RagEngine& engine, int intervalMs = kDefaultIntervalMs, QObject* parent = nullptr);
    ~LibrarySyncer() override;

    void start();
    // A round now, or right after the running one.
    void syncNow();
    // Cancels a running round at its next file and stops the timer; `stopped` follows.
    void stop();
    bool isSyncing() const { return m_running; }

signals:
    void syncStarted(const QString& library);
    void syncProgress(const QString& library, const QString& collection, int filesDone, int filesTotal);
    void syncFinished(const docrag::LibrarySyncer::Outcome& outcome);
    // A round ended (every library synced or failed).
    void roundFinished();
    void stopped();

private:
    void round();

    RagEngine& m_engine;
    QTimer* m_timer;
    QFuture<void> m_round;
    std::stop_source m_stop;
    bool m_running = false;
    bool m_again = false;
    bool m_stopping = false;
};

} // namespace docrag
