#include "tests/support/fake_openai_connection.h"

#include "tests/support/fake_openai_responder.h"
#include "tests/support/fake_openai_state.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <utility>

namespace docrag::test {

namespace {

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    default:
        return "Unknown";
    }
}

} // namespace

FakeOpenAiConnection::FakeOpenAiConnection(QTcpSocket* socket, std::shared_ptr<FakeOpenAiState> state,
                                           QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_state(std::move(state)) {
    m_socket->setParent(this);
    // Without Nagle every flushed piece of a stream leaves as its own segment.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early; scripted latencies are lower bounds tests rely on.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (auto step = std::exchange(m_step, {}))
            step();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &FakeOpenAiConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_closing = true;
        m_timer.stop();
        endRequest();
        deleteLater();
    });
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

FakeOpenAiConnection::~FakeOpenAiConnection() {
    // The socket, our child, outlives this part of us and says `disconnected` as it goes.
    disconnect(m_socket, nullptr, this, nullptr);
    endRequest();
}

void FakeOpenAiConnection::onReadyRead() {
    const QByteArray bytes = m_socket->readAll();
    if (m_closing)
        return;
    m_parser.append(bytes);
    serveNext();
}

void FakeOpenAiConnection::serveNext() {
    if (m_busy || m_closing)
        return;
    Result<std::optional<HttpRequest>> next = m_parser.takeRequest();
    if (!next.ok()) {
        rejectUnparsable(next.error());
        return;
    }
    if (next.value())
        start(*next.value());
}

void FakeOpenAiConnection::start(const HttpRequest& request) {
    m_busy = true;
    m_requestActive = true;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const FakeRequestTicket ticket = m_state->beginRequest(request.path(), body);
    m_closeAfterResponse = !request.keepAlive();
    m_response = FakeOpenAiResponder(ticket).respond(request);
    after(ticket.settings.latencyMs, [this] { send(); });
}

void FakeOpenAiConnection::send() {
    if (m_response.ending == FakeResponse::Ending::NoResponse) {
        endRequest();
        close(true);
        return;
    }
    QList<std::pair<QByteArray, QByteArray>> headers = m_response.headers;
    if (m_response.streamed)
        headers.emplaceBack("Transfer-Encoding", "chunked");
    else
        headers.emplaceBack("Content-Length", QByteArray::number(m_response.body.size()));
    if (m_closeAfterResponse)
        headers.emplaceBack("Connection", "close");
    const QByteArray responseHead = head(m_response.status, headers);

    if (m_response.streamed) {
        if (write(responseHead))
            writePiece(0);
        return;
    }
    const bool cutOff = m_response.ending == FakeResponse::Ending::CutOff;
    const QByteArray body = cutOff ? m_response.body.first(m_response.bytesToSend) : m_response.body;
    if (!write(responseHead + body))
        return;
    if (cutOff) {
        endRequest();
        close(false);
        return;
    }
    finishResponse();
}

void FakeOpenAiConnection::writePiece(std::size_t index) {
    if (index == m_response.pieces.size()) {
        if (m_response.ending == FakeResponse::Ending::CutOff) {
            endRequest();
            close(false);
        } else if (write("0\r\n\r\n")) {
            finishResponse();
        }
        return;
    }
    after(m_response.pieces[index].delayMs, [this, index] {
        const QByteArray& bytes = m_response.pieces[index].bytes;
        if (write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n"))
            writePiece(index + 1);
    });
}

void FakeOpenAiConnection::finishResponse() {
    endRequest();
    m_busy = false;
    m_response = FakeResponse();
    if (m_closeAfterResponse)
        close(false);
    else
        serveNext(); // a pipelined request may already be buffered
}

void FakeOpenAiConnection::rejectUnparsable(const Error& error) {
    const int status = error.code == ErrorCode::TooLarge      ? 413
                       : error.code == ErrorCode::Unsupported ? 501
                                                              : 400;
    const QJsonObject json{{"error", QJsonObject{{"message", error.message},
                                                 {"type", "invalid_request_error"},
                                                 {"param", QJsonValue::Null},
                                                 {"code", QJsonValue::Null}}}};
    const QByteArray body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    if (write(head(status, {{"Content-Type", "application/json"},
                            {"Content-Length", QByteArray::number(body.size())},
                            {"Connection", "close"}}) +
              body))
        close(false);
}

void FakeOpenAiConnection::endRequest() {
    if (std::exchange(m_requestActive, false))
        m_state->endRequest();
}

void FakeOpenAiConnection::close(bool abort) {
    m_closing = true;
    m_timer.stop();
    if (abort) {
        m_socket->abort();
        deleteLater();
    } else {
        m_socket->disconnectFromHost(); // sends what is buffered first; `disconnected` then deletes us
    }
}

bool FakeOpenAiConnection::write(const QByteArray& bytes) {
    if (m_closing || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    m_socket->write(bytes);
    m_socket->flush();
    return true;
}

QByteArray FakeOpenAiConnection::head(int status,
                                      const QList<std::pair<QByteArray, QByteArray>>& headers) const {
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Server: docrag-fake-openai\r\n";
    for (const auto& [name, value] : headers)
        out += name + ": " + value + "\r\n";
    return out + "\r\n";
}

void FakeOpenAiConnection::after(int ms, std::function<void()> step) {
    m_step = std::move(step);
    m_timer.start(ms);
}

} // namespace docrag::test
