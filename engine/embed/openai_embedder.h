#pragma once

#include "engine/embed/embedder.h"

#include <memory>

namespace docrag {

class OpenAiClient;
struct EmbeddingBatch;

// POST /embeddings through OpenAiClient. Concurrent embed() calls (the ingestion pipeline runs many
// files at once) are coalesced into batches sized by a token budget, never over 2048 inputs, several
// in flight; each caller gets its vectors in input order. A failed batch fails the calls that had texts
// in it — the pipeline marks those files failed and the next ingest retries them — and is never
// replaced by zero vectors.
class OpenAiEmbedder final : public Embedder {
public:
    struct Options final {
        int maxBatchTokens = 60000;
        int maxBatchInputs = 2048;
        int lingerMs = 20; // how long a batch waits for other callers' texts before it goes
    };

    explicit OpenAiEmbedder(OpenAiClient& client);
    OpenAiEmbedder(OpenAiClient& client, Options options);
    ~OpenAiEmbedder() override;

    // "openai:<model>:<dimensions>": vectors of other models or sizes never share an index.
    QString id() const override;
    int dimension() const override;
    bool isRemote() const override { return true; }
    Status embed(std::span<const QString> texts, std::span<float> out,
                 std::stop_token stop = {}) const override;

    struct Shared;

private:
    void dispatch(const std::shared_ptr<EmbeddingBatch>& batch) const;

    OpenAiClient& m_client;
    Options m_options;
    std::shared_ptr<Shared> m_shared; // outlives this while batches are in flight
};

} // namespace docrag
