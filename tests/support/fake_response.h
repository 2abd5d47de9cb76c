#pragma once

#include <QByteArray>
#include <QList>

#include <utility>
#include <vector>

namespace docrag::test {

// A planned HTTP response: what FakeOpenAiConnection writes, in which pieces and with which pauses.
struct FakeResponse final {
    enum class Ending {
        Complete,
        CutOff,     // write what is planned, then close: the client sees a response that stops short
        NoResponse, // close the connection without writing anything
    };
    struct Piece final {
        QByteArray bytes; // one HTTP chunk; flushed on its own so the client reads it separately
        int delayMs = 0;  // pause before writing it
    };

    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers; // besides Content-Length/Transfer-Encoding/Connection
    QByteArray body;                                  // a plain response; Content-Length is its full size
    qsizetype bytesToSend = -1;                       // with CutOff: how much of `body` is sent
    bool streamed = false;                            // `pieces` sent with chunked transfer encoding
    std::vector<Piece> pieces;
    Ending ending = Ending::Complete;
};

} // namespace docrag::test
