#include "engine/metrics/performance_snapshot.h"

#include <QJsonArray>

namespace docrag {

const OperationStats* PerformanceSnapshot::operation(const QString& name) const {
    for (const OperationStats& o : operations) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}

QJsonArray PerformanceSnapshot::operationsJson(const std::vector<OperationStats>& operations) {
    QJsonArray ops;
    for (const OperationStats& o : operations) {
        QJsonArray minutes;
        for (const MinuteStats& m : o.perMinute) {
            minutes.append(QJsonObject{{QStringLiteral("minute_start_ms"), m.minuteStartMs},
                                       {QStringLiteral("count"), m.count},
                                       {QStringLiteral("avg_ms"), m.avgMs},
                                       {QStringLiteral("p95_ms"), m.p95Ms},
                                       {QStringLiteral("max_ms"), m.maxMs}});
        }
        ops.append(QJsonObject{{QStringLiteral("name"), o.name},
                               {QStringLiteral("count"), o.count},
                               {QStringLiteral("avg_ms"), o.avgMs},
                               {QStringLiteral("min_ms"), o.minMs},
                               {QStringLiteral("max_ms"), o.maxMs},
                               {QStringLiteral("p50_ms"), o.p50Ms},
                               {QStringLiteral("p95_ms"), o.p95Ms},
                               {QStringLiteral("p99_ms"), o.p99Ms},
                               {QStringLiteral("per_minute"), minutes}});
    }
    return ops;
}

QJsonObject PerformanceSnapshot::toJson() const {
    const QJsonArray ops = operationsJson(operations);
    QJsonArray caches;
    for (const CacheStats& c : this->caches) {
        caches.append(QJsonObject{{QStringLiteral("name"), c.name},
                                  {QStringLiteral("hits"), c.hits},
                                  {QStringLiteral("misses"), c.misses},
                                  {QStringLiteral("hit_rate"), c.hitRate()}});
    }
    QJsonArray slow;
    for (const SlowOperation& s : slowOperations) {
        slow.append(QJsonObject{{QStringLiteral("at_ms"), s.atMs},
                                {QStringLiteral("name"), s.name},
                                {QStringLiteral("duration_ms"), s.durationMs},
                                {QStringLiteral("threshold_ms"), s.thresholdMs},
                                {QStringLiteral("context"), s.context}});
    }
    return QJsonObject{
        {QStringLiteral("taken_at_ms"), takenAtMs},
        {QStringLiteral("uptime_ms"), uptimeMs},
        {QStringLiteral("window"), everyProcess
                                       ? QStringLiteral("last %1 minutes, every process").arg(windowMinutes)
                                       : QStringLiteral("last hour")},
        {QStringLiteral("operations"), ops},
        {QStringLiteral("caches"), caches},
        {QStringLiteral("slow_operations"), slow},
        {QStringLiteral("gauges"),
         QJsonObject{{QStringLiteral("resident_bytes"), residentBytes},
                     {QStringLiteral("database_bytes"), databaseBytes},
                     {QStringLiteral("index_bytes"), indexBytes},
                     {QStringLiteral("log_bytes"), logBytes},
                     {QStringLiteral("collections"), collections},
                     {QStringLiteral("chunks"), chunks},
                     {QStringLiteral("ingest_files_per_second"), ingestFilesPerSecond},
                     {QStringLiteral("ingest_queue_depth"), ingestQueueDepth}}},
        {QStringLiteral("model_server"), QJsonObject{{QStringLiteral("requests"), modelRequests},
                                                     {QStringLiteral("prompt_tokens"), promptTokens},
                                                     {QStringLiteral("completion_tokens"), completionTokens},
                                                     {QStringLiteral("cost_usd"), costUsd}}},
        {QStringLiteral("snapshot_ms"), snapshotMs},
    };
}

} // namespace docrag
