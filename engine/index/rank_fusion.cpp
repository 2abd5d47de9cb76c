#include "engine/index/rank_fusion.h"

#include <algorithm>

namespace docrag {

RankFusion::RankFusion(double k)
    : m_k(k) {}

void RankFusion::add(List list, const std::vector<ScoredChunk>& ranking, double weight) {
    for (size_t i = 0; i < ranking.size(); ++i) {
        FusedChunk& c = m_chunks[ranking[i].chunkId];
        c.chunkId = ranking[i].chunkId;
        const int rank = static_cast<int>(i) + 1;
        c.score += weight / (m_k + rank);
        if (list == List::Lexical) {
            c.lexicalRank = rank;
            c.lexicalScore = ranking[i].score;
        } else {
            c.denseRank = rank;
            c.denseScore = ranking[i].score;
        }
    }
}

std::vector<FusedChunk> RankFusion::ranked() const {
    std::vector<FusedChunk> out;
    out.reserve(m_chunks.size());
    for (const auto& [id, chunk] : m_chunks)
        out.push_back(chunk);
    std::sort(out.begin(), out.end(), [](const FusedChunk& a, const FusedChunk& b) {
        return a.score != b.score ? a.score > b.score : a.chunkId < b.chunkId;
    });
    return out;
}

} // namespace docrag
