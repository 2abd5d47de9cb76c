#include "engine/index/hybrid_retriever.h"

#include "engine/core/logging.h"
#include "engine/core/tsan.h"
#include "engine/embed/embedder.h"
#include "engine/embed/text_analyzer.h"
#include "engine/index/exact_vector_scan.h"
#include "engine/index/lexical_index.h"
#include "engine/index/page_evidence.h"
#include "engine/index/question_boilerplate.h"
#include "engine/index/rank_fusion.h"
#include "engine/index/snippet_builder.h"
#include "engine/index/vector_index_manager.h"
#include "engine/metrics/performance_monitor.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace docrag {
namespace {

Result<std::vector<Collection>> chooseCollections(CollectionStore& store, const SearchOptions& options) {
    std::vector<Collection> chosen;
    if (options.collections.isEmpty()) {
        auto all = store.list();
        if (!all)
            return all.error();
        chosen = std::move(*all);
    } else {
        for (const QString& name : options.collections) {
            auto c = store.find(name);
            if (!c)
                return c.error();
            chosen.push_back(std::move(*c));
        }
    }
    if (!options.docType.isEmpty())
        std::erase_if(chosen, [&](const Collection& c) { return c.docType != options.docType; });
    return chosen;
}

// The passage text B begins with the overlap the chunker carried over from A: drop it once.
QString joinOverlapping(const QString& a, const QString& b) {
    const QString separator = QStringLiteral("\n\n");
    for (qsizetype at = 0; at >= 0 && at < a.size(); at = a.indexOf(separator, at + 1)) {
        const qsizetype from = at == 0 ? 0 : at + separator.size();
        const QStringView tail = QStringView(a).sliced(from);
        if (!tail.isEmpty() && QStringView(b).startsWith(tail)) {
            const QStringView rest = QStringView(b).sliced(tail.size()).trimmed();
            return rest.isEmpty() ? a : a + separator + rest.toString();
        }
        if (at == 0 && a.indexOf(separator) < 0)
            break;
    }
    return a + separator + b;
}

// Adjacent chunks of one section (a long section the chunker had to cut) that both made the list read
// better as one passage. Keeps the rank of the better one and pulls later hits up to fill `k`.
std::vector<Hit> mergeNeighbours(std::vector<Hit> ranked, size_t k) {
    std::vector<Hit> out;
    std::vector<std::pair<int, int>> spans; // ordinal range of each output hit
    for (Hit& hit : ranked) {
        bool merged = false;
        for (size_t i = 0; i < out.size() && !merged; ++i) {
            Hit& o = out[i];
            auto& [first, last] = spans[i];
            if (o.documentId != hit.documentId || o.page != hit.page || o.headingPath != hit.headingPath)
                continue;
            if (hit.ordinal == last + 1) {
                o.text = joinOverlapping(o.text, hit.text);
                o.locEnd = std::max(o.locEnd, hit.locEnd);
                last = hit.ordinal;
            } else if (hit.ordinal == first - 1) {
                o.text = joinOverlapping(hit.text, o.text);
                o.locStart = hit.locStart > 0 ? hit.locStart : o.locStart;
                o.anchor = hit.anchor;
                first = hit.ordinal;
            } else {
                continue;
            }
            ++o.chunkCount;
            merged = true;
        }
        if (!merged && out.size() < k) {
            spans.emplace_back(hit.ordinal, hit.ordinal);
            out.push_back(std::move(hit));
        }
    }
    return out;
}

} // namespace

HybridRetriever::HybridRetriever(Database& database, VectorIndexManager& indexes, const Embedder& embedder,
                                 QThreadPool* pool)
    : m_database(database)
    , m_indexes(indexes)
    , m_embedder(embedder)
    , m_pool(pool) {}

