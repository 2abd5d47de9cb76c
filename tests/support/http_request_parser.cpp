#include "tests/support/http_request_parser.h"

#include <QList>

namespace docrag::test {

namespace {

Error parseError(const QString& message) {
    return Error{ErrorCode::Parse, message};
}

bool isToken(QByteArrayView text) {
    if (text.isEmpty())
        return false;
    for (char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

Result<std::optional<HttpRequest>> HttpRequestParser::takeRequest() {
    // RFC 9112 2.2: a server should ignore empty lines received before a request line.
    qsizetype start = 0;
    while (m_buffer.size() - start >= 2 && m_buffer[start] == '\r' && m_buffer[start + 1] == '\n')
        start += 2;
    m_buffer.remove(0, start);

    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (m_buffer.size() > kMaxHeadBytes)
            return Error{ErrorCode::TooLarge, QStringLiteral("request head larger than 64 KiB")};
        return std::optional<HttpRequest>();
    }
    const QList<QByteArray> lines = m_buffer.first(headEnd).split('\n');
    HttpRequest request;
    const QList<QByteArray> parts = lines.front().trimmed().split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || !parts[1].startsWith('/') ||
        !parts[2].startsWith("HTTP/1."))
        return parseError(QStringLiteral("bad request line"));
    request.method = parts[0];
    request.target = parts[1];
    request.version = parts[2];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return parseError(QStringLiteral("bad header line"));
        request.headers.emplaceBack(line.first(colon).toLower(), line.sliced(colon + 1).trimmed());
    }
    if (!request.header("transfer-encoding").isEmpty())
        return Error{ErrorCode::Unsupported,
                     QStringLiteral("Transfer-Encoding in requests is not supported")};

    qsizetype length = 0;
    const QByteArray lengthText = request.header("content-length");
    if (!lengthText.isEmpty()) {
        bool ok = false;
        const qlonglong value = lengthText.toLongLong(&ok);
        if (!ok || value < 0)
            return parseError(QStringLiteral("bad Content-Length"));
        if (value > kMaxBodyBytes)
            return Error{ErrorCode::TooLarge, QStringLiteral("request body too large")};
        length = static_cast<qsizetype>(value);
    }
    const qsizetype bodyStart = headEnd + 4;
    if (m_buffer.size() - bodyStart < length)
        return std::optional<HttpRequest>();
    request.body = m_buffer.sliced(bodyStart, length);
    m_buffer.remove(0, bodyStart + length);
    return std::optional<HttpRequest>(std::move(request));
}

} // namespace docrag::test
