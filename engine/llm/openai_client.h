#pragma once

#include "engine/core/result.h"
#include "engine/llm/http_result.h"
#include "engine/llm/openai_config.h"
#include "engine/llm/sse_event.h"
#include "engine/llm/usage_counters.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QJsonObject>
#include <QThread>

#include <functional>
#include <stop_token>

namespace docrag {

class Clock;
class OpenAiWorker;

// HTTP to an OpenAI-compatible server, on a thread of its own with one QNetworkAccessManager (Zeal's
// pattern: every call is redirected onto that thread). Callable from any thread; results come back as
// futures, which the UI continues with .then(this, ...) and worker threads may wait on. Retries 429,
// 5xx and network errors with backoff and jitter, honours Retry-After, limits requests in flight and
// per second, and enforces connect, total and stream-idle timeouts.
class OpenAiClient final {
public:
    OpenAiClient(OpenAiConfig config, const Clock& clock);
    ~OpenAiClient();
    OpenAiClient(const OpenAiClient&) = delete;
    OpenAiClient& operator=(const OpenAiClient&) = delete;

    // `path` is relative to the base URL ("models", "embeddings", "chat/completions").
    // `deadline` bounds the whole call, retries included: when it passes, the call fails with a
    // message naming what the server did (or did not do) meanwhile.
    QFuture<Result<HttpResult>> get(const QString& path, std::stop_token stop = {},
                                    QDeadlineTimer deadline = QDeadlineTimer::Forever);
    QFuture<Result<HttpResult>> post(const QString& path, const QJsonObject& body, std::stop_token stop = {},
                                     QDeadlineTimer deadline = QDeadlineTimer::Forever);
    // Server-sent events: `onEvent` gets each one (not [DONE]) on the client's thread, as it arrives.
    // A request is retried only while none of its events has been delivered.
    QFuture<Result<HttpResult>> postStream(const QString& path, const QJsonObject& body,
                                           std::function<void(const SseEvent&)> onEvent,
                                           std::stop_token stop = {},
                                           QDeadlineTimer deadline = QDeadlineTimer::Forever);

    const OpenAiConfig& config() const { return m_config; }
    UsageCounters& usage() { return m_usage; }
    const UsageCounters& usage() const { return m_usage; }

private:
    QFuture<Result<HttpResult>> start(QByteArray method, const QString& path, QByteArray body, bool stream,
                                      std::function<void(const SseEvent&)> onEvent, std::stop_token stop,
                                      QDeadlineTimer deadline);

    OpenAiConfig m_config;
    UsageCounters m_usage;
    QThread m_thread;
    OpenAiWorker* m_worker = nullptr; // lives on m_thread
};

} // namespace docrag
