#pragma once

#include "engine/core/result.h"
#include "engine/llm/http_result.h"
#include "engine/llm/sse_event.h"
#include "engine/llm/sse_parser.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QPointer>
#include <QPromise>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <stop_token>

class QNetworkReply;
class QTimer;

namespace docrag {

// One request through OpenAiClient, from the caller's call to its promise's result, across retries.
// Created on the caller's thread, then touched only on the client's thread (except `cancelled`).
struct HttpCall final {
    QByteArray method; // "GET" or "POST"
    QString path;      // relative to the base URL: "chat/completions"
    QByteArray body;
    bool stream = false;
    QDeadlineTimer deadline{QDeadlineTimer::Forever}; // the whole call, retries included
    std::function<void(const SseEvent&)> onEvent;     // streams: called on the client's thread
    QPromise<Result<HttpResult>> promise;
    std::atomic_bool cancelled{false};
    std::unique_ptr<std::stop_callback<std::function<void()>>> stopCallback;

    int attempt = 0;
    qint64 sentNs = 0;
    bool holdsSlot = false; // counted in the worker's requests in flight
    bool finished = false;
    QPointer<QNetworkReply> reply;
    SseParser parser;
    QByteArray errorBody; // a stream's body when the status says it is an error, not events
    int eventsDelivered = 0;
    bool streamDone = false;
    bool gotBytes = false; // the current attempt received something (headers or body)
    QString lastFailure;   // why the previous attempt failed, for the message when time runs out
    enum class Abort {
        None,
        ConnectTimeout,
        IdleTimeout,
        TotalTimeout,
        Deadline,
        Cancelled
    } abort = Abort::None;
};

} // namespace docrag
