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
    auto pending = prepare(request, onDelta, stop);
    if (!pending)
        return pending.error();
    if (pending->answer)
        return conclude(*pending);
    const auto reply = pending->model->complete(pending->prompt.messages, streamTo(*pending, onDelta), stop,
                                                pending->deadline);
    return conclude(*pending, reply);
}

Result<qint64> AskPipeline::storeQuestion(AskRequest& request) {
    HistoryStore history(m_database.connection(), m_clock);
    if (request.conversationId == 0) {
        auto created = history.createConversation(request.question);
        if (!created)
            return created.error();
        request.conversationId = *created;
    } else if (auto found = history.conversation(request.conversationId); !found) {
        return found.error();
    }
    ChatMessage asked;
    asked.conversationId = request.conversationId;
    asked.role = QStringLiteral("user");
    asked.content = request.question;
    return history.addMessage(asked);
}

Result<AskPipeline::Pending> AskPipeline::prepare(const AskRequest& request, const DeltaCallback& onDelta,
                                                  std::stop_token stop) {
    Pending pending;
    pending.startNs = m_clock.monotonicNs();
    // The whole question, retrieval and model included, has one deadline.
    if (const ChatModel* model = m_chatModel.load())
        pending.deadline = QDeadlineTimer(model->answerDeadlineMs());
    pending.request = request;
    pending.request.question = request.question.trimmed();
    if (pending.request.question.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the question is empty")};
    // The question is stored before anything can fail, so that it is never lost.
    if (pending.request.remember) {
        if (auto stored = storeQuestion(pending.request); !stored)
            return stored.error();
    }
    if (Status filled = fill(pending, onDelta, stop); !filled) {
        (void)remember(pending, filled.error());
        return filled.error();
    }
    return pending;
}

Status AskPipeline::fill(Pending& pending, const DeltaCallback& onDelta, std::stop_token stop) {
    const AskRequest& request = pending.request;
    auto names = collectionNames(request.search);
    if (!names)
        return names.error();
    pending.collections = *names;
    pending.cacheKey = ResponseCache::key(request.question, *names, modelIdentity());
    if (request.useCache) {
        auto cached = m_cache.get(pending.cacheKey);
        if (!cached)
            return cached.error();
        if (cached->has_value()) {
            Answer a = Answer::fromJson(**cached);
            a.question = request.question;
            a.fromCache = true;
            a.firstTokenMs = elapsedMs(m_clock, pending.startNs);
            a.requestSentMs = -1;
            if (onDelta)
                onDelta(a.text);
            pending.answer = std::move(a);
            return {};
        }
    }
    if (stop.stop_requested())
        return Error{ErrorCode::Cancelled, QStringLiteral("stopped")};
    auto hits = m_retriever.search(request.question, request.search);
    if (!hits)
        return hits.error();
    ChatModel* model = m_chatModel.load();
    if (!model) {
        Answer a = ExtractiveAnswerer().answer(request.question, *hits);
        a.firstTokenMs = elapsedMs(m_clock, pending.startNs);
        if (onDelta)
            onDelta(a.text);
        pending.answer = std::move(a);
        return {};
    }
    auto turns = historyTurns(request);
    if (!turns)
        return turns.error();
    const ContextBuilder builder(ContextBuilder::Budget{model->contextTokens(), model->answerTokens()});
    pending.prompt = builder.build(request.question, *hits, *turns);
    pending.hits = std::move(*hits);
    pending.model = model;
    return {};
}

Result<std::vector<ChatTurn>> AskPipeline::historyTurns(const AskRequest& request) {
    std::vector<ChatTurn> turns;
    if (request.conversationId <= 0 || request.historyMessages <= 0)
        return turns;
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
    return turns;
}

AskPipeline::DeltaCallback AskPipeline::streamTo(const Pending& pending, DeltaCallback onDelta) const {
    return [first = pending.firstTokenMs, &clock = m_clock, startNs = pending.startNs,
            onDelta = std::move(onDelta)](const QString& piece) {
        qint64 none = -1;
        first->compare_exchange_strong(none, elapsedMs(clock, startNs));
        if (onDelta)
            onDelta(piece);
    };
}

Result<Answer> AskPipeline::conclude(Pending& pending) {
    Answer& a = *pending.answer;
    // A cache failure costs a later question some time; it does not make this answer wrong.
    if (!a.fromCache)
        (void)m_cache.put(pending.cacheKey, a.toJson(), pending.collections);
    return remember(pending, a);
}

Result<Answer> AskPipeline::conclude(Pending& pending, const Result<ChatReply>& reply) {
    if (!reply)
        return remember(pending, reply.error());
    Answer a;
    a.question = pending.request.question;
    a.text = reply->text;
    a.model = reply->model;
    a.tokensIn = reply->promptTokens;
    a.tokensOut = reply->completionTokens;
    a.firstTokenMs = pending.firstTokenMs->load();
    a.requestSentMs = reply->sentNs > 0 ? (reply->sentNs - pending.startNs) / 1000000 : -1;
    if (reply->finishReason == QLatin1String("stopped") || reply->finishReason == QLatin1String("length"))
        a.finish = reply->finishReason;
    const std::vector<int>& used = pending.prompt.passageIndexes;
    for (size_t i = 0; i < used.size(); ++i)
        a.sources.push_back(
            Source::fromHit(pending.hits[static_cast<size_t>(used[i])], static_cast<int>(i) + 1));
    // A stopped or cut-off answer is not the answer to cache.
    if (a.finish.isEmpty())
        (void)m_cache.put(pending.cacheKey, a.toJson(), pending.collections);
    return remember(pending, std::move(a));
}

Result<Answer> AskPipeline::remember(Pending& pending, Result<Answer> answered) {
    const qint64 latencyMs = elapsedMs(m_clock, pending.startNs);
    if (!pending.request.remember) {
        if (answered)
            answered->latencyMs = latencyMs;
        return answered;
    }
    HistoryStore history(m_database.connection(), m_clock);
    ChatMessage reply;
    reply.conversationId = pending.request.conversationId;
    if (!answered) {
        reply.role = QStringLiteral("error");
        reply.content = answered.error().message;
        reply.model = modelName();
        reply.latencyMs = latencyMs;
        (void)history.addMessage(reply); // the error being reported matters more than this one
        return answered;
    }
    Answer& a = *answered;
    a.conversationId = pending.request.conversationId;
    a.latencyMs = latencyMs;
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

} // namespace docrag
