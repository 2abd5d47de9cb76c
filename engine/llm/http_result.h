#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

namespace docrag {

// A successful reply of the server: the JSON body of a plain request, or, for a stream, whether it
// ended properly with `data: [DONE]` (the events themselves went to the caller as they came).
struct HttpResult final {
    int status = 0;
    QJsonObject json;
    bool streamDone = false;
    int attempts = 1;
    qint64 sentNs = 0; // Clock::monotonicNs() when the last attempt's request was fully sent
    // A stream that broke off after some of its events were delivered: why (they cannot be taken back).
    QString interruption;
    bool interruptedBySilence = false; // the idle timeout, rather than a broken connection
};

} // namespace docrag
