#include "engine/embed/openai_embedder.h"

#include "engine/core/token_counter.h"
#include "engine/llm/openai_client.h"

#include <QJsonArray>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>

namespace docrag {

namespace {

using SteadyClock = std::chrono::steady_clock;

// One embed() call: its vectors arrive batch by batch, possibly after the caller gave up.
struct EmbeddingRequest final {
    std::vector<float> vectors;
    size_t remaining = 0;
    std::optional<Error> error;
};

} // namespace

struct EmbeddingBatch final {
    std::vector<QString> inputs;
    std::vector<std::pair<std::shared_ptr<EmbeddingRequest>, size_t>> owners; // request, index in it
    int tokens = 0;
    SteadyClock::time_point opened = SteadyClock::now();
    bool dispatched = false;
};

struct OpenAiEmbedder::Shared final {
    std::mutex mutex;
    std::condition_variable changed;
    std::shared_ptr<EmbeddingBatch> open; // collecting texts
    int dimension = 0;
    int inFlight = 0; // batches sent and not answered
    int maxInFlight = 1;
};

namespace {

void fail(EmbeddingBatch& batch, const Error& error) {
    for (auto& [request, index] : batch.owners) {
        (void)index;
        if (!request->error)
            request->error = error;
    }
}

// Fills the owners' vectors from a /embeddings reply, or fails them all: a batch is all or nothing.
void deliver(EmbeddingBatch& batch, const Result<HttpResult>& result, int dimension) {
    if (!result) {
        fail(batch, result.error());
        return;
    }
    const QJsonArray data = result->json.value(QStringLiteral("data")).toArray();
    if (data.size() != static_cast<qsizetype>(batch.inputs.size())) {
        fail(batch, Error{ErrorCode::Server, QStringLiteral("the server returned %1 embeddings for %2 texts")
                                                 .arg(data.size())
                                                 .arg(batch.inputs.size())});
        return;
    }
    std::vector<bool> seen(batch.inputs.size(), false);
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonObject item = data[i].toObject();
        // Order by "index", not by position: the API does not promise the input order.
        const qsizetype index = item.value(QStringLiteral("index")).toInteger(i);
        const QJsonArray values = item.value(QStringLiteral("embedding")).toArray();
        if (index < 0 || index >= data.size() || seen[static_cast<size_t>(index)]) {
            fail(batch, Error{ErrorCode::Server, QStringLiteral("the server's embeddings have bad indexes")});
            return;
        }
        if (values.size() != dimension) {
            fail(batch,
                 Error{ErrorCode::Server,
                       QStringLiteral("the server returned %1-dimensional embeddings, expected %2 (set "
                                      "--dimensions to the model's size)")
                           .arg(values.size())
                           .arg(dimension)});
            return;
        }
        seen[static_cast<size_t>(index)] = true;
    }
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonObject item = data[i].toObject();
        const auto index = static_cast<size_t>(item.value(QStringLiteral("index")).toInteger(i));
        const QJsonArray values = item.value(QStringLiteral("embedding")).toArray();
        auto& [request, slot] = batch.owners[index];
        float* out = request->vectors.data() + slot * static_cast<size_t>(dimension);
        double norm = 0.0;
        for (qsizetype d = 0; d < values.size(); ++d) {
            out[d] = static_cast<float>(values[d].toDouble());
            norm += static_cast<double>(out[d]) * out[d];
        }
        // Shortened text-embedding-3 vectors are not unit length; the index assumes they are.
        const float scale = norm > 0.0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
        for (qsizetype d = 0; d < values.size(); ++d)
            out[d] *= scale;
        --request->remaining;
    }
}

} // namespace

OpenAiEmbedder::OpenAiEmbedder(OpenAiClient& client)
    : OpenAiEmbedder(client, Options{60000, client.config().embeddingBatchInputs, 20}) {}

OpenAiEmbedder::OpenAiEmbedder(OpenAiClient& client, Options options)
    : m_client(client)
    , m_options(options)
    , m_shared(std::make_shared<Shared>()) {
    m_shared->dimension = client.config().embeddingDimensions;
    m_shared->maxInFlight = std::max(1, client.config().maxInFlight);
}

OpenAiEmbedder::~OpenAiEmbedder() = default;

