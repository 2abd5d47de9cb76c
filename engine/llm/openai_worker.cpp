#include "engine/llm/openai_worker.h"

#include "engine/core/clock.h"
#include "engine/core/logging.h"
#include "engine/core/secret_scrubber.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace docrag {
namespace {

QString describe(int status, const QString& message) {
    return message.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                             : QStringLiteral("HTTP %1: %2").arg(status).arg(message);
}

bool isLoopback(const QUrl& url) {
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isTimeoutError(QNetworkReply::NetworkError error) {
    return error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError;
}

} // namespace

OpenAiWorker::OpenAiWorker(OpenAiConfig config, const Clock& clock, UsageCounters& usage)
    : m_config(std::move(config))
    , m_clock(clock)
    , m_usage(usage)
    , m_retry(m_config.retryBaseMs, m_config.retryMaxMs)
    , m_limiter(clock, m_config.requestsPerSecond)
    , m_random(std::random_device{}()) {}

OpenAiWorker::~OpenAiWorker() {
    // Every caller waiting on a future gets an answer, even at shutdown.
    const Error gone{ErrorCode::Cancelled,
                     QStringLiteral("the connection to the model server was shut down")};
    auto queued = std::move(m_queue);
    auto active = std::move(m_active);
    for (auto& call : queued)
        complete(call, gone);
    for (auto& call : active) {
        if (call->reply)
            call->reply->disconnect(this);
        complete(call, gone);
    }
}

QNetworkAccessManager& OpenAiWorker::network() {
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        // Requests carry the key: a redirect to another origin (scheme, host or port) is not followed,
        // so that the Authorization header never goes where the user did not point it.
        m_network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    }
    return *m_network;
}

void OpenAiWorker::submit(std::shared_ptr<HttpCall> call) {
    m_queue.push_back(std::move(call));
    pump();
}

void OpenAiWorker::pump() {
    while (m_inFlight < std::max(1, m_config.maxInFlight) && !m_queue.empty()) {
        std::shared_ptr<HttpCall> call = std::move(m_queue.front());
        m_queue.pop_front();
        if (call->cancelled) {
            complete(call, Error{ErrorCode::Cancelled, QStringLiteral("stopped")});
            continue;
        }
        call->holdsSlot = true;
        ++m_inFlight;
        m_active.push_back(call);
        const qint64 wait = m_limiter.reserveMs();
        if (wait > 0)
            QTimer::singleShot(wait, this, [this, call] { send(call); });
        else
            send(call);
    }
}

