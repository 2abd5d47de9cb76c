#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace docrag {

// Relevance judgements of one query: document id -> graded relevance (> 0 is relevant).
using Judgements = QHash<QString, int>;

// Ranking metrics as trec_eval (and so BEIR, through pytrec_eval) defines them.
class RetrievalMetrics final {
public:
    // DCG@k / IDCG@k with gain = relevance and discount log2(rank + 1); the ideal ranking sorts the
    // judged documents by relevance. 0 when nothing is relevant.
    static double ndcgAtK(const QStringList& ranking, const Judgements& judgements, int k);
    // Share of the relevant documents found in the first k.
    static double recallAtK(const QStringList& ranking, const Judgements& judgements, int k);
    // 1 / rank of the first relevant document within the first k, else 0.
    static double reciprocalRankAtK(const QStringList& ranking, const Judgements& judgements, int k);
};

} // namespace docrag
