#pragma once

#include "engine/core/error.h"
#include "tests/support/fake_response.h"
#include "tests/support/http_request.h"
#include "tests/support/http_request_parser.h"

#include <QObject>
#include <QTimer>

#include <cstddef>
#include <functional>
#include <memory>

class QTcpSocket;

namespace docrag::test {

class FakeOpenAiState;

// One accepted TCP connection of FakeOpenAiServer, living on the server's thread. Serves the
// requests that arrive on it one after the other (keep-alive, pipelining), pausing with a timer
// rather than sleeping, so that other connections are served meanwhile. Deletes itself when the
// connection closes.
class FakeOpenAiConnection final : public QObject {
    Q_OBJECT

public:
    FakeOpenAiConnection(QTcpSocket* socket, std::shared_ptr<FakeOpenAiState> state, QObject* parent);
    ~FakeOpenAiConnection() override;

private:
    void onReadyRead();
    void serveNext();
    void start(const HttpRequest& request);
    void send();
    void writePiece(std::size_t index);
    void finishResponse();
    void rejectUnparsable(const Error& error);
    void endRequest();
    void close(bool abort);
    bool write(const QByteArray& bytes);
    QByteArray head(int status, const QList<std::pair<QByteArray, QByteArray>>& headers) const;
    // Runs `step` on this thread after `ms` milliseconds; one step is pending at a time.
    void after(int ms, std::function<void()> step);

    QTcpSocket* m_socket;
    std::shared_ptr<FakeOpenAiState> m_state;
    HttpRequestParser m_parser;
    FakeResponse m_response;
    QTimer m_timer;
    std::function<void()> m_step;
    bool m_busy = false;          // a request is being answered; later ones wait in the parser
    bool m_requestActive = false; // counted as in flight by the state
    bool m_closeAfterResponse = false;
    bool m_closing = false;
};

} // namespace docrag::test
