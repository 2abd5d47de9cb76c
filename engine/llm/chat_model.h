#pragma once

#include "engine/core/result.h"
#include "engine/llm/chat_reply.h"
#include "engine/llm/chat_turn.h"

#include <QDeadlineTimer>
#include <QFuture>

#include <functional>
#include <stop_token>
#include <vector>

namespace docrag {

// A model that writes answers, handing out the text as it arrives through `onDelta`.
class ChatModel {
public:
    virtual ~ChatModel() = default;
    virtual QString name() const = 0;
    virtual int contextTokens() const = 0;
    virtual int answerTokens() const = 0;
    // How long one answer may take, retries included (the deadline start() is given).
    virtual int answerDeadlineMs() const = 0;
    // Starts the answer; the future completes when it is whole, without any thread waiting for it
    // meanwhile. `onDelta` gets the text as it arrives, on another thread. A stop keeps what was
    // written so far: a reply with finishReason "stopped", not an error.
    virtual QFuture<Result<ChatReply>> start(const std::vector<ChatTurn>& messages,
                                             std::function<void(const QString&)> onDelta,
                                             std::stop_token stop, QDeadlineTimer deadline) = 0;
    // start() and wait for it: for a thread of its own (the command line, tests), never a pool's.
    Result<ChatReply> complete(const std::vector<ChatTurn>& messages,
                               std::function<void(const QString&)> onDelta, std::stop_token stop,
                               QDeadlineTimer deadline) {
        return start(messages, std::move(onDelta), std::move(stop), deadline).result();
    }
    // Identifies the server and model, for cache keys: the same question to another server is
    // another answer.
    virtual QString endpoint() const = 0;
};

} // namespace docrag
