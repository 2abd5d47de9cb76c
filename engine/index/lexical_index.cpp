#include "engine/index/lexical_index.h"

#include "engine/embed/text_analyzer.h"
#include "engine/store/sql_error.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <limits>

namespace docrag {

LexicalIndex::LexicalIndex(QSqlDatabase db, LexicalWeights weights)
    : m_db(std::move(db))
    , m_weights(weights) {}

namespace {

QString expressionFor(const QStringList& terms) {
    QStringList quoted;
    quoted.reserve(terms.size());
    // Only letters and digits survive the split above, so a term can never contain a quote.
    for (const QString& term : terms)
        quoted << QLatin1Char('"') + term + QLatin1Char('"');
    return quoted.join(QLatin1String(" OR "));
}

} // namespace

QString LexicalIndex::matchExpression(const QString& query) {
    return expressionFor(TextAnalyzer::contentWords(query));
}

Result<std::vector<ScoredChunk>>
LexicalIndex::search(const QString& query, std::span<const qint64> collectionIds, int limit) const {
    return search(query, collectionIds, limit, std::numeric_limits<qint64>::min(),
                  std::numeric_limits<qint64>::max());
}

Result<std::pair<qint64, qint64>> LexicalIndex::idRange() const {
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT (SELECT min(id) FROM chunks), (SELECT max(id) FROM chunks)")) || !q.next())
        return SqlError::from(q, "reading the chunk id range");
    if (q.value(0).isNull())
        return std::pair<qint64, qint64>(0, -1);
    return std::pair<qint64, qint64>(q.value(0).toLongLong(), q.value(1).toLongLong());
}

Result<std::vector<ScoredChunk>> LexicalIndex::search(const QString& query,
                                                      std::span<const qint64> collectionIds, int limit,
                                                      qint64 firstId, qint64 lastId) const {
    std::vector<ScoredChunk> out;
    const QStringList terms = TextAnalyzer::contentWords(query);
    const QString expression = expressionFor(terms);
    if (expression.isEmpty() || limit <= 0)
        return out;

    const QString bm25 = QStringLiteral("docrag_bm25(chunks_fts, %1, %2, %3, %4, %5, ?)")
                             .arg(m_weights.k1)
                             .arg(m_weights.b)
                             .arg(m_weights.title)
                             .arg(m_weights.headingPath)
                             .arg(m_weights.text);
    QString sql;
    if (collectionIds.empty()) {
        sql = QStringLiteral("SELECT rowid, %1 AS s FROM chunks_fts WHERE chunks_fts MATCH ? "
                             "AND rowid BETWEEN ? AND ? ORDER BY s LIMIT ?")
                  .arg(bm25);
    } else {
        QStringList ids;
        for (qint64 id : collectionIds)
            ids << QString::number(id);
        sql =
            QStringLiteral("SELECT f.rowid, %1 AS s FROM chunks_fts f JOIN chunks c ON c.id = f.rowid "
                           "JOIN documents d ON d.id = c.document_id "
                           "WHERE chunks_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND d.collection_id IN (%2) "
                           "ORDER BY s LIMIT ?")
                .arg(bm25, ids.join(QLatin1Char(',')));
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return SqlError::from(q, "preparing the full-text query");
    // The ranking function's term list comes first in the statement, then the MATCH expression.
    q.addBindValue(terms.join(QChar(0x1f)));
    q.addBindValue(expression);
    q.addBindValue(firstId);
    q.addBindValue(lastId);
    q.addBindValue(limit);
    if (!q.exec())
        return SqlError::from(q, "full-text search");
    while (q.next()) {
        // Like FTS5's bm25(), docrag_bm25() is negative, more negative is better: flip it so that
        // higher is better everywhere.
        out.push_back(ScoredChunk{q.value(0).toLongLong(), -q.value(1).toDouble()});
    }
    return out;
}

} // namespace docrag
