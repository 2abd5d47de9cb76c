#pragma once

#include "engine/core/result.h"

#include <QSqlDatabase>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace docrag {

// Installs docrag_bm25(), an FTS5 ranking function, on a connection:
//   docrag_bm25(chunks_fts, k1, b, weight_title, weight_heading_path, weight_text [, terms])
// where `terms` names the query's phrases in order, separated by U+001F, so that their document
// frequencies can be remembered between queries.
// It scores like FTS5's bm25() (weighted term frequencies, document length normalised by the
// average), with two differences: k1 and b are parameters (BM25 is tuned per corpus), and each
// row's length is remembered per connection instead of being read from the %_docsize table for
// every matching row on every query, which made ranking, not matching, the cost of a search. For the
// same reason the document frequency of each query term is remembered until the table changes, once
// for all the connections a ranker was installed on (the connections of one database).
// Row lengths never go stale because chunk ids are never reused (see ChunkStore::insert).
//   docrag_bm25_bound(chunks_fts, k1, terms, first)
// is the most the scored phrases from position `first` on can add to a row's score; an empty term in
// `terms` marks a phrase that is not scored (see LexicalIndex's pruned queries).
class FtsRanker final {
public:
    struct TermStats;

    FtsRanker();
    ~FtsRanker();
    FtsRanker(const FtsRanker&) = delete;
    FtsRanker& operator=(const FtsRanker&) = delete;

    Status install(QSqlDatabase db) const;

    // What the last queries counted: the rows of the table and how many rows hold each term. Nothing
    // when a term was not counted since the table last changed. A hint for planning a query only:
    // a write since the last query is not seen here.
    struct KnownFrequencies final {
        qint64 rows = 0;
        std::vector<qint64> documents; // by term
    };
    std::optional<KnownFrequencies> knownFrequencies(const QStringList& terms) const;

    // The inverse document frequency docrag_bm25() gives a term in `documents` of `rows` rows.
    static double idf(qint64 rows, qint64 documents);

private:
    std::shared_ptr<TermStats> m_terms; // connections keep it alive until they close
};

} // namespace docrag
