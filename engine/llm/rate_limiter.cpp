#include "engine/llm/rate_limiter.h"

#include "engine/core/clock.h"

#include <algorithm>
#include <cmath>

namespace docrag {

RateLimiter::RateLimiter(const Clock& clock, double requestsPerSecond, int burst)
    : m_clock(clock) {
    if (requestsPerSecond > 0) {
        m_intervalMs = 1000.0 / requestsPerSecond;
        m_burstMs = m_intervalMs * std::max(0, burst - 1);
    }
}

qint64 RateLimiter::reserveMs() {
    if (m_intervalMs <= 0.0)
        return 0;
    const double now = static_cast<double>(m_clock.monotonicNs()) / 1e6;
    // Unused time beyond the burst does not accumulate.
    const double start = std::max(m_nextFreeMs, now - m_burstMs);
    m_nextFreeMs = start + m_intervalMs;
    return static_cast<qint64>(std::ceil(std::max(0.0, start - now)));
}

} // namespace docrag
