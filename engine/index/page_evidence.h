#pragma once

#include "engine/core/hit.h"
#include "engine/index/reranker.h"

#include <vector>

namespace docrag {

// Evidence from a passage's page as a whole, for the re-ranking stage: documentation answers a question on
// a page, and a page whose several sections match the question is likelier to answer it than a lone
// matching sentence on another page (measured on tests/eval's tuning halves: BENCHMARKS.md).
class PageEvidence final {
public:
    // Sets RerankParts::page of each of the first parts.size() hits (the re-ranked pool, whose other
    // parts are already scored): up to `weight` for the page with the most evidence, 0 for a page with a
    // single matching section.
    static void add(const std::vector<Hit>& hits, double weight, std::vector<RerankParts>& parts);
};

} // namespace docrag
