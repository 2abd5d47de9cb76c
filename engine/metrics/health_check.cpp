#include "engine/metrics/health_check.h"

#include "engine/core/clock.h"
#include "engine/embed/embedder.h"
#include "engine/llm/openai_client.h"
#include "engine/rag/rag_engine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QStorageInfo>

#include <cmath>

namespace docrag {
namespace {

constexpr qint64 kDiskFailBytes = 100ll * 1024 * 1024;
constexpr qint64 kDiskWarnBytes = 1024ll * 1024 * 1024;

double msSince(const QElapsedTimer& t) {
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

HealthCheckResult databaseCheck(RagEngine& engine, std::vector<CollectionInfo>& collections) {
    QElapsedTimer t;
    t.start();
    auto found = engine.collections();
    HealthCheckResult r{QStringLiteral("database"), HealthCheckResult::State::Ok, QString(), 0.0};
    if (!found) {
        r.state = HealthCheckResult::State::Failed;
        r.detail = found.error().message;
    } else {
        collections = std::move(*found);
        qint64 chunks = 0;
        for (const CollectionInfo& c : collections)
            chunks += c.stats.chunks;
        r.detail = QStringLiteral("%1 collections, %2 passages").arg(collections.size()).arg(chunks);
    }
    r.latencyMs = msSince(t);
    return r;
}

HealthCheckResult indexCheck(RagEngine& engine, const std::vector<CollectionInfo>& collections) {
    QElapsedTimer t;
    t.start();
    HealthCheckResult r{QStringLiteral("index"), HealthCheckResult::State::Ok, QString(), 0.0};
    QStringList missing;
    const QDir indexes(QDir(engine.options().dataDir).filePath(QStringLiteral("indexes")));
    for (const CollectionInfo& c : collections) {
        if (c.stats.chunks > 0 &&
            !QFileInfo::exists(indexes.filePath(QStringLiteral("collection-%1.hnsw").arg(c.collection.id))))
            missing << c.collection.name;
    }
    if (!missing.isEmpty()) {
        // Not a failure: the index is rebuilt from the stored vectors on the next search.
        r.state = HealthCheckResult::State::Warning;
        r.detail =
            QStringLiteral("no vector index file yet for %1 (rebuilt from the database on first search)")
                .arg(missing.join(QStringLiteral(", ")));
    } else {
        r.detail = QStringLiteral("%1 vector indexes").arg(collections.size());
    }
    r.latencyMs = msSince(t);
    return r;
}

HealthCheckResult embedderCheck(RagEngine& engine) {
    QElapsedTimer t;
    t.start();
    HealthCheckResult r{QStringLiteral("embedder"), HealthCheckResult::State::Ok, QString(), 0.0};
    const Embedder& embedder = engine.embedder();
    std::vector<float> vector(static_cast<size_t>(embedder.dimension()));
    const QString probe = QStringLiteral("health check");
    double norm = 0.0;
    if (Status s = embedder.embed({&probe, 1}, vector); !s) {
        r.state = HealthCheckResult::State::Failed;
        r.detail = s.error().message;
    } else {
        for (float v : vector)
            norm += static_cast<double>(v) * v;
        const bool unit = std::abs(std::sqrt(norm) - 1.0) < 1e-3;
        r.state = unit ? HealthCheckResult::State::Ok : HealthCheckResult::State::Failed;
        r.detail = unit ? QStringLiteral("%1, %2 dimensions").arg(embedder.id()).arg(embedder.dimension())
                        : QStringLiteral("%1 returned a vector that is not normalised").arg(embedder.id());
    }
    r.latencyMs = msSince(t);
    return r;
}

HealthCheckResult endpointCheck(RagEngine& engine, int timeoutMs) {
    HealthCheckResult r{QStringLiteral("model_endpoint"), HealthCheckResult::State::Ok, QString(), 0.0};
    const std::optional<OpenAiConfig>& config = engine.options().openai;
    if (!config) {
        r.detail = QStringLiteral("none configured: answers are extractive (offline)");
        return r;
    }
    auto probe = HealthCheck::probeEndpoint(*config, timeoutMs);
    if (!probe) {
        r.state = HealthCheckResult::State::Failed;
        r.detail = QStringLiteral("%1: %2").arg(config->baseUrl.toString(), probe.error().message);
        r.latencyMs = timeoutMs;
        return r;
    }
    r.latencyMs = static_cast<double>(probe->elapsedMs);
    r.detail =
        QStringLiteral("%1 answered with %2 models").arg(config->baseUrl.toString()).arg(probe->models);
    return r;
}

HealthCheckResult diskCheck(RagEngine& engine) {
    QElapsedTimer t;
    t.start();
    HealthCheckResult r{QStringLiteral("disk"), HealthCheckResult::State::Ok, QString(), 0.0};
    const QStorageInfo storage(engine.options().dataDir);
    const qint64 free = storage.bytesAvailable();
    r.detail = QStringLiteral("%1 MB free on %2").arg(free / (1024 * 1024)).arg(storage.rootPath());
    if (!storage.isValid() || free < kDiskFailBytes)
        r.state = HealthCheckResult::State::Failed;
    else if (free < kDiskWarnBytes)
        r.state = HealthCheckResult::State::Warning;
    r.latencyMs = msSince(t);
    return r;
}

} // namespace

QString HealthCheckResult::stateName(State state) {
    switch (state) {
    case State::Ok:
        return QStringLiteral("ok");
    case State::Warning:
        return QStringLiteral("warning");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return QString();
}

bool HealthReport::ok() const {
    return std::none_of(checks.begin(), checks.end(), [](const HealthCheckResult& c) {
        return c.state == HealthCheckResult::State::Failed;
    });
}

QJsonObject HealthReport::toJson() const {
    QJsonArray list;
    for (const HealthCheckResult& c : checks) {
        list.append(QJsonObject{{QStringLiteral("name"), c.name},
                                {QStringLiteral("state"), HealthCheckResult::stateName(c.state)},
                                {QStringLiteral("detail"), c.detail},
                                {QStringLiteral("latency_ms"), c.latencyMs}});
    }
    return QJsonObject{{QStringLiteral("ok"), ok()},
                       {QStringLiteral("elapsed_ms"), elapsedMs},
                       {QStringLiteral("checks"), list}};
}

HealthReport HealthCheck::run(RagEngine& engine, int endpointTimeoutMs) {
    QElapsedTimer t;
    t.start();
    HealthReport report;
    std::vector<CollectionInfo> collections;
    report.checks.push_back(databaseCheck(engine, collections));
    report.checks.push_back(indexCheck(engine, collections));
    report.checks.push_back(embedderCheck(engine));
    report.checks.push_back(endpointCheck(engine, endpointTimeoutMs));
    report.checks.push_back(diskCheck(engine));
    report.elapsedMs = msSince(t);
    return report;
}

Result<HealthCheck::EndpointProbe> HealthCheck::probeEndpoint(const OpenAiConfig& config, int timeoutMs,
                                                              std::stop_token stop) {
    OpenAiConfig quick = config;
    quick.maxRetries = 0;
    quick.connectTimeoutMs = std::min(quick.connectTimeoutMs, timeoutMs);
    quick.totalTimeoutMs = std::min(quick.totalTimeoutMs, timeoutMs);
    const SystemClock clock;
    OpenAiClient client(quick, clock);
    QElapsedTimer timer;
    timer.start();
    auto reply = client.get(QStringLiteral("models"), stop).result();
    const qint64 elapsed = timer.elapsed();
    if (!reply)
        return reply.error();
    const QJsonValue data = reply->json.value(QLatin1String("data"));
    if (!data.isArray())
        return Error{ErrorCode::Server, QStringLiteral("the server answered, but not with a list of models")};
    return EndpointProbe{static_cast<int>(data.toArray().size()), elapsed};
}

} // namespace docrag
