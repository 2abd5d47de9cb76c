#include "engine/index/page_evidence.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace docrag {

void PageEvidence::add(const std::vector<Hit>& hits, double weight, std::vector<RerankParts>& parts) {
    // A page whose several sections match beats a lone matching passage elsewhere: each passage gets the
    // scores of its page's other matching sections (the best candidate of each heading), halved at each
    // step down, relative to the page with the most such evidence. Pieces of one section are one piece of
    // evidence: a long abstract split in two is not a page that answers twice.
    std::unordered_map<qint64, std::unordered_map<QString, double>> sections;
    for (size_t i = 0; i < parts.size(); ++i) {
        double& best = sections[hits[i].documentId][hits[i].headingPath];
        best = std::max(best, parts[i].total());
    }
    std::unordered_map<qint64, double> evidence;
    double best = 0.0;
    for (const auto& [page, bySection] : sections) {
        std::vector<double> scores;
        for (const auto& [heading, score] : bySection)
            scores.push_back(score);
        std::sort(scores.begin(), scores.end(), std::greater<>());
        double sum = 0.0;
        double factor = 1.0;
        for (size_t j = 1; j < scores.size(); ++j) {
            factor *= 0.5;
            sum += factor * scores[j];
        }
        evidence[page] = sum;
        best = std::max(best, sum);
    }
    if (best <= 0.0)
        return;
    for (size_t i = 0; i < parts.size(); ++i)
        parts[i].page = weight * evidence[hits[i].documentId] / best;
}

} // namespace docrag
