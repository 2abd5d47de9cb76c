#pragma once

#include "engine/core/result.h"
#include "tests/support/http_request.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace docrag::test {

// Splits the bytes of one connection into HTTP/1.x requests (request line, headers, Content-Length
// body). Pipelined requests come out one by one. Chunked request bodies are not supported: no client
// of an OpenAI-compatible API sends them.
class HttpRequestParser final {
public:
    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 256 * 1024 * 1024;

    void append(QByteArrayView bytes) { m_buffer.append(bytes); }
    // The next complete request, or std::nullopt while more bytes are needed. After an error the
    // stream cannot be resynchronised: answer it and close the connection. Codes: TooLarge (413),
    // Unsupported (501), Parse (400).
    Result<std::optional<HttpRequest>> takeRequest();

private:
    QByteArray m_buffer;
};

} // namespace docrag::test
