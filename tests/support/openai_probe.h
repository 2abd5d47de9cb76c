#pragma once

#include "engine/llm/sse_event.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QString>

#include <vector>

namespace docrag::test {

// A bare client of the OpenAI wire format for tests that check what a server really sends: plain
// QNetworkAccessManager calls (no proxy), waited for on the calling thread's event loop, and SSE
// streams parsed with SseParser as the bytes arrive.
class OpenAiProbe final {
public:
    static constexpr int kTimeoutMs = 10000;

    struct Reply final {
        bool finished = false;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        int status = 0; // 0 when no HTTP response came
        QByteArray body;
        QByteArray retryAfter;
        QByteArray contentType;

        QJsonObject json() const;
        QJsonObject errorJson() const; // the "error" object of an OpenAI error body
    };

    // A streamed chat answer as a client sees it: the events, and the text their deltas add up to.
    struct Stream final {
        Reply http; // its body holds only bytes that arrived after the last readyRead
        std::vector<SseEvent> events;
        QList<QJsonObject> chunks;    // the JSON events; [DONE] aside
        QList<QByteArray> unparsable; // events whose data is neither JSON nor [DONE]
        QString content;
        int comments = 0;
        int doneCount = 0;
        bool doneIsLast = false;
        bool partial = false; // the parser was left holding an unfinished event
    };

    // A response read straight off a socket.
    struct RawResponse final {
        int status = 0;
        QByteArray head; // status line and headers
        QByteArray body;
    };

    // `baseUrl` as FakeOpenAiServer::baseUrl() gives it: "http://127.0.0.1:PORT/v1".
    explicit OpenAiProbe(QString baseUrl);

    QNetworkAccessManager& manager() { return m_manager; }
    QNetworkRequest request(const QString& path, const QByteArray& apiKey = {}) const;
    Reply get(const QString& path);
    Reply post(const QString& path, const QJsonObject& body, const QByteArray& apiKey = {});
    // POST /chat/completions; `body` should ask for "stream": true.
    Stream stream(const QJsonObject& body);
    // Spins the event loop until `reply` finishes (or kTimeoutMs pass), then reads and deletes it.
    static Reply wait(QNetworkReply* reply);
    // Takes the complete Content-Length responses off the front of `buffer` (raw socket tests).
    static QList<RawResponse> takeRawResponses(QByteArray& buffer);

private:
    QString m_baseUrl;
    QNetworkAccessManager m_manager;
};

} // namespace docrag::test
