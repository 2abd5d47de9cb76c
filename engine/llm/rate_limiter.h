#pragma once

#include <QtGlobal>

namespace docrag {

class Clock;

// A token bucket on the client side, so that a burst of batches does not earn a burst of 429s.
// Not thread-safe: it lives on the client's thread.
class RateLimiter final {
public:
    RateLimiter(const Clock& clock, double requestsPerSecond, int burst = 1);

    // Takes a slot and returns how long to wait before using it (0 = now). With no limit, always 0.
    qint64 reserveMs();

private:
    const Clock& m_clock;
    double m_intervalMs = 0.0;
    double m_burstMs = 0.0;
    double m_nextFreeMs = 0.0; // on the clock's monotonic scale
};

} // namespace docrag
