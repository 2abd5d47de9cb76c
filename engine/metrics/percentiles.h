#pragma once

#include <cstddef>
#include <vector>

namespace docrag {

struct LatencySummary final {
    std::size_t count = 0;
    double avg = 0.0;
    double min = 0.0;
    double max = 0.0;
    double p50 = 0.0;
    double p95 = 0.0;
    double p99 = 0.0;
};

// Percentiles by the nearest-rank method: the smallest sample with at least p% of the samples at
// or below it. Always one of the measured values, never an interpolation.
class Percentiles final {
public:
    static double nearestRank(std::vector<double> samples, double percent);
    static LatencySummary summarize(std::vector<double> samples);
};

} // namespace docrag
