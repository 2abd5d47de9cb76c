#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace docrag {

// One minute of one operation.
struct MinuteStats final {
    qint64 minuteStartMs = 0; // wall clock
    qint64 count = 0;
    double avgMs = 0.0;
    double p95Ms = 0.0;
    double maxMs = 0.0;
};

// One operation over the last hour.
struct OperationStats final {
    QString name; // "retrieval", "fts_query", "vector_query", "first_token", "answer", "ingest_file", ...
    qint64 count = 0;
    double avgMs = 0.0;
    double minMs = 0.0;
    double maxMs = 0.0;
    double p50Ms = 0.0;
    double p95Ms = 0.0;
    double p99Ms = 0.0;
    std::vector<MinuteStats> perMinute; // oldest first, minutes with no call left out
};

struct CacheStats final {
    QString name; // "response", "embedding"
    qint64 hits = 0;
    qint64 misses = 0;
    double hitRate() const {
        return hits + misses > 0 ? static_cast<double>(hits) / static_cast<double>(hits + misses) : 0.0;
    }
};

// An operation that took longer than its threshold.
struct SlowOperation final {
    qint64 atMs = 0; // wall clock
    QString name;
    double durationMs = 0.0;
    double thresholdMs = 0.0;
    QString context; // the question, the file, ... (never a key)
};

// What the dashboard and `docrag-cli stats --json` show: timings of the last hour, caches, gauges, usage.
struct PerformanceSnapshot final {
    qint64 takenAtMs = 0;
    qint64 uptimeMs = 0;
    std::vector<OperationStats> operations; // every known operation, also those not called yet
    // What `operations` covers: this process's last hour, or every process's last `windowMinutes`.
    int windowMinutes = 60;
    bool everyProcess = false;
    std::vector<CacheStats> caches;
    std::vector<SlowOperation> slowOperations; // newest first
    // Gauges
    qint64 residentBytes = 0;
    qint64 databaseBytes = 0;
    qint64 indexBytes = 0;
    qint64 logBytes = 0;
    qint64 collections = 0;
    qint64 chunks = 0;
    double ingestFilesPerSecond = 0.0; // while an ingest runs, else 0
    qint64 ingestQueueDepth = 0;       // files of the running ingest not done yet
    // Model server usage since start
    qint64 modelRequests = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double costUsd = 0.0;
    double snapshotMs = 0.0; // what taking this snapshot cost

    const OperationStats* operation(const QString& name) const;
    QJsonObject toJson() const;
    static QJsonArray operationsJson(const std::vector<OperationStats>& operations);
};

} // namespace docrag
