#pragma once

#include "engine/embed/local_embedder.h"

#include <atomic>

namespace docrag::test {

// The real built-in embedder, counting the texts it is asked to embed, so tests can prove that
// unchanged chunks are not embedded again.
class CountingEmbedder final : public Embedder {
public:
    QString id() const override { return m_inner.id(); }
    int dimension() const override { return m_inner.dimension(); }
    Status embed(std::span<const QString> texts, std::span<float> out,
                 std::stop_token stop = {}) const override {
        m_texts += static_cast<int>(texts.size());
        return m_inner.embed(texts, out, stop);
    }

    int texts() const { return m_texts.load(); }
    void reset() { m_texts = 0; }

private:
    LocalEmbedder m_inner;
    mutable std::atomic_int m_texts = 0;
};

} // namespace docrag::test
