#pragma once

#include <QtGlobal>

namespace docrag {

// A candidate from one retriever: a chunk and its score in that retriever's own scale (higher is better).
struct ScoredChunk final {
    qint64 chunkId = 0;
    double score = 0.0;
};

} // namespace docrag
