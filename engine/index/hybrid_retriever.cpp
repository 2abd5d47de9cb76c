#include "engine/index/hybrid_retriever.h"

#include "engine/core/logging.h"
#include "engine/embed/embedder.h"
#include "engine/embed/text_analyzer.h"
#include "engine/index/lexical_index.h"
#include "engine/index/snippet_builder.h"
#include "engine/index/vector_index_manager.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"

#include <algorithm>
#include <unordered_map>

namespace docrag {
namespace {

struct Fused final {
    double score = 0.0;
    int lexicalRank = 0;
    int denseRank = 0;
};

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
    if (!options.docType.isEmpty()) {
        std::erase_if(chosen, [&](const Collection& c) { return c.docType != options.docType; });
    }
    return chosen;
}

} // namespace

HybridRetriever::HybridRetriever(Database& database, VectorIndexManager& indexes, const Embedder& embedder)
    : m_database(database)
    , m_indexes(indexes)
    , m_embedder(embedder) {}

Result<std::vector<Hit>> HybridRetriever::search(const QString& query, const SearchOptions& options) const {
    QSqlDatabase db = m_database.connection();
    CollectionStore collectionStore(db);
    auto collections = chooseCollections(collectionStore, options);
    if (!collections)
        return collections.error();
    std::vector<Hit> hits;
    if (collections->empty() || query.trimmed().isEmpty() || options.k <= 0)
        return hits;

    std::unordered_map<qint64, Fused> fused;
    if (options.mode != SearchMode::Dense) {
        std::vector<qint64> ids;
        // Without a filter, the unjoined query is faster.
        if (!options.collections.isEmpty() || !options.docType.isEmpty()) {
            for (const Collection& c : *collections)
                ids.push_back(c.id);
        }
        auto lexical = LexicalIndex(db).search(query, ids, options.candidates);
        if (!lexical)
            return lexical.error();
        for (size_t i = 0; i < lexical->size(); ++i) {
            Fused& f = fused[(*lexical)[i].chunkId];
            f.lexicalRank = static_cast<int>(i) + 1;
            f.score += 1.0 / (kRrfK + f.lexicalRank);
        }
    }
    if (options.mode != SearchMode::Lexical) {
        std::vector<float> vector(static_cast<size_t>(m_embedder.dimension()));
        const QString text = query;
        if (Status s = m_embedder.embed({&text, 1}, vector); !s)
            return s.error();
        std::vector<ScoredChunk> dense;
        for (const Collection& c : *collections) {
            if (c.embedderId != m_embedder.id()) {
                Logging::get("docrag.index")
                    ->warn("collection \"{}\" was embedded with {}; dense search skipped", c.name,
                           c.embedderId);
                continue;
            }
            auto index = m_indexes.open(c, m_embedder.dimension());
            if (!index)
                return index.error();
            auto found = (*index)->search(vector, static_cast<size_t>(options.candidates));
            if (!found)
                return found.error();
            dense.insert(dense.end(), found->begin(), found->end());
        }
        std::sort(dense.begin(), dense.end(),
                  [](const ScoredChunk& a, const ScoredChunk& b) { return a.score > b.score; });
        dense.resize(std::min(dense.size(), static_cast<size_t>(options.candidates)));
        for (size_t i = 0; i < dense.size(); ++i) {
            Fused& f = fused[dense[i].chunkId];
            f.denseRank = static_cast<int>(i) + 1;
            f.score += 1.0 / (kRrfK + f.denseRank);
        }
    }

    std::vector<std::pair<qint64, Fused>> ranked(fused.begin(), fused.end());
    // Ties (equal fused score) break on the chunk id so results are reproducible.
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second.score != b.second.score ? a.second.score > b.second.score : a.first < b.first;
    });
    ranked.resize(std::min(ranked.size(), static_cast<size_t>(options.k)));
    std::vector<qint64> ids;
    for (const auto& [id, f] : ranked)
        ids.push_back(id);
    auto found = ChunkStore(db).hits(ids);
    if (!found)
        return found.error();
    hits = std::move(*found);
    const QStringList terms = TextAnalyzer::contentWords(query);
    for (Hit& hit : hits) {
        const Fused& f = fused[hit.chunkId];
        hit.score = f.score;
        hit.lexicalRank = f.lexicalRank;
        hit.denseRank = f.denseRank;
        Snippet snippet = SnippetBuilder::build(hit.text, terms);
        hit.snippet = std::move(snippet.text);
        hit.snippetHighlights = std::move(snippet.highlights);
    }
    return hits;
}

} // namespace docrag
