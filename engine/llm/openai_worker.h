#pragma once

#include "engine/llm/http_call.h"
#include "engine/llm/openai_config.h"
#include "engine/llm/rate_limiter.h"
#include "engine/llm/retry_policy.h"
#include "engine/llm/usage_counters.h"

#include <QObject>

#include <deque>
#include <memory>
#include <random>
#include <vector>

class QNetworkAccessManager;

namespace docrag {

class Clock;

// The part of OpenAiClient that lives on the client's own thread, with its one
// QNetworkAccessManager: queueing, rate limiting, timeouts, retries and streams.
class OpenAiWorker final : public QObject {
    Q_OBJECT

public:
    OpenAiWorker(OpenAiConfig config, const Clock& clock, UsageCounters& usage);
    ~OpenAiWorker() override;

    // All on the worker's thread.
    void submit(std::shared_ptr<HttpCall> call);
    void abortCancelled();

private:
    void pump();
    void send(const std::shared_ptr<HttpCall>& call);
    void onReadyRead(const std::shared_ptr<HttpCall>& call);
    void onFinished(const std::shared_ptr<HttpCall>& call);
    // Schedules another attempt unless retries, the stream or the deadline forbid it; `why` is this
    // attempt's failure, kept for the final message.
    bool retryLater(const std::shared_ptr<HttpCall>& call, std::optional<int> serverDelayMs,
                    const QString& why);
    QString silenceMessage(const HttpCall& call) const;
    Error deadlineError(const HttpCall& call) const;
    void complete(const std::shared_ptr<HttpCall>& call, Result<HttpResult> result);
    // What no message from the server may carry on: the key, and a password written into the base URL.
    QStringList secrets() const;
    QNetworkAccessManager& network();

    OpenAiConfig m_config;
    const Clock& m_clock;
    UsageCounters& m_usage;
    RetryPolicy m_retry;
    RateLimiter m_limiter;
    std::mt19937 m_random;
    QNetworkAccessManager* m_network = nullptr; // created on the worker's thread
    std::deque<std::shared_ptr<HttpCall>> m_queue;
    std::vector<std::shared_ptr<HttpCall>> m_active; // sent, or waiting for a retry
    int m_inFlight = 0;
};

} // namespace docrag
