#include "engine/rag/ask_pipeline.h"

#include "engine/core/clock.h"
#include "engine/index/hybrid_retriever.h"
#include "engine/llm/chat_model.h"
#include "engine/llm/context_builder.h"
#include "engine/llm/extractive_answerer.h"
#include "engine/rag/response_cache.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/history_store.h"

#include <atomic>

namespace docrag {
namespace {

qint64 elapsedMs(const Clock& clock, qint64 startNs) {
    return (clock.monotonicNs() - startNs) / 1000000;
}

} // namespace

AskPipeline::AskPipeline(Database& database, HybridRetriever& retriever, ResponseCache& cache,
                         const Clock& clock, ChatModel* chatModel)
    : m_database(database)
    , m_retriever(retriever)
    , m_cache(cache)
    , m_clock(clock)
    , m_chatModel(chatModel) {}

QString AskPipeline::modelName() const {
    const ChatModel* model = m_chatModel.load();
    return model ? model->name() : ExtractiveAnswerer::modelName();
}

QString AskPipeline::modelIdentity() const {
    const ChatModel* model = m_chatModel.load();
    return model ? model->endpoint() : ExtractiveAnswerer::modelName();
}

Result<QStringList> AskPipeline::collectionNames(const SearchOptions& options) {
    auto all = CollectionStore(m_database.connection()).list();
    if (!all)
        return all.error();
    QStringList names;
    for (const Collection& c : *all) {
        const bool chosen = options.collections.isEmpty() || options.collections.contains(c.name);
        if (chosen && (options.docType.isEmpty() || c.docType == options.docType))
            names << c.name;
    }
    for (const QString& wanted : options.collections) {
        if (!names.contains(wanted) && options.docType.isEmpty())
            return Error{ErrorCode::NotFound, QStringLiteral("no collection named \"%1\"").arg(wanted)};
    }
    return names;
}

Result<Answer> AskPipeline::run(const AskRequest& request, const DeltaCallback& onDelta,
                                std::stop_token stop) {
    const qint64 startNs = m_clock.monotonicNs();
    // The whole question, retrieval and model included, has one deadline.
    const ChatModel* model = m_chatModel.load();
    const QDeadlineTimer deadline =
        model ? QDeadlineTimer(model->answerDeadlineMs()) : QDeadlineTimer(QDeadlineTimer::Forever);
    AskRequest effective = request;
    effective.question = request.question.trimmed();
    if (effective.question.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the question is empty")};
    if (!effective.remember) {
        auto answered = answer(effective, onDelta, stop, startNs, deadline);
        if (answered)
            answered->latencyMs = elapsedMs(m_clock, startNs);
        return answered;
    }
    HistoryStore history(m_database.connection(), m_clock);
    qint64 conversationId = effective.conversationId;
    if (conversationId == 0) {
        auto created = history.createConversation(effective.question);
        if (!created)
            return created.error();
        conversationId = *created;
    } else if (auto found = history.conversation(conversationId); !found) {
        return found.error();
    }
    // The question is stored before anything can fail, so that it is never lost.
    ChatMessage asked;
    asked.conversationId = conversationId;
    asked.role = QStringLiteral("user");
    asked.content = effective.question;
    if (auto stored = history.addMessage(asked); !stored)
        return stored.error();

    effective.conversationId = conversationId;
    auto answered = answer(effective, onDelta, stop, startNs, deadline);
    ChatMessage reply;
    reply.conversationId = conversationId;
    if (!answered) {
        reply.role = QStringLiteral("error");
        reply.content = answered.error().message;
        reply.model = modelName();
        reply.latencyMs = elapsedMs(m_clock, startNs);
        (void)history.addMessage(reply); // the error being reported matters more than this one
        return answered.error();
    }
    Answer& a = *answered;
    a.conversationId = conversationId;
    a.latencyMs = elapsedMs(m_clock, startNs);
    reply.role = QStringLiteral("assistant");
    reply.content = a.text;
    reply.model = a.model;
    reply.latencyMs = a.latencyMs;
    reply.tokensIn = a.tokensIn;
    reply.tokensOut = a.tokensOut;
    reply.sources = a.sources;
    reply.finish = a.finish;
    auto stored = history.addMessage(reply);
    if (!stored)
        return stored.error();
    a.messageId = *stored;
    return answered;
}

Result<Answer> AskPipeline::answer(const AskRequest& request, const DeltaCallback& onDelta,
                                   std::stop_token stop, qint64 startNs, QDeadlineTimer deadline) {
    auto names = collectionNames(request.search);
    if (!names)
        return names.error();
    const QString cacheKey = ResponseCache::key(request.question, *names, modelIdentity());
    if (request.useCache) {
        auto cached = m_cache.get(cacheKey);
        if (!cached)
            return cached.error();
        if (cached->has_value()) {
            Answer a = Answer::fromJson(**cached);
            a.question = request.question;
            a.fromCache = true;
            a.firstTokenMs = elapsedMs(m_clock, startNs);
            a.requestSentMs = -1;
            if (onDelta)
                onDelta(a.text);
            return a;
        }
    }
    if (stop.stop_requested())
        return Error{ErrorCode::Cancelled, QStringLiteral("stopped")};
    auto hits = m_retriever.search(request.question, request.search);
    if (!hits)
        return hits.error();
    Answer a;
    if (ChatModel* model = m_chatModel.load()) {
        auto generated = generate(*model, request, *hits, onDelta, stop, startNs, deadline);
        if (!generated)
            return generated.error();
        a = std::move(*generated);
    } else {
        a = ExtractiveAnswerer().answer(request.question, *hits);
        a.firstTokenMs = elapsedMs(m_clock, startNs);
        if (onDelta)
            onDelta(a.text);
    }
    // A cache failure costs a later question some time; it does not make this answer wrong. A stopped
    // or cut-off answer is not the answer to cache.
    if (a.finish.isEmpty())
        (void)m_cache.put(cacheKey, a.toJson(), *names);
    return a;
}

Result<Answer> AskPipeline::generate(ChatModel& model, const AskRequest& request,
                                     const std::vector<Hit>& hits, const DeltaCallback& onDelta,
                                     std::stop_token stop, qint64 startNs, QDeadlineTimer deadline) {
    std::vector<ChatTurn> turns;
    if (request.conversationId > 0 && request.historyMessages > 0) {
        // The question just stored is the last message: the turns before it are the history.
        auto earlier = HistoryStore(m_database.connection(), m_clock)
                           .messages(request.conversationId, request.historyMessages + 1);
        if (!earlier)
            return earlier.error();
        if (!earlier->empty())
            earlier->pop_back();
        for (const ChatMessage& m : *earlier) {
            if (m.role == QLatin1String("user") || m.role == QLatin1String("assistant"))
                turns.push_back(ChatTurn{m.role, m.content});
        }
    }
    const ContextBuilder builder(ContextBuilder::Budget{model.contextTokens(), model.answerTokens()});
    const ChatPrompt prompt = builder.build(request.question, hits, turns);
    std::atomic<qint64> firstTokenMs{-1};
    const auto forward = [&](const QString& piece) {
        qint64 none = -1;
        firstTokenMs.compare_exchange_strong(none, elapsedMs(m_clock, startNs));
        if (onDelta)
            onDelta(piece);
    };
    auto reply = model.complete(prompt.messages, forward, stop, deadline);
    if (!reply)
        return reply.error();
    Answer a;
    a.question = request.question;
    a.text = reply->text;
    a.model = reply->model;
    a.tokensIn = reply->promptTokens;
    a.tokensOut = reply->completionTokens;
    if (reply->finishReason == QLatin1String("stopped") || reply->finishReason == QLatin1String("length"))
        a.finish = reply->finishReason;
    a.firstTokenMs = firstTokenMs.load();
    a.requestSentMs = reply->sentNs > 0 ? (reply->sentNs - startNs) / 1000000 : -1;
    for (size_t i = 0; i < prompt.passageIndexes.size(); ++i)
        a.sources.push_back(
            Source::fromHit(hits[static_cast<size_t>(prompt.passageIndexes[i])], static_cast<int>(i) + 1));
    return a;
}

} // namespace docrag
