#include "engine/metrics/health_check.h"

#include "engine/core/clock.h"
#include "engine/embed/embedder.h"
#include "engine/index/vector_index_manager.h"
#include "engine/llm/openai_client.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"

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

struct CollectionState final {
    Collection collection;
    qint64 vectors = 0;
};

HealthCheckResult databaseCheck(Database& database, int integrityTimeoutMs,
                                std::vector<CollectionState>& collections) {
    QElapsedTimer t;
    t.start();
    HealthCheckResult r{QStringLiteral("database"), HealthCheckResult::State::Ok, QString(), 0.0};
    const auto fail = [&](const QString& detail) {
        r.state = HealthCheckResult::State::Failed;
        r.detail = detail;
        r.latencyMs = msSince(t);
        return r;
    };
    // Reading the collections proves little: a damaged page shows only when it is read.
    auto integrity = database.quickCheck(integrityTimeoutMs);
    if (!integrity && integrity.error().code != ErrorCode::Timeout)
        return fail(integrity.error().message);
    if (integrity && *integrity != QLatin1String("ok"))
        return fail(QStringLiteral("the database is damaged: %1").arg(*integrity));
    CollectionStore store(database.connection());
    auto found = store.list();
    if (!found)
        return fail(found.error().message);
    qint64 chunks = 0;
    ChunkStore chunkStore(database.connection());
    for (Collection& c : *found) {
        auto stats = store.stats(c.id);
        auto vectors = chunkStore.countVectors(c.id, c.embedderId);
        if (!stats || !vectors)
            return fail(!stats ? stats.error().message : vectors.error().message);
        chunks += stats->chunks;
        collections.push_back(CollectionState{std::move(c), *vectors});
    }
    r.detail = QStringLiteral("%1 collections, %2 passages").arg(collections.size()).arg(chunks);
    if (!integrity) {
        r.state = HealthCheckResult::State::Warning;
        r.detail += QStringLiteral("; ") + integrity.error().message;
    }
    r.latencyMs = msSince(t);
    return r;
}

HealthCheckResult indexCheck(const QString& dataDir, const std::vector<CollectionState>& collections) {
    QElapsedTimer t;
    t.start();
    HealthCheckResult r{QStringLiteral("index"), HealthCheckResult::State::Ok, QString(), 0.0};
    QStringList behind;
    const QString indexes = QDir(dataDir).filePath(QStringLiteral("indexes"));
    for (const CollectionState& c : collections) {
        if (c.vectors == 0)
            continue;
        if (Status s = VectorIndexManager::verifyFiles(indexes, c.collection, c.vectors); !s)
            behind << QStringLiteral("%1 (%2)").arg(c.collection.name, s.error().message);
    }
    if (!behind.isEmpty()) {
        // Not a failure: the index is rebuilt from the stored vectors in the background.
        r.state = HealthCheckResult::State::Warning;
        r.detail = QStringLiteral("vector index not current for %1; it is rebuilt from the database on the "
                                  "next search")
                       .arg(behind.join(QStringLiteral(", ")));
    } else {
        r.detail = QStringLiteral("%1 vector indexes match the database").arg(collections.size());
    }
    r.latencyMs = msSince(t);
    return r;
}

HealthCheckResult embedderCheck(const Embedder& embedder) {
    QElapsedTimer t;
    t.start();
    HealthCheckResult r{QStringLiteral("embedder"), HealthCheckResult::State::Ok, QString(), 0.0};
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

HealthCheckResult endpointCheck(const std::optional<OpenAiConfig>& config, int timeoutMs) {
    HealthCheckResult r{QStringLiteral("model_endpoint"), HealthCheckResult::State::Ok, QString(), 0.0};
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

HealthCheckResult diskCheck(const QString& dataDir) {
    QElapsedTimer t;
    t.start();
    HealthCheckResult r{QStringLiteral("disk"), HealthCheckResult::State::Ok, QString(), 0.0};
    const QStorageInfo storage(dataDir);
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

HealthReport HealthCheck::run(const Subject& subject, int endpointTimeoutMs, int integrityTimeoutMs) {
    QElapsedTimer t;
    t.start();
    HealthReport report;
    std::vector<CollectionState> collections;
    report.checks.push_back(databaseCheck(subject.database, integrityTimeoutMs, collections));
    report.checks.push_back(indexCheck(subject.dataDir, collections));
    report.checks.push_back(embedderCheck(subject.embedder));
    report.checks.push_back(endpointCheck(subject.openai, endpointTimeoutMs));
    report.checks.push_back(diskCheck(subject.dataDir));
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
