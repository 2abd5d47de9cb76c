#pragma once

#include "engine/llm/chat_model.h"

namespace docrag {

class OpenAiClient;

// POST /chat/completions with stream: true. Tolerates the ways compatible servers differ from OpenAI
// (llama.cpp: no role in the first chunk, usage in the last one; servers that ignore stream_options),
// and turns an `error` object in the middle of a stream or a stream cut off before its end into an
// error, never into a silently shortened answer.
class OpenAiChatModel final : public ChatModel {
public:
    explicit OpenAiChatModel(OpenAiClient& client);

    QString name() const override;
    int contextTokens() const override;
    int answerTokens() const override;
    int answerDeadlineMs() const override;
    QString endpoint() const override;
    QFuture<Result<ChatReply>> start(const std::vector<ChatTurn>& messages,
                                     std::function<void(const QString&)> onDelta, std::stop_token stop,
                                     QDeadlineTimer deadline) override;

private:
    OpenAiClient& m_client;
};

} // namespace docrag