void OpenAiWorker::send(const std::shared_ptr<HttpCall>& call) {
    if (call->finished)
        return;
    if (call->cancelled) {
        complete(call, Error{ErrorCode::Cancelled, QStringLiteral("stopped")});
        return;
    }
    if (!m_config.apiKey.isEmpty() && m_config.baseUrl.scheme() == QLatin1String("http") &&
        !isLoopback(m_config.baseUrl) &&
        !m_config.plainHttpKeyHosts.contains(m_config.baseUrl.host(), Qt::CaseInsensitive)) {
        complete(call,
                 Error{ErrorCode::InvalidArgument,
                       QStringLiteral("not sending the API key to %1 over plain http://: anyone on the way "
                                      "could read it. Use https://, or allow this host for plain http "
                                      "(DOCRAG_ALLOW_HTTP_KEY_HOSTS=%1, or the setting)")
                           .arg(m_config.baseUrl.host())});
        return;
    }
    QString base = m_config.baseUrl.toString();
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    QNetworkRequest request(QUrl(base + call->path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_config.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_config.apiKey.toUtf8());
    if (call->stream)
        request.setRawHeader("Accept", "text/event-stream");
    QNetworkReply* reply =
        call->method == "GET" ? network().get(request) : network().post(request, call->body);
    call->reply = reply;
    call->gotBytes = false;
    m_usage.addRequest();
    Logging::get("docrag.net")
        ->debug("{} {} (attempt {})", call->method.constData(), call->path, call->attempt + 1);

    // Our own timers rather than Qt's transfer timeout, so that the message says what went silent.
    const auto abortAfter = [reply, call](int ms, HttpCall::Abort why) {
        auto* timer = new QTimer(reply);
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, reply, [call, reply, why] {
            call->abort = why;
            reply->abort();
        });
        if (ms >= 0)
            timer->start(std::max(0, ms));
        return timer;
    };
    QTimer* connectTimer = abortAfter(m_config.connectTimeoutMs, HttpCall::Abort::ConnectTimeout);
    QTimer* idleTimer = abortAfter(-1, HttpCall::Abort::IdleTimeout);
    const auto heard = [call, idleTimer, idle = m_config.idleTimeoutMs] {
        call->gotBytes = true;
        idleTimer->start(idle);
    };
    connect(reply, &QNetworkReply::requestSent, connectTimer, &QTimer::stop);
    connect(reply, &QNetworkReply::requestSent, idleTimer,
            [idleTimer, idle = m_config.idleTimeoutMs] { idleTimer->start(idle); });
    connect(reply, &QNetworkReply::requestSent, this, [this, call] { call->sentNs = m_clock.monotonicNs(); });
    // Qt reports progress and metadata before the server said anything: only real bytes count.
    connect(reply, &QNetworkReply::metaDataChanged, idleTimer, [reply, heard] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
            heard();
    });
    connect(reply, &QNetworkReply::downloadProgress, idleTimer, [heard](qint64 received, qint64) {
        if (received > 0)
            heard();
    });
    // A stream is bounded by its silences and the deadline; a plain request also by the total time.
    if (!call->stream)
        abortAfter(m_config.totalTimeoutMs, HttpCall::Abort::TotalTimeout);
    if (!call->deadline.isForever())
        abortAfter(static_cast<int>(std::min<qint64>(call->deadline.remainingTime(), INT_MAX)),
                   HttpCall::Abort::Deadline);

    if (call->stream)
        connect(reply, &QNetworkReply::readyRead, this, [this, call] { onReadyRead(call); });
    connect(reply, &QNetworkReply::finished, this, [this, call] { onFinished(call); });
}

QString OpenAiWorker::silenceMessage(const HttpCall& call) const {
    const QString host = m_config.baseUrl.host();
    const double seconds = m_config.idleTimeoutMs / 1000.0;
    return call.gotBytes ? QStringLiteral("%1 stopped sending for %2 s").arg(host).arg(seconds)
                         : QStringLiteral("%1 accepted the connection but sent nothing for %2 s")
                               .arg(host)
                               .arg(seconds);
}

Error OpenAiWorker::deadlineError(const HttpCall& call) const {
    QString message =
        QStringLiteral("no complete answer from %1 within the deadline").arg(m_config.baseUrl.host());
    if (!call.lastFailure.isEmpty())
        message += QStringLiteral(" (before that: %1)").arg(call.lastFailure);
    return Error{ErrorCode::Timeout, message};
}

void OpenAiWorker::onReadyRead(const std::shared_ptr<HttpCall>& call) {
    QNetworkReply* reply = call->reply;
    if (!reply || call->finished || !reply->isOpen())
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        call->errorBody += reply->readAll();
        return;
    }
    for (const SseEvent& event : call->parser.feed(reply->readAll())) {
        if (call->cancelled)
            return;
        if (event.data.trimmed() == "[DONE]") {
            call->streamDone = true;
            continue;
        }
        ++call->eventsDelivered;
        if (call->onEvent)
            call->onEvent(event);
    }
}

