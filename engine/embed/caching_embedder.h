#pragma once

#include "engine/embed/embedder.h"

namespace docrag {

class EmbeddingCache;

// An embedder that asks the cache first and its inner embedder only for the texts it has never seen:
// the same text is paid for once, in ingestion and in queries alike.
class CachingEmbedder final : public Embedder {
public:
    CachingEmbedder(const Embedder& inner, EmbeddingCache& cache);

    QString id() const override { return m_inner.id(); }
    int dimension() const override { return m_inner.dimension(); }
    bool isRemote() const override { return m_inner.isRemote(); }
    Status embed(std::span<const QString> texts, std::span<float> out,
                 std::stop_token stop = {}) const override;

private:
    const Embedder& m_inner;
    EmbeddingCache& m_cache;
};

} // namespace docrag
