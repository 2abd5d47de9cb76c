#pragma once

#include "engine/core/answer.h"
#include "engine/core/hit.h"
#include "engine/core/result.h"
#include "engine/llm/chat_prompt.h"
#include "engine/llm/chat_reply.h"
#include "engine/rag/ask_request.h"

#include <QDeadlineTimer>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <vector>

namespace docrag {

class ChatModel;
class Clock;
class Database;
class HybridRetriever;
class ResponseCache;

// One question to one answer: remember the question, look in the response cache, retrieve, answer
// (with the chat model when one is configured, extractively otherwise), remember the answer with a
// snapshot of its sources, cache it. In three stages, so that no thread waits while a model writes:
// prepare() and conclude() run on a worker thread; between them the model's reply is a future.
class AskPipeline final {
public:
    using DeltaCallback = std::function<void(const QString& text)>;

    // A question between prepare() and conclude(): either answered already (from the cache, or
    // extractively), or waiting for the model with this prompt.
    struct Pending final {
        AskRequest request; // trimmed, with its conversation
        qint64 startNs = 0;
        QDeadlineTimer deadline{QDeadlineTimer::Forever};
        QStringList collections;
        QString cacheKey;
        std::optional<Answer> answer;
        ChatModel* model = nullptr;
        ChatPrompt prompt;
        std::vector<Hit> hits;
        std::shared_ptr<std::atomic<qint64>> firstTokenMs = std::make_shared<std::atomic<qint64>>(-1);
    };

    AskPipeline(Database& database, HybridRetriever& retriever, ResponseCache& cache, const Clock& clock,
                ChatModel* chatModel);

    // All three stages on the calling thread: `onDelta` receives the answer's text as it is produced.
    // A failure is stored in the history as an "error" message after the question.
    Result<Answer> run(const AskRequest& request, const DeltaCallback& onDelta = {},
                       std::stop_token stop = {});

    // Stores the question, then answers from the cache or extractively, or builds the model's prompt.
    // A failure after the question was stored is stored too.
    Result<Pending> prepare(const AskRequest& request, const DeltaCallback& onDelta, std::stop_token stop);
    // `onDelta` wrapped to note when the first text came (for Answer::firstTokenMs).
    DeltaCallback streamTo(const Pending& pending, DeltaCallback onDelta) const;
    // The model's reply made into the answer (or its failure), cached, and stored in the history.
    Result<Answer> conclude(Pending& pending, const Result<ChatReply>& reply);
    // For an answer prepare() already has.
    Result<Answer> conclude(Pending& pending);

    QString modelName() const;
    // The model and the server it runs on: part of the response cache's key.
    QString modelIdentity() const;
    // nullptr: extractive answers. Call when no question is being answered: an answer in progress
    // may use either model, and the caller keeps the old one alive.
    void setChatModel(ChatModel* chatModel) { m_chatModel.store(chatModel); }

private:
    Result<QStringList> collectionNames(const SearchOptions& options);
    Result<qint64> storeQuestion(AskRequest& request);
    // Everything of prepare() after the question is stored.
    Status fill(Pending& pending, const DeltaCallback& onDelta, std::stop_token stop);
    Result<std::vector<ChatTurn>> historyTurns(const AskRequest& request);
    Result<Answer> remember(Pending& pending, Result<Answer> answered);

    Database& m_database;
    HybridRetriever& m_retriever;
    ResponseCache& m_cache;
    const Clock& m_clock;
    std::atomic<ChatModel*> m_chatModel; // swapped on the UI thread, read on the pool
};

} // namespace docrag
