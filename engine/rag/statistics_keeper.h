#pragma once

#include "engine/core/result.h"
#include "engine/metrics/performance_snapshot.h"

#include <vector>

namespace docrag {

class Clock;
class Database;
class PerformanceMonitor;

// Keeps this process's timings with those of every other process on the data folder: what its monitor
// recorded goes into the database's per-minute statistics (StatsStore), which keep the last week.
// `docrag-cli stats` and the dashboard read the last hour or day of them, whichever process did the
// work. Each call works on the calling thread's connection.
class StatisticsKeeper final {
public:
    static constexpr qint64 kKeptMinutes = 7 * 24 * 60;

    StatisticsKeeper(Database& database, PerformanceMonitor& monitor, const Clock& clock);

    // Stores what the monitor recorded since the last save and drops the minutes older than a week, in
    // one transaction. What could not be stored stays with the monitor for the next save.
    Status save();
    // Every operation over the last `minutes` minutes (this one included) of every process, with what
    // this process has not stored yet.
    Result<std::vector<OperationStats>> history(int minutes) const;
    // The stored statistics' size in the database file.
    Result<qint64> storedBytes() const;

private:
    Database& m_database;
    PerformanceMonitor& m_monitor;
    const Clock& m_clock;
};

} // namespace docrag