Result<std::vector<Hit>> HybridRetriever::search(const QString& asked, const SearchOptions& options) const {
    const auto timer =
        PerformanceMonitor::ScopedTimer(m_monitor, PerformanceMonitor::Operation::Retrieval, asked);
    const QString query = options.tuning.boilerplate > 0.0 ? QuestionBoilerplate::strip(asked) : asked;
    QSqlDatabase db = m_database.connection();
    CollectionStore collectionStore(db);
    auto collections = chooseCollections(collectionStore, options);
    if (!collections)
        return collections.error();
    if (collections->empty() || query.trimmed().isEmpty() || options.k <= 0)
        return std::vector<Hit>();
    const RetrievalTuning& tuning = options.tuning;

    // The dense half does not touch the database connection of this thread: in hybrid mode it runs on
    // the dense pool, in parallel with BM25. Dense tasks wait only on the index lock, SQLite and the
    // model client, never on a search or a pool that searches: this wait cannot close a cycle.
    const bool dense = options.mode != SearchMode::Lexical;
    QFuture<Result<std::vector<ScoredChunk>>> denseFuture;
    if (dense && m_pool && options.mode == SearchMode::Hybrid)
        denseFuture = QtConcurrent::run(
            m_pool, Tsan::handOff([&] { return denseSearch(query, *collections, options.candidates); }));

    RankFusion fusion(tuning.rrfK);
    std::optional<Error> failure;
    if (options.mode != SearchMode::Dense) {
        std::vector<qint64> ids;
        // Without a filter, the unjoined query is faster.
        if (!options.collections.isEmpty() || !options.docType.isEmpty()) {
            for (const Collection& c : *collections)
                ids.push_back(c.id);
        }
        const LexicalWeights weights{tuning.k1,          tuning.b,
                                     tuning.titleWeight, tuning.headingWeight,
                                     tuning.textWeight,  tuning.joinWords > 0.0};
        auto lexical = lexicalSearch(query, ids, weights, options.candidates);
        if (lexical)
            fusion.add(RankFusion::List::Lexical, *lexical, tuning.lexicalWeight);
        else
            failure = lexical.error();
    }
    if (dense) {
        auto found = denseFuture.isValid() ? denseFuture.result()
                                           : denseSearch(query, *collections, options.candidates);
        Tsan::acquire();
        if (found)
            fusion.add(RankFusion::List::Dense, *found, tuning.denseWeight);
        else if (!failure)
            failure = found.error();
    }
    if (failure)
        return *failure;

    std::vector<FusedChunk> ranked = fusion.ranked();
    const bool rerank = options.mode == SearchMode::Hybrid && tuning.rerank.pool > 0;
    // Merging neighbours can fold hits together: fetch some to spare.
    const size_t wanted = static_cast<size_t>(options.k) * 2;
    ranked.resize(
        std::min(ranked.size(), std::max(wanted, rerank ? static_cast<size_t>(tuning.rerank.pool) : 0)));
    std::vector<qint64> ids;
    std::unordered_map<qint64, const FusedChunk*> byId;
    for (const FusedChunk& c : ranked) {
        ids.push_back(c.chunkId);
        byId.emplace(c.chunkId, &c);
    }
    auto found = ChunkStore(db).hits(ids);
    if (!found)
        return found.error();
    std::vector<Hit> hits = std::move(*found);
    for (Hit& hit : hits) {
        const FusedChunk& c = *byId.at(hit.chunkId);
        hit.score = c.score;
        hit.lexicalRank = c.lexicalRank;
        hit.denseRank = c.denseRank;
        hit.lexicalScore = std::max(0.0, c.lexicalScore);
        hit.denseScore = c.denseScore;
        if (options.explain)
            hit.scoreParts = {{QStringLiteral("fused (rrf)"), c.score}};
    }
    if (rerank)
        rerankPool(query, tuning.rerank, options.explain, hits);
    hits = mergeNeighbours(std::move(hits), static_cast<size_t>(options.k));

    if (options.snippets) {
        const QStringList terms = TextAnalyzer::contentWords(query);
        for (Hit& hit : hits) {
            Snippet snippet = SnippetBuilder::build(hit.text, terms);
            hit.snippet = std::move(snippet.text);
            hit.snippetHighlights = std::move(snippet.highlights);
        }
    }
    return hits;
}