void OpenAiWorker::onFinished(const std::shared_ptr<HttpCall>& call) {
    QNetworkReply* reply = call->reply;
    if (!reply || call->finished)
        return;
    reply->deleteLater();
    call->reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    if (call->stream && status == 200)
        onReadyRead(call);
    const QString host = m_config.baseUrl.host();

    if (call->cancelled || call->abort == HttpCall::Abort::Cancelled) {
        complete(call, Error{ErrorCode::Cancelled, QStringLiteral("stopped")});
        return;
    }
    if (call->abort == HttpCall::Abort::Deadline) {
        complete(call, deadlineError(*call));
        return;
    }
    if (call->abort == HttpCall::Abort::TotalTimeout) {
        complete(call, Error{ErrorCode::Timeout, QStringLiteral("%1 did not finish answering within %2 s")
                                                     .arg(host)
                                                     .arg(m_config.totalTimeoutMs / 1000.0)});
        return;
    }
    if (call->abort == HttpCall::Abort::ConnectTimeout || call->abort == HttpCall::Abort::IdleTimeout) {
        const QString why = call->abort == HttpCall::Abort::IdleTimeout
                                ? silenceMessage(*call)
                                : QStringLiteral("could not connect to %1 within %2 s")
                                      .arg(host)
                                      .arg(m_config.connectTimeoutMs / 1000.0);
        // A stream that already showed text is not sent again.
        const bool shown = call->stream && call->eventsDelivered > 0;
        if (shown || !retryLater(call, std::nullopt, why)) {
            if (shown && call->abort == HttpCall::Abort::IdleTimeout) {
                HttpResult partial;
                partial.status = 200;
                partial.attempts = call->attempt + 1;
                partial.sentNs = call->sentNs;
                partial.interruption = why;
                partial.interruptedBySilence = true;
                complete(call, std::move(partial));
            } else {
                complete(call, Error{ErrorCode::Timeout, why});
            }
        }
        return;
    }
    if (networkError == QNetworkReply::InsecureRedirectError || (status >= 300 && status < 400)) {
        // Not followed: the key would go along (see network()). Not worth a retry either.
        const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        const QUrl resolved = target.isRelative() ? reply->url().resolved(target) : target;
        complete(
            call,
            Error{ErrorCode::Network,
                  QStringLiteral("%1 redirected the request to %2, which DocRag does not follow with your "
                                 "API key; if that server is the right one, make it the base URL")
                      .arg(host, resolved.isValid() && !resolved.host().isEmpty()
                                     ? resolved.scheme() + QStringLiteral("://") + resolved.host() +
                                           (resolved.port() > 0 ? QStringLiteral(":%1").arg(resolved.port())
                                                                : QString())
                                     : QStringLiteral("another address"))});
        return;
    }
    if (status == 0) {
        // No HTTP answer at all: refused, reset, DNS or TLS.
        const QString why = QStringLiteral("cannot reach %1: %2").arg(host, reply->errorString());
        if (!retryLater(call, std::nullopt, why)) {
            const bool timeout = isTimeoutError(networkError);
            complete(call, Error{timeout ? ErrorCode::Timeout : ErrorCode::Network, why});
        }
        return;
    }
    const QByteArray rest = reply->isOpen() ? reply->readAll() : QByteArray();
    const QByteArray body = call->stream ? call->errorBody + rest : rest;
    // What the server said goes no further than its message, without anything that looks like a key.
    const QString said = status == 200 ? QString() : SecretScrubber::errorMessage(body, secrets());
    if (status == 200) {
        HttpResult result;
        result.status = status;
        result.attempts = call->attempt + 1;
        result.sentNs = call->sentNs;
        if (call->stream) {
            if (networkError != QNetworkReply::NoError && !call->streamDone) {
                // Nothing shown yet: the whole request can go again.
                const QString why =
                    QStringLiteral("the connection to %1 broke: %2").arg(host, reply->errorString());
                if (call->eventsDelivered == 0 && retryLater(call, std::nullopt, why))
                    return;
                if (call->eventsDelivered == 0) {
                    complete(call, Error{ErrorCode::Network, why});
                    return;
                }
                result.interruption = why;
            }
            result.streamDone = call->streamDone;
            complete(call, std::move(result));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            complete(call,
                     Error{ErrorCode::Server, QStringLiteral("%1 sent a reply that is not valid JSON (%2)")
                                                  .arg(host, parseError.errorString())});
            return;
        }
        result.json = doc.object();
        complete(call, std::move(result));
        return;
    }
    if (status == 401 || status == 403) {
        complete(call,
                 Error{ErrorCode::Auth,
                       QStringLiteral("%1 refused the API key (%2)").arg(host, describe(status, said))});
        return;
    }
    if (RetryPolicy::isRetryableStatus(status)) {
        const auto serverDelay =
            RetryPolicy::serverDelayMs(reply->rawHeader("Retry-After"), reply->rawHeader("retry-after-ms"),
                                       QDateTime::currentDateTimeUtc());
        const bool limited = status == 429;
        // Waiting longer than the call may take only to fail then: say so at once.
        const qint64 allowed =
            call->deadline.isForever() ? 10ll * m_config.retryMaxMs : call->deadline.remainingTime();
        if (serverDelay && *serverDelay > allowed) {
            complete(call, Error{limited ? ErrorCode::RateLimited : ErrorCode::Server,
                                 QStringLiteral("%1 asked to retry after %2 s, beyond the %3 s left to "
                                                "answer (%4)")
                                     .arg(host)
                                     .arg(*serverDelay / 1000.0)
                                     .arg(allowed / 1000.0)
                                     .arg(describe(status, said))});
            return;
        }
        if (retryLater(call, serverDelay, describe(status, said)))
            return;
        complete(call, Error{limited ? ErrorCode::RateLimited : ErrorCode::Server,
                             QStringLiteral("%1 %2 after %3 attempts (%4)")
                                 .arg(host, limited ? QStringLiteral("kept refusing for too many requests")
                                                    : QStringLiteral("kept failing"))
                                 .arg(call->attempt + 1)
                                 .arg(describe(status, said))});
        return;
    }
    complete(call, Error{status == 404 ? ErrorCode::NotFound : ErrorCode::InvalidArgument,
                         QStringLiteral("%1 rejected the request (%2)").arg(host, describe(status, said))});
}

