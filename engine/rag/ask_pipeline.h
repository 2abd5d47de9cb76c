#pragma once

#include "engine/core/answer.h"
#include "engine/core/hit.h"
#include "engine/core/result.h"
#include "engine/rag/ask_request.h"

#include <QDeadlineTimer>

#include <atomic>
#include <functional>
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
// snapshot of its sources, cache it. Runs on a worker thread; it blocks that thread, never the UI.
class AskPipeline final {
public:
    using DeltaCallback = std::function<void(const QString& text)>;

    AskPipeline(Database& database, HybridRetriever& retriever, ResponseCache& cache, const Clock& clock,
                ChatModel* chatModel);

    // `onDelta` receives the answer's text as it is produced (in pieces when streamed), on the
    // calling thread. A failure is stored in the history as an "error" message after the question.
    Result<Answer> run(const AskRequest& request, const DeltaCallback& onDelta = {},
                       std::stop_token stop = {});

    QString modelName() const;
    // The model and the server it runs on: part of the response cache's key.
    QString modelIdentity() const;
    // nullptr: extractive answers. Call when no question is being answered: an answer in progress
    // may use either model, and the caller keeps the old one alive.
    void setChatModel(ChatModel* chatModel) { m_chatModel.store(chatModel); }

private:
    Result<Answer> answer(const AskRequest& request, const DeltaCallback& onDelta, std::stop_token stop,
                          qint64 startNs, QDeadlineTimer deadline);
    Result<QStringList> collectionNames(const SearchOptions& options);
    Result<Answer> generate(ChatModel& model, const AskRequest& request, const std::vector<Hit>& hits,
                            const DeltaCallback& onDelta, std::stop_token stop, qint64 startNs,
                            QDeadlineTimer deadline);

    Database& m_database;
    HybridRetriever& m_retriever;
    ResponseCache& m_cache;
    const Clock& m_clock;
    std::atomic<ChatModel*> m_chatModel; // swapped on the UI thread, read on the pool
};

} // namespace docrag
