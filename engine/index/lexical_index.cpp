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
};

LexicalIndex::LexicalIndex(QSqlDatabase db, LexicalWeights weights, const FtsRanker* ranker)
    : m_db(std::move(db))
    , m_weights(weights)
    , m_ranker(ranker) {}

namespace {

// A word that is in more rows than this share of the table is skipped when it can be.
constexpr double kFrequentShare = 0.05;

QString expressionFor(const QStringList& terms) {
    QStringList quoted;
    quoted.reserve(terms.size());
    // Only letters and digits survive the split above, so a term can never contain a quote.
    for (const QString& term : terms)
        quoted << QLatin1Char('"') + term + QLatin1Char('"');
    return quoted.join(QLatin1String(" OR "));
}

} // namespace

std::optional<LexicalIndex::Plan> LexicalIndex::prunedPlan(const QStringList& terms) const {
    if (!m_ranker || terms.size() < 2)
        return std::nullopt;
    const auto known = m_ranker->knownFrequencies(terms);
    if (!known)
        return std::nullopt; // the first query with a word counts it
    std::vector<qsizetype> order(static_cast<size_t>(terms.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return known->documents[a] < known->documents[b]; });
    // The rarest word always stays: a row must hold at least one word that is not skipped.
    QStringList kept{terms[order.front()]};
    QStringList skipped;
    for (size_t i = 1; i < order.size(); ++i) {
        const bool frequent = static_cast<double>(known->documents[static_cast<size_t>(order[i])]) >
                              kFrequentShare * static_cast<double>(known->rows);
        (frequent ? skipped : kept) << terms[order[i]];
    }
    if (skipped.isEmpty())
        return std::nullopt;
    // (kept) AND (kept OR skipped): rows with a kept word, with every word's occurrences for the score.
    Plan plan;
    plan.expression = QStringLiteral("(%1) AND (%1 OR %2)").arg(expressionFor(kept), expressionFor(skipped));
    plan.phraseTerms = kept;
    for (qsizetype i = 0; i < kept.size(); ++i)
        plan.phraseTerms << QString();
    plan.skippedFrom = static_cast<int>(plan.phraseTerms.size());
    plan.phraseTerms << skipped;
    return plan;
}

QString LexicalIndex::matchExpression(const QString& query) {
    return expressionFor(TextAnalyzer::contentWords(query));
}

std::optional<QString> LexicalIndex::prunedExpression(const QString& query) const {
    const auto plan = prunedPlan(TextAnalyzer::contentWords(query));
    return plan ? std::optional<QString>(plan->expression) : std::nullopt;
}

Result<std::vector<ScoredChunk>>
LexicalIndex::search(const QString& query, std::span<const qint64> collectionIds, int limit) const {
    QStringList terms = TextAnalyzer::contentWords(query);
    if (m_weights.joinWords) {
        for (const QString& term : JoinedTerms::of(query)) {
            if (!terms.contains(term))
                terms << term;
        }
    }
    if (terms.isEmpty() || limit <= 0)
        return std::vector<ScoredChunk>();
    if (const auto plan = prunedPlan(terms)) {
        auto found = run(*plan, collectionIds, limit);
        if (!found)
            return found.error();
        // Every row left out scores at most the bound: below the last row found, it cannot be missing.
        if (found->hits.size() == static_cast<size_t>(limit) &&
            found->hits.back().score > found->skippedBound)
            return std::move(found->hits);
    }
    auto found = run(Plan{expressionFor(terms), terms, -1}, collectionIds, limit);
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
