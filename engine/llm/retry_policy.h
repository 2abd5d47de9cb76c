#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace docrag {

// When to try a failed request again: exponential backoff with full jitter, never sooner than the
// server asked with Retry-After (seconds or an HTTP date) or retry-after-ms.
class RetryPolicy final {
public:
    RetryPolicy(int baseMs, int maxMs);

    // Delay before attempt `attempt` + 1 (attempt counts from 0). `random` in [0, 1).
    int delayMs(int attempt, double random, std::optional<int> serverDelayMs = std::nullopt) const;

    // The server's wish, from the header values (empty when absent), relative to `now`.
    static std::optional<int> serverDelayMs(const QByteArray& retryAfter, const QByteArray& retryAfterMs,
                                            const QDateTime& now);
    static bool isRetryableStatus(int httpStatus);

private:
    int m_baseMs;
    int m_maxMs;
};

} // namespace docrag
