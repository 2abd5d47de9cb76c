#pragma once

#include <QByteArray>
#include <QTcpServer>

namespace docrag::test {

// A server on 127.0.0.1 that gives every request the same response and closes the connection: a proxy or
// a broken server in front of the real one. It answers on the thread that made it, from its event loop.
class CannedHttpServer final {
public:
    // `status` as on the status line ("502 Bad Gateway").
    CannedHttpServer(QByteArray status, QByteArray contentType, QByteArray body);

    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
    QByteArray m_response;
};

} // namespace docrag::test
