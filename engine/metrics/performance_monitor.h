#pragma once

#include "engine/metrics/latency_histogram.h"
#include "engine/metrics/minute_rollup.h"
#include "engine/metrics/performance_snapshot.h"

#include <QString>

#include <array>
#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace docrag {

class Clock;

// Per-operation timings for the last hour, in bounded memory: for each operation, sixty one-minute slots
// of count, sum, min, max and a LatencyHistogram, reused as the minutes pass. Recording is one short lock;
// a snapshot merges at most sixty histograms per operation (well under a millisecond). Operations slower
// than their threshold are logged as warnings with their context and kept for the dashboard.
// What was recorded is also kept aside, minute by minute, until takeUnsaved() hands it to whoever stores
// it (the database's statistics of every process); at most an hour of it when nobody does.
// Thread-safe: every engine thread records into the same monitor.
class PerformanceMonitor final {
public:
    enum class Operation {
        IngestFile,
        EmbedBatch,
        FtsQuery,
        VectorQuery,
        Retrieval,
        FirstToken,
        Answer,
        DatabaseTransaction,
        Count
    };
    static constexpr int kOperations = static_cast<int>(Operation::Count);
    static constexpr int kMinutes = 60;
    static constexpr size_t kSlowKept = 100;

    explicit PerformanceMonitor(const Clock& clock);

    static QString name(Operation operation);

    void record(Operation operation, qint64 micros, const QString& context = {});
    // Above this, a call is logged and listed as slow (defaults: retrieval 100 ms, answer 2 s, ...).
    void setSlowThreshold(Operation operation, qint64 micros);
    qint64 slowThreshold(Operation operation) const;

    // Times a scope: `auto timer = monitor.time(Operation::Retrieval, question);`.
    class ScopedTimer final {
    public:
        ScopedTimer(PerformanceMonitor* monitor, Operation operation, QString context = {});
        ~ScopedTimer();
        ScopedTimer(const ScopedTimer&) = delete;
        ScopedTimer& operator=(const ScopedTimer&) = delete;

    private:
        PerformanceMonitor* m_monitor;
        Operation m_operation;
        QString m_context;
        qint64 m_startNs;
    };
    ScopedTimer time(Operation operation, QString context = {}) {
        return {this, operation, std::move(context)};
    }

    // The timings, the slow operations and the clock; the caller fills in caches, gauges and usage.
    PerformanceSnapshot snapshot() const;

    // The minutes recorded since the last call, oldest first; they are no longer kept aside.
    std::vector<MinuteRollup> takeUnsaved();
    // A copy of what takeUnsaved() would give now.
    std::vector<MinuteRollup> unsaved() const;
    // Gives back what takeUnsaved() gave when it could not be stored: kept for the next try.
    void putBack(const std::vector<MinuteRollup>& rollups);
    // Every operation's statistics over the minutes [fromMinute, toMinute] of `rollups` (any order, the
    // same operation and minute any number of times): what snapshot() shows for its hour.
    static std::vector<OperationStats> summarize(const std::vector<MinuteRollup>& rollups, qint64 fromMinute,
                                                 qint64 toMinute);
    const Clock& clock() const { return m_clock; }

private:
    struct Minute final {
        qint64 index = -1; // minutes since the epoch
        LatencyHistogram histogram;
    };
    struct Series final {
        mutable std::mutex mutex;
        std::array<Minute, kMinutes> minutes;
        std::vector<Minute> unsaved; // oldest first, at most kMinutes
        qint64 thresholdMicros = 0;
    };

    static void keepUnsaved(Series& series, qint64 minute, const LatencyHistogram& histogram);

    const Clock& m_clock;
    const qint64 m_startedMs;
    std::array<Series, kOperations> m_series;
    mutable std::mutex m_slowMutex;
    std::deque<SlowOperation> m_slow;
};

} // namespace docrag
