#pragma once

#include "engine/core/result.h"
#include "engine/index/scored_chunk.h"

#include <QSqlDatabase>
#include <QString>

#include <span>
#include <vector>

namespace docrag {

// BM25 parameters and the column weights of chunks_fts.
struct LexicalWeights final {
    double k1 = 1.2;
    double b = 0.75;
    double title = 1.0;
    double headingPath = 1.5;
    double text = 1.0;
};

// BM25 over the chunks_fts FTS5 table, with per-column weights.
class LexicalIndex final {
public:
    explicit LexicalIndex(QSqlDatabase db, LexicalWeights weights = {});

    // Best first. `collectionIds` empty means every collection. User text never reaches FTS5 as
    // syntax, so no question can make the query fail.
    Result<std::vector<ScoredChunk>> search(const QString& query, std::span<const qint64> collectionIds,
                                            int limit) const;
    // The same, over the chunks with ids in [firstId, lastId] only. Scores do not depend on the range
    // (document frequencies and lengths are those of the whole table), so the results of disjoint
    // ranges merge into the result of the whole: large collections are searched in parallel this way.
    Result<std::vector<ScoredChunk>> search(const QString& query, std::span<const qint64> collectionIds,
                                            int limit, qint64 firstId, qint64 lastId) const;

    // The smallest and largest chunk id in the table ((0, -1) when empty).
    Result<std::pair<qint64, qint64>> idRange() const;

    // The FTS5 expression for free text: each word quoted, OR-ed; stopwords dropped unless the
    // question has nothing else. Empty when the text has no words.
    static QString matchExpression(const QString& query);

private:
    QSqlDatabase m_db;
    LexicalWeights m_weights;
};

} // namespace docrag
