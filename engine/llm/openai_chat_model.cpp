#include "engine/llm/openai_chat_model.h"

#include "engine/core/secret_scrubber.h"
#include "engine/core/token_counter.h"
#include "engine/llm/context_builder.h"
#include "engine/llm/openai_client.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace docrag {
namespace {

// What the stream has said so far; written on the client's thread, read after the future completes.
struct StreamState final {
    ChatReply reply;
    QString error;
    bool malformed = false;
};

void readUsage(const QJsonObject& usage, ChatReply& reply) {
    if (usage.isEmpty())
        return;
    reply.promptTokens = usage.value(QStringLiteral("prompt_tokens")).toInt();
    reply.completionTokens = usage.value(QStringLiteral("completion_tokens")).toInt();
    reply.usageReported = true;
}

void readChunk(const SseEvent& event, StreamState& state,
               const std::function<void(const QString&)>& onDelta) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    if (!doc.isObject()) {
        state.malformed = true;
        return;
    }
    const QJsonObject chunk = doc.object();
    if (const QJsonValue error = chunk.value(QStringLiteral("error")); !error.isUndefined()) {
        state.error = error.isObject() ? error.toObject().value(QStringLiteral("message")).toString()
                                       : error.toString();
        if (state.error.isEmpty())
            state.error = QStringLiteral("the server reported an error");
        return;
    }
    if (const QString model = chunk.value(QStringLiteral("model")).toString(); !model.isEmpty())
        state.reply.model = model;
    readUsage(chunk.value(QStringLiteral("usage")).toObject(), state.reply);
    for (const QJsonValue& choice : chunk.value(QStringLiteral("choices")).toArray()) {
        const QJsonObject c = choice.toObject();
        const QString piece =
            c.value(QStringLiteral("delta")).toObject().value(QStringLiteral("content")).toString();
        if (!piece.isEmpty()) {
            state.reply.text += piece;
            if (onDelta)
                onDelta(piece);
        }
        if (const QString reason = c.value(QStringLiteral("finish_reason")).toString(); !reason.isEmpty())
            state.reply.finishReason = reason;
    }
}

// The stream has ended (or failed, or was stopped): the reply, or why there is none.
Result<ChatReply> finishReply(OpenAiClient& client, const QString& name, StreamState& state,
                              const Result<HttpResult>& done, int promptEstimate) {
    const QString host = client.config().baseUrl.host();
    if (!done && done.error().code == ErrorCode::Cancelled) {
        // Stopped by the user: what was written so far is the answer, marked as stopped.
        ChatReply stopped = std::move(state.reply);
        stopped.finishReason = QStringLiteral("stopped");
        stopped.model = stopped.model.isEmpty() ? name : stopped.model;
        stopped.promptTokens = promptEstimate;
        stopped.completionTokens = TokenCounter::estimate(stopped.text);
        client.usage().addTokens(name, stopped.promptTokens, stopped.completionTokens);
        return stopped;
    }
    if (!done)
        return done.error();
    if (!done->interruption.isEmpty())
        return Error{done->interruptedBySilence ? ErrorCode::Timeout : ErrorCode::Network,
                     QStringLiteral("the answer from %1 was cut off after %2 characters: %3")
                         .arg(host)
                         .arg(state.reply.text.size())
                         .arg(done->interruption)};
    if (!state.error.isEmpty()) {
        const QString said = SecretScrubber::scrub(
            state.error.simplified().left(300), {client.config().apiKey, client.config().baseUrl.password()});
        return Error{ErrorCode::Server, QStringLiteral("%1 stopped with an error: %2").arg(host, said)};
    }
    if (!done->streamDone && state.reply.finishReason.isEmpty()) {
        return Error{ErrorCode::Network,
                     QStringLiteral("the answer from %1 was cut off after %2 characters; ask again")
                         .arg(host)
                         .arg(state.reply.text.size())};
    }
    if (state.malformed && state.reply.text.isEmpty())
        return Error{ErrorCode::Server, QStringLiteral("%1 sent a stream that is not valid JSON").arg(host)};
    ChatReply reply = std::move(state.reply);
    reply.sentNs = done->sentNs;
    if (reply.model.isEmpty())
        reply.model = name;
    if (!reply.usageReported) {
        reply.promptTokens = promptEstimate;
        reply.completionTokens = TokenCounter::estimate(reply.text);
    }
    client.usage().addTokens(name, reply.promptTokens, reply.completionTokens);
    return reply;
}

} // namespace

OpenAiChatModel::OpenAiChatModel(OpenAiClient& client)
    : m_client(client) {}

QString OpenAiChatModel::name() const {
    return m_client.config().chatModel;
}

int OpenAiChatModel::contextTokens() const {
    return m_client.config().contextTokens;
}

int OpenAiChatModel::answerTokens() const {
    return m_client.config().answerTokens;
}

int OpenAiChatModel::answerDeadlineMs() const {
    return m_client.config().answerDeadlineMs;
}

QString OpenAiChatModel::endpoint() const {
    return m_client.config().baseUrl.toString() + QLatin1Char('|') + name();
}

QFuture<Result<ChatReply>> OpenAiChatModel::start(const std::vector<ChatTurn>& messages,
                                                  std::function<void(const QString&)> onDelta,
                                                  std::stop_token stop, QDeadlineTimer deadline) {
    QJsonArray list;
    int promptEstimate = 0;
    for (const ChatTurn& turn : messages) {
        list.append(
            QJsonObject{{QStringLiteral("role"), turn.role}, {QStringLiteral("content"), turn.content}});
        promptEstimate += TokenCounter::estimate(turn.content) + ContextBuilder::kMessageOverheadTokens;
    }
    const QJsonObject body{
        {QStringLiteral("model"), name()},
        {QStringLiteral("messages"), list},
        {QStringLiteral("stream"), true},
        {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}},
        {QStringLiteral("max_tokens"), answerTokens()},
    };
    auto state = std::make_shared<StreamState>();
    // The reply is read on the client's thread as the stream ends: no thread waits for it.
    return m_client
        .postStream(
            QStringLiteral("chat/completions"), body,
            [state, onDelta = std::move(onDelta)](const SseEvent& event) {
                // After an error event, nothing more counts.
                if (state->error.isEmpty())
                    readChunk(event, *state, onDelta);
            },
            stop, deadline)
        .then(QtFuture::Launch::Sync,
              [&client = m_client, model = name(), state, promptEstimate](const Result<HttpResult>& done) {
                  return finishReply(client, model, *state, done, promptEstimate);
              });
}

} // namespace docrag