bool OpenAiWorker::retryLater(const std::shared_ptr<HttpCall>& call, std::optional<int> serverDelayMs,
                              const QString& reason) {
    const QString why = SecretScrubber::scrub(reason, secrets());
    call->lastFailure = why;
    if (call->attempt >= m_config.maxRetries || (call->stream && call->eventsDelivered > 0))
        return false;
    const int delay = m_retry.delayMs(
        call->attempt, std::uniform_real_distribution<double>(0.0, 1.0)(m_random), serverDelayMs);
    // No retry that could not even start before the deadline.
    if (!call->deadline.isForever() && call->deadline.remainingTime() <= delay)
        return false;
    ++call->attempt;
    m_usage.addRetry();
    call->parser = SseParser();
    call->errorBody.clear();
    call->abort = HttpCall::Abort::None;
    call->streamDone = false;
    Logging::get("docrag.net")
        ->info("retrying {} in {} ms (attempt {}): {}", call->path, delay, call->attempt + 1, why);
    QTimer::singleShot(delay, Qt::PreciseTimer, this, [this, call] { send(call); });
    return true;
}

QStringList OpenAiWorker::secrets() const {
    return {m_config.apiKey, m_config.baseUrl.password()};
}

void OpenAiWorker::complete(const std::shared_ptr<HttpCall>& call, Result<HttpResult> result) {
    if (call->finished)
        return;
    call->finished = true;
    if (!result) {
        // Qt's own messages may hold the URL, and with it any credentials written into it.
        result = Error{result.error().code, SecretScrubber::scrub(result.error().message, secrets())};
        m_usage.addFailure();
        // The caller reports the error to the user; the log keeps it for later, off the terminal.
        if (result.error().code != ErrorCode::Cancelled)
            Logging::get("docrag.net")->info("{} failed: {}", call->path, result.error().message);
    }
    call->promise.addResult(std::move(result));
    call->promise.finish();
    std::erase(m_active, call);
    if (call->holdsSlot) {
        call->holdsSlot = false;
        --m_inFlight;
        pump();
    }
}

void OpenAiWorker::abortCancelled() {
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if ((*it)->cancelled) {
            auto call = *it;
            it = m_queue.erase(it);
            complete(call, Error{ErrorCode::Cancelled, QStringLiteral("stopped")});
        } else {
            ++it;
        }
    }
    const auto active = m_active;
    for (const auto& call : active) {
        if (!call->cancelled)
            continue;
        call->abort = HttpCall::Abort::Cancelled;
        if (call->reply)
            call->reply->abort(); // finished() follows and completes it
        else
            complete(call, Error{ErrorCode::Cancelled, QStringLiteral("stopped")});
    }
}

} // namespace docrag
