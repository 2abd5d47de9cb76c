#pragma once

#include "engine/core/clock.h"

#include <atomic>

namespace docrag::test {

// A clock that moves only when a test says so.
class ManualClock final : public Clock {
public:
    qint64 nowMs() const override { return m_ms.load(); }
    qint64 monotonicNs() const override { return m_ms.load() * 1000000; }
    void advanceMs(qint64 ms) { m_ms += ms; }

private:
    std::atomic<qint64> m_ms{1'800'000'000'000};
};

} // namespace docrag::test
