#pragma once

#include <QString>
#include <QtGlobal>

namespace docrag {

struct ChatReply final {
    QString text;
    QString model; // as the server named it
    QString finishReason;
    int promptTokens = 0; // from the server's usage report, else estimated
    int completionTokens = 0;
    bool usageReported = false;
    qint64 sentNs = 0; // Clock::monotonicNs() when the request had been sent
};

} // namespace docrag