Result<std::vector<ScoredChunk>> HybridRetriever::lexicalSearch(const QString& query,
                                                                std::span<const qint64> collectionIds,
                                                                const LexicalWeights& weights,
                                                                int candidates) const {
    const auto timer =
        PerformanceMonitor::ScopedTimer(m_monitor, PerformanceMonitor::Operation::FtsQuery, query);
    return LexicalIndex(m_database.connection(), weights, &m_database.ranker())
        .search(query, collectionIds, candidates);
}

Result<std::vector<ScoredChunk>> HybridRetriever::denseSearch(const QString& query,
                                                              const std::vector<Collection>& collections,
                                                              int candidates) const {
    const auto timer =
        PerformanceMonitor::ScopedTimer(m_monitor, PerformanceMonitor::Operation::VectorQuery, query);
    std::map<QString, std::vector<float>> vectors; // the query, once per embedder
    std::vector<ScoredChunk> dense;
    for (const Collection& c : collections) {
        const Embedder* embedder = c.embedderId == m_embedder.id() ? &m_embedder
                                   : m_resolver                    ? m_resolver(c.embedderId)
                                                                   : nullptr;
        if (!embedder) {
            Logging::get("docrag.index")
                ->warn("collection \"{}\" was embedded with {}, which is not available; keyword search only",
                       c.name, c.embedderId);
            continue;
        }
        auto [it, added] = vectors.try_emplace(c.embedderId);
        if (added) {
            it->second.resize(static_cast<size_t>(embedder->dimension()));
            if (Status s = embedder->embed({&query, 1}, it->second); !s)
                return s.error();
        }
        auto index = m_indexes.current(c, embedder->dimension());
        if (!index)
            return index.error();
        // No current index yet (it is being rebuilt in the background): scan the vectors exactly.
        auto found = *index ? (*index)->search(it->second, static_cast<size_t>(candidates))
                            : ExactVectorScan(m_database.connection())
                                  .search(c, it->second, static_cast<size_t>(candidates));
        if (!found)
            return found.error();
        dense.insert(dense.end(), found->begin(), found->end());
    }
    std::sort(dense.begin(), dense.end(),
              [](const ScoredChunk& a, const ScoredChunk& b) { return a.score > b.score; });
    dense.resize(std::min(dense.size(), static_cast<size_t>(candidates)));
    return dense;
}

void HybridRetriever::rerankPool(const QString& query, const RerankWeights& weights, bool explain,
                                 std::vector<Hit>& hits) {
    const size_t pool = std::min(hits.size(), static_cast<size_t>(weights.pool));
    std::vector<RerankCandidate> candidates;
    candidates.reserve(pool);
    for (size_t i = 0; i < pool; ++i) {
        const Hit& h = hits[i];
        candidates.push_back(
            RerankCandidate{h.title + QLatin1Char('\n') + h.headingPath + QLatin1Char('\n') + h.text,
                            h.lexicalScore, h.denseScore});
    }
    std::vector<RerankParts> parts = Reranker(weights).parts(query, candidates);
    if (weights.page != 0.0)
        PageEvidence::add(hits, weights.page, parts);
    std::vector<double> scores;
    scores.reserve(pool);
    for (const RerankParts& p : parts)
        scores.push_back(p.total());
    std::vector<size_t> order(pool);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
    std::vector<Hit> reordered;
    reordered.reserve(hits.size());
    for (size_t i : order) {
        reordered.push_back(std::move(hits[i]));
        reordered.back().score = scores[i];
        if (explain) {
            const RerankParts& p = parts[i];
            reordered.back().scoreParts = {
                {QStringLiteral("bm25"), p.lexical},      {QStringLiteral("dense"), p.dense},
                {QStringLiteral("trigrams"), p.trigrams}, {QStringLiteral("fourgrams"), p.fourgrams},
                {QStringLiteral("phrase"), p.phrase},     {QStringLiteral("page"), p.page}};
        }
    }
    // Below the pool, the fused order stands; scores stay below the pool's so the list stays sorted.
    const double floor = pool > 0 ? *std::min_element(scores.begin(), scores.end()) : 0.0;
    for (size_t i = pool; i < hits.size(); ++i) {
        reordered.push_back(std::move(hits[i]));
        reordered.back().score = std::min(reordered.back().score, floor);
    }
    hits = std::move(reordered);
}

} // namespace docrag
