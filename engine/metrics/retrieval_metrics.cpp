#include "engine/metrics/retrieval_metrics.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace docrag {
namespace {

int relevance(const Judgements& judgements, const QString& id) {
    return std::max(0, judgements.value(id, 0));
}

} // namespace

double RetrievalMetrics::ndcgAtK(const QStringList& ranking, const Judgements& judgements, int k) {
    double dcg = 0.0;
    for (int i = 0; i < std::min<int>(k, ranking.size()); ++i)
        dcg += relevance(judgements, ranking[i]) / std::log2(i + 2.0);
    std::vector<int> ideal;
    for (auto it = judgements.begin(); it != judgements.end(); ++it) {
        if (it.value() > 0)
            ideal.push_back(it.value());
    }
    std::sort(ideal.begin(), ideal.end(), std::greater<>());
    double idcg = 0.0;
    for (int i = 0; i < std::min<int>(k, static_cast<int>(ideal.size())); ++i)
        idcg += ideal[static_cast<size_t>(i)] / std::log2(i + 2.0);
    return idcg > 0.0 ? dcg / idcg : 0.0;
}

double RetrievalMetrics::recallAtK(const QStringList& ranking, const Judgements& judgements, int k) {
    const auto relevant = std::count_if(judgements.begin(), judgements.end(), [](int r) { return r > 0; });
    if (relevant == 0)
        return 0.0;
    int found = 0;
    for (int i = 0; i < std::min<int>(k, ranking.size()); ++i)
        found += relevance(judgements, ranking[i]) > 0 ? 1 : 0;
    return static_cast<double>(found) / static_cast<double>(relevant);
}

double RetrievalMetrics::reciprocalRankAtK(const QStringList& ranking, const Judgements& judgements, int k) {
    for (int i = 0; i < std::min<int>(k, ranking.size()); ++i) {
        if (relevance(judgements, ranking[i]) > 0)
            return 1.0 / (i + 1);
    }
    return 0.0;
}

} // namespace docrag
