#pragma once

#include "tests/support/fake_fault.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QThread>

#include <memory>

class QTcpServer;

namespace docrag::test {

class FakeOpenAiState;

// A real HTTP/1.1 server on 127.0.0.1 that speaks the OpenAI wire format (/v1/models,
// /v1/embeddings, /v1/chat/completions with and without SSE streaming) with scripted latency,
// token pacing, faults, and llama.cpp's dialect. It runs on its own thread, so code under test may
// block the test thread on a future while the server answers; many connections are served at once.
// Every public function is thread-safe.
class FakeOpenAiServer final {
public:
    static constexpr int kDefaultDimensions = 512;

    // Starts listening on 127.0.0.1 on a free port.
    FakeOpenAiServer();
    ~FakeOpenAiServer();
    FakeOpenAiServer(const FakeOpenAiServer&) = delete;
    FakeOpenAiServer& operator=(const FakeOpenAiServer&) = delete;

    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QString baseUrl() const; // "http://127.0.0.1:PORT/v1"

    // Before every response, and before the first byte of a stream.
    void setLatency(int ms);
    // Between the chunks of a streamed chat answer.
    void setStreamTokenDelay(int ms);
    // FIFO: the next request, whatever its path, gets the first queued fault. `retryAfterSeconds` is
    // sent as Retry-After with RateLimited (always) and ServerError (when above 0).
    void enqueueFault(FakeFault fault, int retryAfterSeconds = 0);
    // The assistant's answer; streamed as one chunk per word, each with the whitespace before it.
    void setChatReply(const QString& text);
    // The first chunk carries no "role", and usage comes in the finishing chunk, as llama.cpp sends.
    void setLlamaCppStyle(bool on);
    // When not empty, requests without "Authorization: Bearer KEY" get 401 with an OpenAI error JSON.
    void setRequiredApiKey(const QString& key);
    // Where the Redirect fault sends requests ("http://127.0.0.1:PORT": the request's path is added).
    void setRedirectTarget(const QString& origin);

    // Requests received for a path ("/v1/embeddings"), whatever the answer was.
    int requestCount(const QString& path) const;
    int totalRequestCount() const;
    // Their JSON bodies in arrival order (an empty object for a GET or a body that is not JSON).
    QList<QJsonObject> requestBodies(const QString& path) const;
    // The most requests in flight at once, each from its arrival to the end of its response.
    int peakConcurrentRequests() const;
    int activeRequests() const;
    // TCP connections accepted: shows whether clients keep connections alive.
    int connectionCount() const;
    int pendingFaultCount() const;
    // Counters, queued faults and settings back to their defaults.
    void reset();

    static QString defaultChatReply();
    // The vector /v1/embeddings returns for `text`, as a client parses it from the JSON.
    static QList<float> embeddingFor(const QString& text, int dimensions = kDefaultDimensions);

private:
    std::shared_ptr<FakeOpenAiState> m_state;
    QThread m_thread;
    QTcpServer* m_server = nullptr; // lives on m_thread, deleted there when it finishes
    quint16 m_port = 0;
};

} // namespace docrag::test
