#include "engine/metrics/performance_monitor.h"

#include "engine/core/clock.h"
#include "engine/core/logging.h"

#include <QElapsedTimer>

#include <algorithm>
#include <map>

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
        if (s.unsaved.empty() || s.unsaved.back().index != minute) {
            LatencyHistogram one;
            one.add(micros);
            keepUnsaved(s, minute, one);
        } else {
            s.unsaved.back().histogram.add(micros);
        }
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

void PerformanceMonitor::keepUnsaved(Series& series, qint64 minute, const LatencyHistogram& histogram) {
    auto it = std::find_if(series.unsaved.begin(), series.unsaved.end(),
                           [minute](const Minute& m) { return m.index >= minute; });
    if (it != series.unsaved.end() && it->index == minute) {
        it->histogram.merge(histogram);
        return;
    }
    series.unsaved.insert(it, Minute{minute, histogram});
    // Nobody stores them (or the database keeps failing): the oldest go, as the hour's slots do.
    if (series.unsaved.size() > static_cast<size_t>(kMinutes))
        series.unsaved.erase(series.unsaved.begin());
}

std::vector<MinuteRollup> PerformanceMonitor::takeUnsaved() {
    std::vector<MinuteRollup> out;
    for (int op = 0; op < kOperations; ++op) {
        Series& s = m_series[static_cast<size_t>(op)];
        std::vector<Minute> taken;
        {
            std::lock_guard lock(s.mutex);
            taken.swap(s.unsaved);
        }
        for (Minute& m : taken)
            out.push_back(MinuteRollup{name(static_cast<Operation>(op)), m.index, m.histogram});
    }
    return out;
}

std::vector<MinuteRollup> PerformanceMonitor::unsaved() const {
    std::vector<MinuteRollup> out;
    for (int op = 0; op < kOperations; ++op) {
        const Series& s = m_series[static_cast<size_t>(op)];
        std::lock_guard lock(s.mutex);
        for (const Minute& m : s.unsaved)
            out.push_back(MinuteRollup{name(static_cast<Operation>(op)), m.index, m.histogram});
    }
    return out;
}

void PerformanceMonitor::putBack(const std::vector<MinuteRollup>& rollups) {
    for (const MinuteRollup& r : rollups) {
        for (int op = 0; op < kOperations; ++op) {
            if (name(static_cast<Operation>(op)) != r.operation)
                continue;
            Series& s = m_series[static_cast<size_t>(op)];
            std::lock_guard lock(s.mutex);
            keepUnsaved(s, r.minute, r.histogram);
        }
    }
}

std::vector<OperationStats> PerformanceMonitor::summarize(const std::vector<MinuteRollup>& rollups,
                                                          qint64 fromMinute, qint64 toMinute) {
    std::vector<OperationStats> out;
    for (int op = 0; op < kOperations; ++op) {
        OperationStats stats;
        stats.name = name(static_cast<Operation>(op));
        std::map<qint64, LatencyHistogram> minutes;
        for (const MinuteRollup& r : rollups) {
            if (r.operation == stats.name && r.minute >= fromMinute && r.minute <= toMinute)
                minutes[r.minute].merge(r.histogram);
        }
        LatencyHistogram all;
        for (const auto& [minute, h] : minutes) {
            if (h.count() == 0)
                continue;
            all.merge(h);
            stats.perMinute.push_back(MinuteStats{minute * kMinuteMs, h.count(), toMs(h.meanMicros()),
                                                  toMs(h.percentile(95)),
                                                  toMs(static_cast<double>(h.maxMicros()))});
        }
        stats.count = all.count();
        stats.avgMs = toMs(all.meanMicros());
        stats.minMs = toMs(static_cast<double>(all.minMicros()));
        stats.maxMs = toMs(static_cast<double>(all.maxMicros()));
        stats.p50Ms = toMs(all.percentile(50));
        stats.p95Ms = toMs(all.percentile(95));
        stats.p99Ms = toMs(all.percentile(99));
        out.push_back(std::move(stats));
    }
    return out;
}

PerformanceSnapshot PerformanceMonitor::snapshot() const {
    QElapsedTimer cost;
    cost.start();
    PerformanceSnapshot snap;
    snap.takenAtMs = m_clock.nowMs();
    snap.uptimeMs = snap.takenAtMs - m_startedMs;
    const qint64 current = snap.takenAtMs / kMinuteMs;
    std::vector<MinuteRollup> hour;
    for (int op = 0; op < kOperations; ++op) {
        const Series& s = m_series[static_cast<size_t>(op)];
        std::lock_guard lock(s.mutex);
        for (const Minute& slot : s.minutes) {
            if (slot.index > current - kMinutes && slot.index <= current && slot.histogram.count() > 0)
                hour.push_back(MinuteRollup{name(static_cast<Operation>(op)), slot.index, slot.histogram});
        }
    }
    snap.operations = summarize(hour, current - kMinutes + 1, current);
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
