#pragma once

#include "engine/index/scored_chunk.h"

#include <unordered_map>
#include <vector>

namespace docrag {

// A chunk after fusion, with where it stood in each list.
struct FusedChunk final {
    qint64 chunkId = 0;
    double score = 0.0;  // sum over lists of weight / (k + rank)
    int lexicalRank = 0; // 1-based; 0 when the chunk is not in that list
    int denseRank = 0;
    double lexicalScore = 0.0;
    double denseScore = 0.0;
};

// Reciprocal rank fusion (Cormack, Clarke and Büttcher 2009): each list contributes weight / (k + rank)
// to every chunk it holds, so lists with incomparable scores (BM25, cosine) can be merged.
class RankFusion final {
public:
    enum class List { Lexical, Dense };

    explicit RankFusion(double k = 60.0);

    // `ranking` best first.
    void add(List list, const std::vector<ScoredChunk>& ranking, double weight);
    // Best first; equal scores are ordered by chunk id so that results are reproducible.
    std::vector<FusedChunk> ranked() const;

private:
    double m_k;
    std::unordered_map<qint64, FusedChunk> m_chunks;
};

} // namespace docrag
