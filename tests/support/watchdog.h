#pragma once

#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace docrag::test {

// Fails the test process when it stops making progress: if nothing calls kick() for `stallMs`, it
// prints every thread's stack (StackDump) and what was running, then aborts, which CTest reports as a
// failure. A test that deadlocks thus fails in seconds, with the evidence, instead of hanging.
class Watchdog final {
public:
    explicit Watchdog(int stallMs = 10000);
    ~Watchdog();
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    // Progress: resets the stall timer and names what runs now.
    void kick(const QString& doing = {});

private:
    void watch();

    const int m_stallMs;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::chrono::steady_clock::time_point m_lastKick;
    QString m_doing;
    std::thread m_thread;
};

} // namespace docrag::test
