#pragma once

#include "engine/embed/embedder.h"

namespace docrag {

// The built-in offline embedder: feature hashing of stemmed words, word bigrams and character
// 4-grams into `dimension` signed buckets, sublinear weights, L2-normalised. Deterministic and
// identical on every machine (xxHash), so stored vectors stay valid across runs and upgrades;
// any change to the features must bump kVersion, which changes id() and forces a re-embed.
class LocalEmbedder final : public Embedder {
public:
    static constexpr int kVersion = 1;
    static constexpr int kDefaultDimension = 384;

    explicit LocalEmbedder(int dimension = kDefaultDimension);

    QString id() const override;
    int dimension() const override { return m_dimension; }
    Status embed(std::span<const QString> texts, std::span<float> out,
                 std::stop_token stop = {}) const override;

    // One vector; the span must hold dimension() floats.
    void embedOne(QStringView text, std::span<float> out) const;

private:
    int m_dimension;
};

} // namespace docrag
