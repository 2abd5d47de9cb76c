#include "tests/support/openai_probe.h"

#include "engine/llm/sse_parser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QTest>

#include <memory>
#include <utility>

namespace docrag::test {

QJsonObject OpenAiProbe::Reply::json() const {
    return QJsonDocument::fromJson(body).object();
}

QJsonObject OpenAiProbe::Reply::errorJson() const {
    return json().value(QLatin1String("error")).toObject();
}

OpenAiProbe::OpenAiProbe(QString baseUrl)
    : m_baseUrl(std::move(baseUrl)) {
    m_manager.setProxy(QNetworkProxy::NoProxy); // an http_proxy in the environment must not catch 127.0.0.1
}

QNetworkRequest OpenAiProbe::request(const QString& path, const QByteArray& apiKey) const {
    QNetworkRequest r(QUrl(m_baseUrl + path));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!apiKey.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + apiKey);
    return r;
}

OpenAiProbe::Reply OpenAiProbe::get(const QString& path) {
    return wait(m_manager.get(request(path)));
}

OpenAiProbe::Reply OpenAiProbe::post(const QString& path, const QJsonObject& body, const QByteArray& apiKey) {
    return wait(m_manager.post(request(path, apiKey), QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

OpenAiProbe::Reply OpenAiProbe::wait(QNetworkReply* reply) {
    Reply r;
    r.finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, kTimeoutMs);
    r.error = reply->error();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.retryAfter = reply->rawHeader("Retry-After");
    r.contentType = reply->rawHeader("Content-Type");
    reply->deleteLater();
    return r;
}

OpenAiProbe::Stream OpenAiProbe::stream(const QJsonObject& body) {
    QNetworkReply* reply = m_manager.post(request(QStringLiteral("/chat/completions")),
                                          QJsonDocument(body).toJson(QJsonDocument::Compact));
    auto parser = std::make_shared<SseParser>();
    auto events = std::make_shared<std::vector<SseEvent>>();
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, parser, events] {
        for (SseEvent& e : parser->feed(reply->readAll()))
            events->push_back(std::move(e));
    });
    Stream s;
    s.http = wait(reply);
    for (SseEvent& e : parser->feed(s.http.body))
        events->push_back(std::move(e));
    s.events = std::move(*events);
    s.comments = parser->commentCount();
    s.partial = parser->hasPartialEvent();
    for (const SseEvent& e : s.events) {
        if (e.data == "[DONE]") {
            ++s.doneCount;
            continue;
        }
        QJsonParseError error{};
        const QJsonObject chunk = QJsonDocument::fromJson(e.data, &error).object();
        if (error.error != QJsonParseError::NoError) {
            s.unparsable.append(e.data);
            continue;
        }
        s.chunks.append(chunk);
        const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
        s.content += choices.at(0)[QLatin1String("delta")][QLatin1String("content")].toString();
    }
    s.doneIsLast = !s.events.empty() && s.events.back().data == "[DONE]";
    return s;
}

QList<OpenAiProbe::RawResponse> OpenAiProbe::takeRawResponses(QByteArray& buffer) {
    QList<RawResponse> out;
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return out;
        RawResponse r;
        r.head = buffer.first(headEnd);
        r.status = r.head.mid(9, 3).toInt();
        const QByteArray lower = r.head.toLower();
        const qsizetype at = lower.indexOf("\r\ncontent-length:");
        if (at < 0)
            return out;
        const qsizetype valueAt = at + 17;
        const qsizetype lineEnd = lower.indexOf("\r\n", valueAt);
        const qsizetype length =
            r.head.mid(valueAt, lineEnd < 0 ? -1 : lineEnd - valueAt).trimmed().toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            return out;
        r.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        out.append(r);
    }
}

} // namespace docrag::test
