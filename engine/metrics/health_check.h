#pragma once

#include "engine/core/result.h"
#include "engine/llm/openai_config.h"

#include <QJsonObject>
#include <QString>

#include <stop_token>
#include <vector>

namespace docrag {

class RagEngine;

struct HealthCheckResult final {
    enum class State { Ok, Warning, Failed };
    QString name; // "database", "index", "embedder", "model_endpoint", "disk"
    State state = State::Ok;
    QString detail;
    double latencyMs = 0.0;
    static QString stateName(State state);
};

struct HealthReport final {
    std::vector<HealthCheckResult> checks;
    double elapsedMs = 0.0;
    bool ok() const; // no check failed (warnings are fine)
    QJsonObject toJson() const;
};

// What `docrag-cli health` and the status bar ask: can the database answer, are the vector indexes there,
// does the embedder work, does the model server answer (and how fast), is there disk space left. Runs on
// the calling thread; the endpoint check is bounded by its timeout.
class HealthCheck final {
public:
    struct EndpointProbe final {
        int models = 0;
        qint64 elapsedMs = 0;
    };

    static HealthReport run(RagEngine& engine, int endpointTimeoutMs = 2000);
    // GET {base}/models once, without retries, within `timeoutMs`.
    static Result<EndpointProbe> probeEndpoint(const OpenAiConfig& config, int timeoutMs,
                                               std::stop_token stop = {});
};

} // namespace docrag
