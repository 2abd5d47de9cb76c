#pragma once

#include "engine/core/result.h"
#include "engine/index/scored_chunk.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace docrag {

class FtsRanker;

// BM25 parameters and the column weights of chunks_fts.
struct LexicalWeights final {
    double k1 = 1.2;
    double b = 0.75;
    double title = 1.0;
    double headingPath = 1.5;
    double text = 1.0;
    bool joinWords = false; // also look for neighbouring words written as one (JoinedTerms)
};

// Which words a search skips first: those in more than `share` of the rows and more than `rows` rows.
// Below a few thousand rows, scoring them costs less than the tries skipping may need.
struct LexicalSkipping final {
    double share = 0.02;
    double rows = 5000;
};

// BM25 over the chunks_fts FTS5 table, with per-column weights.
//
// A question with a frequent word matches most of the table, and every match has to be scored. Given
// the ranker whose term counts it can read, a search first skips the rows that hold only the most
// frequent words (MaxScore, Turtle and Flood 1995): FTS5 then jumps over those words' postings instead
// of scoring them. That is exact when the last of the `limit` rows found outscores the most a row with
// only the skipped words could score; otherwise the search tries again, skipping fewer words: only
// those that together cannot reach the last row found, or, when too few rows were found, all but the
// next rarest. After a few tries it scores every row.
class LexicalIndex final {
public:
    explicit LexicalIndex(QSqlDatabase db, LexicalWeights weights = {}, const FtsRanker* ranker = nullptr,
                          LexicalSkipping skipping = {});

    // Best first. `collectionIds` empty means every collection. User text never reaches FTS5 as
    // syntax, so no question can make the query fail. `tried`, when given, receives each FTS5
    // expression the search ran, in order.
    Result<std::vector<ScoredChunk>> search(const QString& query, std::span<const qint64> collectionIds,
                                            int limit, QStringList* tried = nullptr) const;

    // The expression a search of `query` tries first, skipping the rows with only frequent words;
    // nothing when it cannot skip any (no ranker, one word, or a word not counted yet).
    std::optional<QString> prunedExpression(const QString& query) const;

    // The FTS5 expression for free text: each word quoted, OR-ed; stopwords dropped unless the
    // question has nothing else. Empty when the text has no words.
    static QString matchExpression(const QString& query);

private:
    struct Plan;
    struct Found;
    struct Counted;

    std::optional<Counted> counted(const QStringList& terms) const;
    qsizetype firstKept(const Counted& counted) const;
    static Plan skipping(const Counted& counted, qsizetype kept);
    // How many of the rarest words a search must keep so that a row with only the others scores less
    // than `score`.
    static qsizetype keptToBeat(const Counted& counted, double k1, double score);
    Result<Found> run(const Plan& plan, std::span<const qint64> collectionIds, int limit) const;

    QSqlDatabase m_db;
    LexicalWeights m_weights;
    const FtsRanker* m_ranker = nullptr;
    LexicalSkipping m_skipping;
};

} // namespace docrag
