#pragma once

#include "engine/core/collection.h"
#include "engine/core/hit.h"
#include "engine/core/result.h"
#include "engine/index/lexical_index.h"
#include "engine/index/reranker.h"
#include "engine/index/scored_chunk.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <span>
#include <vector>

class QThreadPool;

namespace docrag {

class Database;
class Embedder;
class PerformanceMonitor;
class VectorIndexManager;

enum class SearchMode { Hybrid, Lexical, Dense };

// The knobs of ranking. Defaults are tuned on the BEIR SciFact train split (BENCHMARKS.md).
struct RetrievalTuning final {
    double k1 = 1.2;          // BM25 term-frequency saturation
    double b = 0.75;          // BM25 length normalisation
    double titleWeight = 1.0; // BM25 column weights
    double headingWeight = 1.5;
    double textWeight = 1.0;
    double rrfK = 60.0;         // reciprocal rank fusion constant
    double lexicalWeight = 1.0; // weight of each list in the fusion: the dense list mostly brings in
    double denseWeight = 0.2;   // candidates BM25 cannot see (typos, word forms) for the re-ranker
    RerankWeights rerank;       // hybrid mode only: bm25 and dense return their own ranking
    double boilerplate = 1.0;   // > 0: question boilerplate is dropped first (QuestionBoilerplate)
    double joinWords = 1.0;     // > 0: BM25 also looks for neighbouring words as one (JoinedTerms)
};

struct SearchOptions final {
    int k = 5;
    QStringList collections; // names; empty = all
    QString docType;         // empty = any
    SearchMode mode = SearchMode::Hybrid;
    int candidates = 50;  // per retriever, before fusion
    bool snippets = true; // build Hit::snippet (the evaluation only needs ids)
    bool explain = false; // fill Hit::scoreParts (search --explain)
    RetrievalTuning tuning;
};

// Hybrid retrieval: BM25 over FTS5 and dense search over the vector indexes, fused by reciprocal rank
// fusion, the best candidates re-ranked (Reranker), neighbouring chunks of one document merged into one
// hit, filtered by collection and doc type. Callable from any thread (each thread uses its own
// database connection).
class HybridRetriever final {
public:
    // With a pool, hybrid searches run the dense half on it while the calling thread runs BM25. It must
    // be a pool of its own: searches wait for it, so it must never run work that waits for a search.
    HybridRetriever(Database& database, VectorIndexManager& indexes, const Embedder& embedder,
                    QThreadPool* pool = nullptr);

    Result<std::vector<Hit>> search(const QString& query, const SearchOptions& options) const;

    // Collections embedded by another model (an OpenAI-compatible server) are searched with the
    // embedder this returns for their embedder id; nullptr leaves them to BM25 alone. Set before use.
    using EmbedderResolver = std::function<const Embedder*(const QString& embedderId)>;
    // Times searches and their BM25 and vector halves (none by default).
    void setMonitor(PerformanceMonitor* monitor) { m_monitor = monitor; }
    void setEmbedderResolver(EmbedderResolver resolver) { m_resolver = std::move(resolver); }

private:
    Result<std::vector<ScoredChunk>> lexicalSearch(const QString& query,
                                                   std::span<const qint64> collectionIds,
                                                   const LexicalWeights& weights, int candidates) const;
    Result<std::vector<ScoredChunk>>
    denseSearch(const QString& query, const std::vector<Collection>& collections, int candidates) const;
    static void rerankPool(const QString& query, const RerankWeights& weights, bool explain,
                           std::vector<Hit>& hits);

    Database& m_database;
    VectorIndexManager& m_indexes;
    const Embedder& m_embedder;
    QThreadPool* m_pool;
    EmbedderResolver m_resolver;
    PerformanceMonitor* m_monitor = nullptr;
};

} // namespace docrag
