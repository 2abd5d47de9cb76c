#include "engine/index/lexical_index.h"

#include "engine/embed/text_analyzer.h"
#include "engine/index/joined_terms.h"
#include "engine/store/fts_ranker.h"
#include "engine/store/sql_error.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <numeric>

namespace docrag {

// One FTS5 query: the MATCH expression, the term of each of its phrases in order (empty for a phrase
// that repeats one and is not scored), and from which phrase on the terms were skipped (-1: none).
struct LexicalIndex::Plan final {
    QString expression;
    QStringList phraseTerms;
    int skippedFrom = -1;
};

struct LexicalIndex::Found final {
    std::vector<ScoredChunk> hits;
    double skippedBound = 0.0; // the most a row holding only skipped terms can score

    // No row left out can be among the first `limit`.
    bool complete(int limit) const {
        return hits.size() == static_cast<size_t>(limit) && hits.back().score > skippedBound;
    }
};

// The query's words rarest first, with the rows holding each.
struct LexicalIndex::Counted final {
    QStringList terms;
    std::vector<qint64> documents;
    qint64 rows = 0;
};

LexicalIndex::LexicalIndex(QSqlDatabase db, LexicalWeights weights, const FtsRanker* ranker,
                           LexicalSkipping skipping)
    : m_db(std::move(db))
    , m_weights(weights)
    , m_ranker(ranker)
    , m_skipping(skipping) {}

namespace {

// Searches skipping words before one that scores every row.
constexpr int kPrunedTries = 3;

QString expressionFor(const QStringList& terms) {
    QStringList quoted;
    quoted.reserve(terms.size());
    // Only letters and digits survive the split above, so a term can never contain a quote.
    for (const QString& term : terms)
        quoted << QLatin1Char('"') + term + QLatin1Char('"');
    return quoted.join(QLatin1String(" OR "));
}

} // namespace

std::optional<LexicalIndex::Counted> LexicalIndex::counted(const QStringList& terms) const {
    if (!m_ranker || terms.size() < 2)
        return std::nullopt;
    const auto known = m_ranker->knownFrequencies(terms);
    if (!known)
        return std::nullopt; // the first query with a word counts it
    std::vector<qsizetype> order(static_cast<size_t>(terms.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return known->documents[a] < known->documents[b]; });
    Counted counted;
    counted.rows = known->rows;
    for (const qsizetype i : order) {
        counted.terms << terms[i];
        counted.documents.push_back(known->documents[static_cast<size_t>(i)]);
    }
    return counted;
}

LexicalIndex::Plan LexicalIndex::skipping(const Counted& counted, qsizetype kept) {
    const QStringList keptTerms = counted.terms.first(kept);
    const QStringList skippedTerms = counted.terms.sliced(kept);
    // (kept) AND (kept OR skipped): rows with a kept word, with every word's occurrences for the score.
    Plan plan;
    plan.expression =
        QStringLiteral("(%1) AND (%1 OR %2)").arg(expressionFor(keptTerms), expressionFor(skippedTerms));
    plan.phraseTerms = keptTerms;
    for (qsizetype i = 0; i < kept; ++i)
        plan.phraseTerms << QString();
    plan.skippedFrom = static_cast<int>(plan.phraseTerms.size());
    plan.phraseTerms << skippedTerms;
    return plan;
}

qsizetype LexicalIndex::firstKept(const Counted& counted) const {
    // The rarest word always stays: a row must hold at least one word that is not skipped.
    qsizetype kept = 1;
    while (kept < counted.terms.size() &&
           static_cast<double>(counted.documents[static_cast<size_t>(kept)]) <=
               std::max(m_skipping.share * static_cast<double>(counted.rows), m_skipping.rows))
        ++kept;
    return kept;
}

qsizetype LexicalIndex::keptToBeat(const Counted& counted, double k1, double score) {
    // Skip from the most frequent word, whose bound is the lowest, while the skipped cannot reach `score`.
    qsizetype kept = counted.terms.size();
    double bound = 0.0;
    while (kept > 1) {
        const double next =
            FtsRanker::idf(counted.rows, counted.documents[static_cast<size_t>(kept - 1)]) * (k1 + 1.0);
        if (bound + next >= score)
            break;
        bound += next;
        --kept;
    }
    return kept;
}

QString LexicalIndex::matchExpression(const QString& query) {
    return expressionFor(TextAnalyzer::contentWords(query));
}

std::optional<QString> LexicalIndex::prunedExpression(const QString& query) const {
    const auto known = counted(TextAnalyzer::contentWords(query));
    if (!known || firstKept(*known) == known->terms.size())
        return std::nullopt;
    return skipping(*known, firstKept(*known)).expression;
}

Result<std::vector<ScoredChunk>> LexicalIndex::search(const QString& query,
                                                      std::span<const qint64> collectionIds, int limit,
                                                      QStringList* tried) const {
    QStringList terms = TextAnalyzer::contentWords(query);
    if (m_weights.joinWords) {
        for (const QString& term : JoinedTerms::of(query)) {
            if (!terms.contains(term))
                terms << term;
        }
    }
    if (terms.isEmpty() || limit <= 0)
        return std::vector<ScoredChunk>();
    const auto known = counted(terms);
    qsizetype kept = known ? firstKept(*known) : terms.size();
    // Each try keeps more words; after a few, scoring every row costs less than another try.
    for (int tries = 0; tries < kPrunedTries && kept < terms.size(); ++tries) {
        const Plan plan = skipping(*known, kept);
        if (tried)
            *tried << plan.expression;
        auto found = run(plan, collectionIds, limit);
        if (!found)
            return found.error();
        // Every row left out scores at most the bound: below the last row found, it cannot be missing.
        if (found->complete(limit))
            return std::move(found->hits);
        // The rows found are real rows with their whole scores, so the true last row scores at least as
        // much as the last found: skipping only the words that together cannot reach it is still exact.
        // With too few rows found, the next rarest word joins.
        kept = found->hits.size() == static_cast<size_t>(limit)
                   ? std::max(kept + 1, keptToBeat(*known, m_weights.k1, found->hits.back().score))
                   : kept + 1;
    }
    const Plan plan{expressionFor(terms), terms, -1};
    if (tried)
        *tried << plan.expression;
    auto found = run(plan, collectionIds, limit);
    if (!found)
        return found.error();
    return std::move(found->hits);
}

Result<LexicalIndex::Found> LexicalIndex::run(const Plan& plan, std::span<const qint64> collectionIds,
                                              int limit) const {
    QString columns = QStringLiteral("docrag_bm25(chunks_fts, %1, %2, %3, %4, %5, ?) AS s")
                          .arg(m_weights.k1)
                          .arg(m_weights.b)
                          .arg(m_weights.title)
                          .arg(m_weights.headingPath)
                          .arg(m_weights.text);
    if (plan.skippedFrom >= 0)
        columns += QStringLiteral(", docrag_bm25_bound(chunks_fts, %1, ?, %2)")
                       .arg(m_weights.k1)
                       .arg(plan.skippedFrom);
    QString sql;
    if (collectionIds.empty()) {
        sql = QStringLiteral("SELECT rowid, %1 FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY s LIMIT ?")
                  .arg(columns);
    } else {
        QStringList numbers;
        for (qint64 id : collectionIds)
            numbers << QString::number(id);
        const QString ids = numbers.join(QLatin1Char(','));
        // Each hit's document comes from the compact chunks_owner index, not from the passage's row:
        // SQLite's planner would read the table (rowid lookup), and without the CROSS JOINs it would
        // walk the collection's documents for every hit.
        // The collections' span of chunk ids (migration 4) bounds the rowids FTS5 reads.
        sql = QStringLiteral("SELECT f.rowid, %1 FROM chunks_fts f "
                             "CROSS JOIN chunks c INDEXED BY chunks_owner ON c.id = f.rowid "
                             "CROSS JOIN documents d ON d.id = c.document_id "
                             "WHERE chunks_fts MATCH ? AND d.collection_id IN (%2) AND f.rowid BETWEEN "
                             "(SELECT MIN(chunk_id_first) FROM collections WHERE id IN (%2)) AND "
                             "(SELECT MAX(chunk_id_last) FROM collections WHERE id IN (%2)) "
                             "ORDER BY s LIMIT ?")
                  .arg(columns, ids);
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return SqlError::from(q, "preparing the full-text query");
    // The ranking functions' term lists come first in the statement, then the MATCH expression.
    const QString phraseTerms = plan.phraseTerms.join(QChar(0x1f));
    q.addBindValue(phraseTerms);
    if (plan.skippedFrom >= 0)
        q.addBindValue(phraseTerms);
    q.addBindValue(plan.expression);
    q.addBindValue(limit);
    if (!q.exec())
        return SqlError::from(q, "full-text search");
    Found found;
    while (q.next()) {
        // Like FTS5's bm25(), docrag_bm25() is negative, more negative is better: flip it so that
        // higher is better everywhere.
        found.hits.push_back(ScoredChunk{q.value(0).toLongLong(), -q.value(1).toDouble()});
        if (plan.skippedFrom >= 0)
            found.skippedBound = q.value(2).toDouble();
    }
    return found;
}

} // namespace docrag
