#include "engine/store/stats_store.h"

#include "engine/store/sql_error.h"

#include <QSqlQuery>

namespace docrag {

StatsStore::StatsStore(QSqlDatabase db)
    : m_db(std::move(db)) {}

Status StatsStore::add(const std::vector<MinuteRollup>& rollups) {
    QSqlQuery read(m_db);
    read.prepare(QStringLiteral("SELECT histogram FROM stat_minutes WHERE minute = ? AND operation = ?"));
    QSqlQuery write(m_db);
    write.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO stat_minutes (minute, operation, histogram) VALUES (?, ?, ?)"));
    for (const MinuteRollup& r : rollups) {
        read.addBindValue(r.minute);
        read.addBindValue(r.operation);
        if (!read.exec())
            return SqlError::from(read, "reading statistics");
        LatencyHistogram merged = r.histogram;
        // A row this version cannot read is replaced: its minute then counts only what is added now.
        if (read.next()) {
            if (auto stored = LatencyHistogram::fromBytes(read.value(0).toByteArray()))
                merged.merge(*stored);
        }
        read.finish();
        write.addBindValue(r.minute);
        write.addBindValue(r.operation);
        write.addBindValue(merged.toBytes());
        if (!write.exec())
            return SqlError::from(write, "storing statistics");
    }
    return {};
}

Status StatsStore::prune(qint64 minute) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM stat_minutes WHERE minute < ?"));
    q.addBindValue(minute);
    if (!q.exec())
        return SqlError::from(q, "pruning statistics");
    return {};
}

Result<std::vector<MinuteRollup>> StatsStore::since(qint64 minute) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT minute, operation, histogram FROM stat_minutes WHERE minute >= ?"));
    q.addBindValue(minute);
    if (!q.exec())
        return SqlError::from(q, "reading statistics");
    std::vector<MinuteRollup> out;
    while (q.next()) {
        if (auto h = LatencyHistogram::fromBytes(q.value(2).toByteArray()))
            out.push_back(MinuteRollup{q.value(1).toString(), q.value(0).toLongLong(), *h});
    }
    return out;
}

Result<qint64> StatsStore::bytes() const {
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name = 'stat_minutes'")) ||
        !q.next())
        return SqlError::from(q, "measuring the statistics");
    return q.value(0).toLongLong();
}

} // namespace docrag
