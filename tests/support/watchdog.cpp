#include "tests/support/watchdog.h"

#include "tests/support/stack_dump.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace docrag::test {

Watchdog::Watchdog(int stallMs)
    : m_stallMs(stallMs)
    , m_lastKick(std::chrono::steady_clock::now()) {
    StackDump::allowAttaching();
    m_thread = std::thread([this] { watch(); });
}

Watchdog::~Watchdog() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Watchdog::kick(const QString& doing) {
    std::lock_guard lock(m_mutex);
    m_lastKick = std::chrono::steady_clock::now();
    if (!doing.isEmpty())
        m_doing = doing;
}

void Watchdog::watch() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        const auto deadline = m_lastKick + std::chrono::milliseconds(m_stallMs);
        if (m_wake.wait_until(lock, deadline, [&] { return m_stopping; }))
            return;
        if (std::chrono::steady_clock::now() < m_lastKick + std::chrono::milliseconds(m_stallMs))
            continue;
        const QString doing = m_doing;
        lock.unlock();
        std::fprintf(stderr, "WATCHDOG: no progress for %d ms while: %s\nEvery thread's stack:\n%s\n",
                     m_stallMs, qPrintable(doing),
                     qPrintable(StackDump::of(QCoreApplication::applicationPid())));
        std::fflush(stderr);
        std::abort();
    }
}

} // namespace docrag::test
