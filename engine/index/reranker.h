#pragma once

#include <QString>

#include <vector>

namespace docrag {

// How the re-ranking stage weighs its signals. Tuned on the BEIR SciFact train split (BENCHMARKS.md).
struct RerankWeights final {
    int pool = 60;          // how many fused candidates are re-scored
    double lexical = 1.0;   // BM25 score, relative to the best in the pool
    double dense = 0.0;     // cosine similarity, relative to the best in the pool
    double trigrams = 0.4;  // BM25 over character 3-grams of the words (spelling variants, compounds)
    double fourgrams = 0.2; // the same over 4-grams
    double phrase = 0.1;    // share of adjacent query word pairs found side by side in the passage
    double page = 0.8;      // evidence from the rest of the passage's page: its other sections' scores
};

// One candidate's re-ranking score, signal by signal, each already weighted.
struct RerankParts final {
    double lexical = 0.0;
    double dense = 0.0;
    double trigrams = 0.0;
    double fourgrams = 0.0;
    double phrase = 0.0;
    double page = 0.0; // set by PageEvidence, which knows the pages
    double total() const { return lexical + dense + trigrams + fourgrams + phrase + page; }
};

struct RerankCandidate final {
    QString text; // title, heading path and passage: what the passage is about
    double lexicalScore = 0.0;
    double denseScore = 0.0;
};

// The second stage of retrieval: re-scores the best fused candidates with signals that are too costly
// to compute over the whole collection. Word-level BM25 misses morphology (metastases / metastatic,
// PrimPol / hPrimpol1); character n-grams of the query words, weighted by how well they separate the
// candidates from each other (their idf within the pool), catch it. Phrases reward passages that keep
// the query's words together.
class Reranker final {
public:
    explicit Reranker(RerankWeights weights = {});

    // One score per candidate, signal by signal (what search --explain shows); higher totals are better.
    std::vector<RerankParts> parts(const QString& query,
                                   const std::vector<RerankCandidate>& candidates) const;

private:
    RerankWeights m_weights;
};

} // namespace docrag
