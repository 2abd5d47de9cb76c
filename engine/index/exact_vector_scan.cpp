#include "engine/index/exact_vector_scan.h"

#include "engine/index/dot_product.h"
#include "engine/store/chunk_store.h"

#include <queue>

#include <algorithm>

namespace docrag {

ExactVectorScan::ExactVectorScan(QSqlDatabase db)
    : m_db(std::move(db)) {}

Result<std::vector<ScoredChunk>> ExactVectorScan::search(const Collection& collection,
                                                         std::span<const float> query, size_t k) const {
    static const DotProduct::Function dot = DotProduct::best();
    const auto worse = [](const ScoredChunk& a, const ScoredChunk& b) { return a.score > b.score; };
    // A min-heap of the best k so far: the scan holds k hits, not the collection.
    std::priority_queue<ScoredChunk, std::vector<ScoredChunk>, decltype(worse)> best(worse);
    Status read = ChunkStore(m_db).forEachVector(
        collection.id, collection.embedderId, [&](qint64 chunkId, std::span<const float> vector) {
            if (vector.size() != query.size() || k == 0)
                return;
            const double score = dot(query.data(), vector.data(), query.size());
            if (best.size() < k) {
                best.push(ScoredChunk{chunkId, score});
            } else if (score > best.top().score) {
                best.pop();
                best.push(ScoredChunk{chunkId, score});
            }
        });
    if (!read)
        return read.error();
    std::vector<ScoredChunk> out;
    out.reserve(best.size());
    for (; !best.empty(); best.pop())
        out.push_back(best.top());
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace docrag
