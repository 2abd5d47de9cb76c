#include "engine/metrics/performance_monitor.h"

#include "engine/core/clock.h"
#include "engine/core/logging.h"

#include <QElapsedTimer>

namespace docrag {
namespace {

constexpr qint64 kMinuteMs = 60'000;

double toMs(double micros) {
    return micros / 1000.0;
}

// Where a user would notice: a search over 100 ms, an answer over the 2 s the product promises.
constexpr std::array<qint64, PerformanceMonitor::kOperations> kDefaultThresholdMicros = {
    5'000'000, // ingest one file
    2'000'000, // embed one batch
    50'000,    // FTS query
    50'000,    // vector query
    100'000,   // retrieval
    2'000'000, // first token
    2'000'000, // whole answer
    500'000,   // one database transaction
};

} // namespace

PerformanceMonitor::PerformanceMonitor(const Clock& clock)
    : m_clock(clock)
    , m_startedMs(clock.nowMs()) {
    for (int i = 0; i < kOperations; ++i)
        m_series[static_cast<size_t>(i)].thresholdMicros = kDefaultThresholdMicros[static_cast<size_t>(i)];
}

QString PerformanceMonitor::name(Operation operation) {
    switch (operation) {
    case Operation::IngestFile:
        return QStringLiteral("ingest_file");
    case Operation::EmbedBatch:
        return QStringLiteral("embed_batch");
    case Operation::FtsQuery:
        return QStringLiteral("fts_query");
    case Operation::VectorQuery:
        return QStringLiteral("vector_query");
    case Operation::Retrieval:
        return QStringLiteral("retrieval");
    case Operation::FirstToken:
        return QStringLiteral("first_token");
    case Operation::Answer:
        return QStringLiteral("answer");
    case Operation::DatabaseTransaction:
        return QStringLiteral("db_transaction");
    case Operation::Count:
        break;
    }
    return QStringLiteral("unknown");
}

void PerformanceMonitor::setSlowThreshold(Operation operation, qint64 micros) {
    Series& s = m_series[static_cast<size_t>(operation)];
    std::lock_guard lock(s.mutex);
    s.thresholdMicros = micros;
}

qint64 PerformanceMonitor::slowThreshold(Operation operation) const {
    const Series& s = m_series[static_cast<size_t>(operation)];
    std::lock_guard lock(s.mutex);
    return s.thresholdMicros;
}

void PerformanceMonitor::record(Operation operation, qint64 micros, const QString& context) {
    if (operation == Operation::Count)
        return;
    const qint64 nowMs = m_clock.nowMs();
    const qint64 minute = nowMs / kMinuteMs;
    Series& s = m_series[static_cast<size_t>(operation)];
    qint64 threshold = 0;
    {
        std::lock_guard lock(s.mutex);
        Minute& slot = s.minutes[static_cast<size_t>(minute % kMinutes)];
        if (slot.index != minute) {
            // An hour-old minute makes room: memory stays bounded however long the app runs.
            slot.index = minute;
            slot.histogram.clear();
        }
        slot.histogram.add(micros);
        threshold = s.thresholdMicros;
    }
    if (threshold <= 0 || micros <= threshold)
        return;
    SlowOperation slow{nowMs, name(operation), toMs(static_cast<double>(micros)),
                       toMs(static_cast<double>(threshold)), context.left(200)};
    // The dashboard shows a question with its timing; the log, which lasts and gets shared, only its size.
    const bool userText = operation == Operation::FtsQuery || operation == Operation::VectorQuery ||
                          operation == Operation::Retrieval || operation == Operation::FirstToken ||
                          operation == Operation::Answer;
    const QString logged = userText && !slow.context.isEmpty()
                               ? QStringLiteral("a question of %1 characters").arg(context.size())
                               : slow.context;
    Logging::get("docrag.perf")
        ->warn("slow {}: {:.1f} ms (threshold {:.0f} ms){}{}", slow.name, slow.durationMs, slow.thresholdMs,
               logged.isEmpty() ? "" : ": ", logged);
    std::lock_guard lock(m_slowMutex);
    m_slow.push_front(std::move(slow));
    if (m_slow.size() > kSlowKept)
        m_slow.pop_back();
}

PerformanceSnapshot PerformanceMonitor::snapshot() const {
    QElapsedTimer cost;
    cost.start();
    PerformanceSnapshot snap;
    snap.takenAtMs = m_clock.nowMs();
    snap.uptimeMs = snap.takenAtMs - m_startedMs;
    const qint64 current = snap.takenAtMs / kMinuteMs;
    for (int op = 0; op < kOperations; ++op) {
        const Series& s = m_series[static_cast<size_t>(op)];
        OperationStats stats;
        stats.name = name(static_cast<Operation>(op));
        LatencyHistogram hour;
        {
            std::lock_guard lock(s.mutex);
            // The last sixty minutes, this one included, oldest first.
            for (qint64 minute = current - kMinutes + 1; minute <= current; ++minute) {
                const Minute& slot = s.minutes[static_cast<size_t>(minute % kMinutes)];
                if (slot.index != minute || slot.histogram.count() == 0)
                    continue;
                hour.merge(slot.histogram);
                stats.perMinute.push_back(MinuteStats{minute * kMinuteMs, slot.histogram.count(),
                                                      toMs(slot.histogram.meanMicros()),
                                                      toMs(slot.histogram.percentile(95)),
                                                      toMs(static_cast<double>(slot.histogram.maxMicros()))});
            }
        }
        stats.count = hour.count();
        stats.avgMs = toMs(hour.meanMicros());
        stats.minMs = toMs(static_cast<double>(hour.minMicros()));
        stats.maxMs = toMs(static_cast<double>(hour.maxMicros()));
        stats.p50Ms = toMs(hour.percentile(50));
        stats.p95Ms = toMs(hour.percentile(95));
        stats.p99Ms = toMs(hour.percentile(99));
        snap.operations.push_back(std::move(stats));
    }
    {
        std::lock_guard lock(m_slowMutex);
        snap.slowOperations.assign(m_slow.begin(), m_slow.end());
    }
    snap.snapshotMs = static_cast<double>(cost.nsecsElapsed()) / 1e6;
    return snap;
}

PerformanceMonitor::ScopedTimer::ScopedTimer(PerformanceMonitor* monitor, Operation operation,
                                             QString context)
    : m_monitor(monitor)
    , m_operation(operation)
    , m_context(std::move(context))
    , m_startNs(monitor ? monitor->clock().monotonicNs() : 0) {}

PerformanceMonitor::ScopedTimer::~ScopedTimer() {
    if (m_monitor)
        m_monitor->record(m_operation, (m_monitor->clock().monotonicNs() - m_startNs) / 1000, m_context);
}

} // namespace docrag
