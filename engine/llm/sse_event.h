#pragma once

#include <QByteArray>

namespace docrag {

// One dispatched Server-Sent Event. Fields stay raw UTF-8 bytes: the parser never decodes, so a
// multi-byte character split across network reads cannot be damaged.
struct SseEvent final {
    QByteArray event; // the `event:` field; empty when the stream gave none (browsers call that "message")
    QByteArray data;  // the `data:` lines joined with '\n'
    QByteArray id;    // the last `id:` seen so far in the stream; it carries over to later events
};

} // namespace docrag
