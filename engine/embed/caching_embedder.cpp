#include "engine/embed/caching_embedder.h"

#include "engine/core/hashing.h"
#include "engine/core/logging.h"
#include "engine/embed/embedding_cache.h"

namespace docrag {

CachingEmbedder::CachingEmbedder(const Embedder& inner, EmbeddingCache& cache)
    : m_inner(inner)
    , m_cache(cache) {}

Status CachingEmbedder::embed(std::span<const QString> texts, std::span<float> out,
                              std::stop_token stop) const {
    const auto dim = static_cast<size_t>(dimension());
    if (out.size() < texts.size() * dim)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("output buffer too small")};
    std::vector<quint64> hashes;
    hashes.reserve(texts.size());
    for (const QString& text : texts)
        hashes.push_back(Hashing::xxh3(QStringView(text)));
    const QString embedderId = id();
    const std::vector<bool> found = m_cache.lookup(embedderId, hashes, dimension(), out);
    std::vector<QString> missing;
    std::vector<size_t> positions;
    for (size_t i = 0; i < texts.size(); ++i) {
        if (!found[i]) {
            missing.push_back(texts[i]);
            positions.push_back(i);
        }
    }
    if (missing.empty())
        return {};
    std::vector<float> computed(missing.size() * dim);
    if (Status s = m_inner.embed(missing, computed, stop); !s)
        return s;
    std::vector<quint64> missingHashes;
    for (size_t k = 0; k < positions.size(); ++k) {
        std::copy_n(computed.begin() + static_cast<std::ptrdiff_t>(k * dim), dim,
                    out.begin() + static_cast<std::ptrdiff_t>(positions[k] * dim));
        missingHashes.push_back(hashes[positions[k]]);
    }
    // A cache that cannot be written costs money later; the vectors in hand are still right.
    if (Status s = m_cache.store(embedderId, missingHashes, dimension(), computed); !s)
        Logging::get("docrag.embed")->warn("cannot store embeddings in the cache: {}", s.error().message);
    return {};
}

} // namespace docrag