QString OpenAiEmbedder::id() const {
    return QStringLiteral("openai:%1:%2").arg(m_client.config().embeddingModel).arg(dimension());
}

int OpenAiEmbedder::dimension() const {
    return m_shared->dimension;
}

void OpenAiEmbedder::dispatch(const std::shared_ptr<EmbeddingBatch>& batch) const {
    QJsonArray inputs;
    for (const QString& text : batch->inputs)
        inputs.append(text);
    const OpenAiConfig& config = m_client.config();
    const QJsonObject body{{QStringLiteral("model"), config.embeddingModel},
                           {QStringLiteral("input"), inputs},
                           {QStringLiteral("dimensions"), config.embeddingDimensions},
                           {QStringLiteral("encoding_format"), QStringLiteral("float")}};
    std::shared_ptr<Shared> shared = m_shared;
    OpenAiClient* client = &m_client;
    const QString model = config.embeddingModel;
    {
        std::lock_guard lock(shared->mutex);
        ++shared->inFlight;
    }
    m_client.post(QStringLiteral("embeddings"), body)
        .then(QtFuture::Launch::Sync, [shared, batch, client, model](const Result<HttpResult>& result) {
            if (result) {
                const QJsonObject usage = result->json.value(QStringLiteral("usage")).toObject();
                client->usage().addTokens(model, usage.value(QStringLiteral("prompt_tokens")).toInteger(), 0);
            }
            {
                std::lock_guard lock(shared->mutex);
                --shared->inFlight;
                deliver(*batch, result, shared->dimension);
            }
            shared->changed.notify_all();
        });
}

Status OpenAiEmbedder::embed(std::span<const QString> texts, std::span<float> out,
                             std::stop_token stop) const {
    const auto dim = static_cast<size_t>(dimension());
    if (out.size() < texts.size() * dim)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("output buffer too small")};
    if (texts.empty())
        return {};
    auto request = std::make_shared<EmbeddingRequest>();
    request->vectors.assign(texts.size() * dim, 0.0f);
    request->remaining = texts.size();
    Shared& shared = *m_shared;
    std::vector<std::shared_ptr<EmbeddingBatch>> full;
    std::shared_ptr<EmbeddingBatch> last;
    {
        std::lock_guard lock(shared.mutex);
        for (size_t i = 0; i < texts.size(); ++i) {
            const int tokens = std::max(1, TokenCounter::estimate(texts[i]));
            if (shared.open && !shared.open->inputs.empty() &&
                (static_cast<int>(shared.open->inputs.size()) >= m_options.maxBatchInputs ||
                 shared.open->tokens + tokens > m_options.maxBatchTokens)) {
                shared.open->dispatched = true;
                full.push_back(std::move(shared.open));
            }
            if (!shared.open)
                shared.open = std::make_shared<EmbeddingBatch>();
            shared.open->inputs.push_back(texts[i].isEmpty() ? QStringLiteral(" ") : texts[i]);
            shared.open->owners.emplace_back(request, i);
            shared.open->tokens += tokens;
        }
        last = shared.open;
    }
    for (const auto& batch : full)
        dispatch(batch);
    shared.changed.notify_all();

    std::unique_lock lock(shared.mutex);
    // The last batch waits a moment for texts of other calls, unless someone sends it first.
    if (!last->dispatched) {
        shared.changed.wait_until(lock, last->opened + std::chrono::milliseconds(m_options.lingerMs),
                                  [&] { return last->dispatched; });
        // While every connection is busy, a batch sent now would only queue: let it grow instead.
        shared.changed.wait(lock, [&] { return last->dispatched || shared.inFlight < shared.maxInFlight; });
        if (!last->dispatched) {
            last->dispatched = true;
            if (shared.open == last)
                shared.open.reset();
            lock.unlock();
            dispatch(last);
            lock.lock();
        }
    }
    while (request->remaining > 0 && !request->error) {
        if (stop.stop_requested())
            return Error{ErrorCode::Cancelled, QStringLiteral("embedding cancelled")};
        shared.changed.wait_for(lock, std::chrono::milliseconds(50));
    }
    if (request->error)
        return *request->error;
    std::copy(request->vectors.begin(), request->vectors.end(), out.begin());
    return {};
}

} // namespace docrag
