#include "tests/support/fake_openai_server.h"

#include "tests/support/fake_openai_connection.h"
#include "tests/support/fake_openai_responder.h"
#include "tests/support/fake_openai_settings.h"
#include "tests/support/fake_openai_state.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace docrag::test {

FakeOpenAiServer::FakeOpenAiServer()
    : m_state(std::make_shared<FakeOpenAiState>()) {
    m_thread.setObjectName(QStringLiteral("FakeOpenAiServer"));
    m_server = new QTcpServer;
    m_server->moveToThread(&m_thread);
    // QThread's documented clean-up: the server (and the connections, its children) are deleted on
    // their own thread once its event loop has stopped.
    QObject::connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_server,
        [this] {
            QTcpServer* server = m_server;
            std::shared_ptr<FakeOpenAiState> state = m_state;
            QObject::connect(server, &QTcpServer::newConnection, server, [server, state] {
                while (QTcpSocket* socket = server->nextPendingConnection()) {
                    state->connectionAccepted();
                    new FakeOpenAiConnection(socket, state, server);
                }
            });
            if (server->listen(QHostAddress::LocalHost, 0))
                m_port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
}

FakeOpenAiServer::~FakeOpenAiServer() {
    m_thread.quit();
    m_thread.wait();
}

QString FakeOpenAiServer::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port);
}

void FakeOpenAiServer::setLatency(int ms) {
    m_state->setLatency(ms);
}

void FakeOpenAiServer::setStreamTokenDelay(int ms) {
    m_state->setStreamTokenDelay(ms);
}

void FakeOpenAiServer::enqueueFault(FakeFault fault, int retryAfterSeconds) {
    m_state->enqueueFault(fault, retryAfterSeconds);
}

void FakeOpenAiServer::setChatReply(const QString& text) {
    m_state->setChatReply(text);
}

void FakeOpenAiServer::setLlamaCppStyle(bool on) {
    m_state->setLlamaCppStyle(on);
}

void FakeOpenAiServer::setRequiredApiKey(const QString& key) {
    m_state->setRequiredApiKey(key);
}

void FakeOpenAiServer::setRedirectTarget(const QString& origin) {
    m_state->setRedirectTarget(origin);
}

int FakeOpenAiServer::requestCount(const QString& path) const {
    return m_state->requestCount(path);
}

int FakeOpenAiServer::totalRequestCount() const {
    return m_state->totalRequestCount();
}

QList<QJsonObject> FakeOpenAiServer::requestBodies(const QString& path) const {
    return m_state->requestBodies(path);
}

int FakeOpenAiServer::peakConcurrentRequests() const {
    return m_state->peakConcurrentRequests();
}

int FakeOpenAiServer::activeRequests() const {
    return m_state->activeRequests();
}

int FakeOpenAiServer::connectionCount() const {
    return m_state->connectionCount();
}

int FakeOpenAiServer::pendingFaultCount() const {
    return m_state->pendingFaultCount();
}

void FakeOpenAiServer::reset() {
    m_state->reset();
}

QString FakeOpenAiServer::defaultChatReply() {
    return FakeOpenAiSettings::defaultChatReply();
}

QList<float> FakeOpenAiServer::embeddingFor(const QString& text, int dimensions) {
    return FakeOpenAiResponder::embeddingFor(text, dimensions);
}

} // namespace docrag::test
