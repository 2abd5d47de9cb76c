#pragma once

#include "engine/core/source.h"

#include <QString>
#include <QtGlobal>

#include <vector>

namespace docrag {

// One message of a conversation as the history keeps it.
struct ChatMessage final {
    qint64 id = 0;
    qint64 conversationId = 0;
    QString role; // "user", "assistant", or "error" for an answer that failed
    QString content;
    qint64 createdAt = 0; // ms since the epoch
    QString model;
    qint64 latencyMs = 0;
    int tokensIn = 0;
    int tokensOut = 0;
    int feedback = 0; // +1, -1, 0 for none
    QString feedbackNote;
    std::vector<Source> sources;
    QString finish; // "stopped" or "length" for an answer that is not whole (see Answer::finish)
};

} // namespace docrag
