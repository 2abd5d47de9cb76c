#include "tests/support/canned_http_server.h"

#include <QTcpSocket>

namespace docrag::test {

CannedHttpServer::CannedHttpServer(QByteArray status, QByteArray contentType, QByteArray body)
    : m_response("HTTP/1.1 " + status + "\r\nContent-Type: " + contentType +
                 "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
                 body) {
    m_server.listen(QHostAddress::LocalHost);
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, response = m_response] {
                socket->readAll();
                socket->write(response);
                socket->disconnectFromHost();
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

} // namespace docrag::test
