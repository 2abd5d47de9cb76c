#include "engine/rag/statistics_keeper.h"

#include "engine/core/clock.h"
#include "engine/metrics/performance_monitor.h"
#include "engine/store/database.h"
#include "engine/store/stats_store.h"

namespace docrag {
namespace {

constexpr qint64 kMinuteMs = 60'000;

} // namespace

StatisticsKeeper::StatisticsKeeper(Database& database, PerformanceMonitor& monitor, const Clock& clock)
    : m_database(database)
    , m_monitor(monitor)
    , m_clock(clock) {}

Status StatisticsKeeper::save() {
    std::vector<MinuteRollup> unsaved = m_monitor.takeUnsaved();
    const qint64 oldest = m_clock.nowMs() / kMinuteMs - kKeptMinutes + 1;
    Status saved = m_database.transaction([&](QSqlDatabase& db) -> Status {
        StatsStore store(db);
        if (Status s = store.add(unsaved); !s)
            return s;
        return store.prune(oldest);
    });
    if (!saved)
        m_monitor.putBack(unsaved);
    return saved;
}

Result<std::vector<OperationStats>> StatisticsKeeper::history(int minutes) const {
    const qint64 current = m_clock.nowMs() / kMinuteMs;
    const qint64 first = current - minutes + 1;
    // The database first, then what is not in it: a save in between (its minutes then in neither) can
    // only leave out, never count twice.
    auto stored = StatsStore(m_database.connection()).since(first);
    if (!stored)
        return stored.error();
    std::vector<MinuteRollup> all = std::move(*stored);
    for (MinuteRollup& r : m_monitor.unsaved())
        all.push_back(std::move(r));
    return PerformanceMonitor::summarize(all, first, current);
}

Result<qint64> StatisticsKeeper::storedBytes() const {
    return StatsStore(m_database.connection()).bytes();
}

} // namespace docrag
