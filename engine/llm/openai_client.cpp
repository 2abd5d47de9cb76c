#include "engine/llm/openai_client.h"

#include "engine/llm/http_call.h"
#include "engine/llm/openai_worker.h"

#include <QJsonDocument>

namespace docrag {

OpenAiClient::OpenAiClient(OpenAiConfig config, const Clock& clock)
    : m_config(std::move(config)) {
    m_thread.setObjectName(QStringLiteral("docrag-openai"));
    m_worker = new OpenAiWorker(m_config, clock, m_usage);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

OpenAiClient::~OpenAiClient() {
    // The worker goes on its own thread, completing every pending future, before the thread ends.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QFuture<Result<HttpResult>> OpenAiClient::get(const QString& path, std::stop_token stop,
                                              QDeadlineTimer deadline) {
    return start("GET", path, {}, false, {}, std::move(stop), deadline);
}

QFuture<Result<HttpResult>> OpenAiClient::post(const QString& path, const QJsonObject& body,
                                               std::stop_token stop, QDeadlineTimer deadline) {
    return start("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), false, {}, std::move(stop),
                 deadline);
}

QFuture<Result<HttpResult>> OpenAiClient::postStream(const QString& path, const QJsonObject& body,
                                                     std::function<void(const SseEvent&)> onEvent,
                                                     std::stop_token stop, QDeadlineTimer deadline) {
    return start("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), true, std::move(onEvent),
                 std::move(stop), deadline);
}

QFuture<Result<HttpResult>> OpenAiClient::start(QByteArray method, const QString& path, QByteArray body,
                                                bool stream, std::function<void(const SseEvent&)> onEvent,
                                                std::stop_token stop, QDeadlineTimer deadline) {
    auto call = std::make_shared<HttpCall>();
    call->deadline = deadline;
    call->method = std::move(method);
    call->path = path;
    call->body = std::move(body);
    call->stream = stream;
    call->onEvent = std::move(onEvent);
    call->promise.start();
    QFuture<Result<HttpResult>> future = call->promise.future();
    if (stop.stop_possible()) {
        // The stop may come from any thread; the abort happens on the client's.
        std::weak_ptr<HttpCall> weak = call;
        call->stopCallback = std::make_unique<std::stop_callback<std::function<void()>>>(
            stop, std::function<void()>([weak, worker = m_worker] {
                if (auto c = weak.lock()) {
                    c->cancelled = true;
                    QMetaObject::invokeMethod(
                        worker, [worker] { worker->abortCancelled(); }, Qt::QueuedConnection);
                }
            }));
    }
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, call] { worker->submit(call); }, Qt::QueuedConnection);
    return future;
}

} // namespace docrag
