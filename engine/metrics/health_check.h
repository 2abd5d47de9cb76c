#pragma once

#include "engine/core/result.h"
#include "engine/llm/openai_config.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <stop_token>
#include <vector>

namespace docrag {

class Database;
class Embedder;

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

// What `docrag-cli health` and the status bar ask: is the database readable and intact (a bounded
// quick_check), do the vector index files match it, does the embedder work, does the model server
// answer (and how fast), is there disk space left. Runs on the calling thread; the integrity and
// endpoint checks are bounded by their timeouts.
class HealthCheck final {
public:
    // What is checked: handed in, so that the check knows nothing of the engine above it.
    struct Subject final {
        Database& database;
        QString dataDir;
        const Embedder& embedder;
        std::optional<OpenAiConfig> openai;
    };
    struct EndpointProbe final {
        int models = 0;
        qint64 elapsedMs = 0;
    };

    static HealthReport run(const Subject& subject, int endpointTimeoutMs = 2000,
                            int integrityTimeoutMs = 2000);
    // GET {base}/models once, without retries, within `timeoutMs`.
    static Result<EndpointProbe> probeEndpoint(const OpenAiConfig& config, int timeoutMs,
                                               std::stop_token stop = {});
};

} // namespace docrag
