#include "engine/metrics/percentiles.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace docrag {
namespace {

double rankOfSorted(const std::vector<double>& sorted, double percent) {
    if (sorted.empty())
        return 0.0;
    const double clamped = std::clamp(percent, 0.0, 100.0);
    const auto rank = static_cast<size_t>(std::ceil(clamped / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::max<size_t>(rank, 1) - 1];
}

} // namespace

double Percentiles::nearestRank(std::vector<double> samples, double percent) {
    std::sort(samples.begin(), samples.end());
    return rankOfSorted(samples, percent);
}

LatencySummary Percentiles::summarize(std::vector<double> samples) {
    LatencySummary s;
    if (samples.empty())
        return s;
    std::sort(samples.begin(), samples.end());
    s.count = samples.size();
    s.avg = std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
    s.min = samples.front();
    s.max = samples.back();
    s.p50 = rankOfSorted(samples, 50.0);
    s.p95 = rankOfSorted(samples, 95.0);
    s.p99 = rankOfSorted(samples, 99.0);
    return s;
}

} // namespace docrag
