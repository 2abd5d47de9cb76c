#pragma once

#include "engine/core/result.h"
#include "engine/metrics/minute_rollup.h"

#include <QSqlDatabase>

#include <vector>

namespace docrag {

// The statistics every process keeps (table stat_minutes): per operation and minute, the merged
// LatencyHistogram of every process that worked then. On the connection it is given; add() belongs in
// a write transaction (it reads, merges and writes back).
class StatsStore final {
public:
    explicit StatsStore(QSqlDatabase db);

    // Merges each roll-up into its operation's minute.
    Status add(const std::vector<MinuteRollup>& rollups);
    // Drops the minutes before `minute`.
    Status prune(qint64 minute);
    // Every operation's minutes from `minute` on; a damaged row is left out.
    Result<std::vector<MinuteRollup>> since(qint64 minute) const;
    // What the table and its key take in the file (SQLite's dbstat), in bytes.
    Result<qint64> bytes() const;

private:
    QSqlDatabase m_db;
};

} // namespace docrag
