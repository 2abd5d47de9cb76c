#pragma once

#include "engine/metrics/latency_histogram.h"

#include <QString>

namespace docrag {

// The timings of one operation in one minute: what a process adds to the database's statistics, and what
// the last hour or day of every process is merged from.
struct MinuteRollup final {
    QString operation; // PerformanceMonitor::name()
    qint64 minute = 0; // minutes since the epoch
    LatencyHistogram histogram;
};

} // namespace docrag
