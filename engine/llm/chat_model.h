#pragma once

#include "engine/core/result.h"
#include "engine/llm/chat_reply.h"
#include "engine/llm/chat_turn.h"

#include <QDeadlineTimer>

#include <functional>
#include <stop_token>
#include <vector>

namespace docrag {

// A model that writes answers. complete() blocks the calling worker thread (never the UI thread) and
// hands out the text as it arrives through `onDelta`, which may be called on another thread.
class ChatModel {
public:
    virtual ~ChatModel() = default;
    virtual QString name() const = 0;
    virtual int contextTokens() const = 0;
    virtual int answerTokens() const = 0;
    // How long one answer may take, retries included (the deadline complete() is given).
    virtual int answerDeadlineMs() const = 0;
    // A stop keeps what was written so far: a reply with finishReason "stopped", not an error.
    virtual Result<ChatReply> complete(const std::vector<ChatTurn>& messages,
                                       const std::function<void(const QString&)>& onDelta,
                                       std::stop_token stop, QDeadlineTimer deadline) = 0;
    // Identifies the server and model, for cache keys: the same question to another server is
    // another answer.
    virtual QString endpoint() const = 0;
};

} // namespace docrag
