#include "engine/llm/retry_policy.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace docrag {

RetryPolicy::RetryPolicy(int baseMs, int maxMs)
    : m_baseMs(std::max(1, baseMs))
    , m_maxMs(std::max(baseMs, maxMs)) {}

int RetryPolicy::delayMs(int attempt, double random, std::optional<int> serverDelayMs) const {
    const double ceiling =
        std::min(static_cast<double>(m_maxMs), m_baseMs * std::pow(2.0, std::min(attempt, 20)));
    // Half fixed, half random: clients that failed together do not come back together.
    const int backoff = static_cast<int>(ceiling * (0.5 + 0.5 * std::clamp(random, 0.0, 1.0)));
    if (serverDelayMs)
        return std::max(backoff, std::min(*serverDelayMs, 10 * m_maxMs));
    return backoff;
}

std::optional<int> RetryPolicy::serverDelayMs(const QByteArray& retryAfter, const QByteArray& retryAfterMs,
                                              const QDateTime& now) {
    bool ok = false;
    if (!retryAfterMs.isEmpty()) {
        const double ms = retryAfterMs.trimmed().toDouble(&ok);
        if (ok && ms >= 0)
            return static_cast<int>(std::ceil(ms));
    }
    if (retryAfter.isEmpty())
        return std::nullopt;
    const double seconds = retryAfter.trimmed().toDouble(&ok);
    if (ok && seconds >= 0)
        return static_cast<int>(std::ceil(seconds * 1000));
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(retryAfter.trimmed()),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return static_cast<int>(std::max<qint64>(0, now.msecsTo(when)));
}

bool RetryPolicy::isRetryableStatus(int httpStatus) {
    return httpStatus == 408 || httpStatus == 409 || httpStatus == 429 || httpStatus >= 500;
}

} // namespace docrag
