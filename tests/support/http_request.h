#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace docrag::test {

// One HTTP/1.x request as a test server received it.
struct HttpRequest final {
    QByteArray method;
    QByteArray target;                                // as sent, query included
    QByteArray version;                               // "HTTP/1.1"
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed
    QByteArray body;

    // The first header of that name (case-insensitive); empty when absent.
    QByteArray header(QByteArrayView name) const;
    // The target without its query string, e.g. "/v1/embeddings".
    QString path() const;
    // HTTP/1.1 keeps the connection open unless told otherwise; HTTP/1.0 closes it unless asked not to.
    bool keepAlive() const;
};

} // namespace docrag::test
