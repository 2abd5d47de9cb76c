#pragma once

#include "engine/core/collection.h"
#include "engine/core/result.h"
#include "engine/index/scored_chunk.h"

#include <QSqlDatabase>

#include <span>
#include <vector>

namespace docrag {

// Dense search straight over the embeddings table: what answers while a collection's vector index is
// missing or stale and being rebuilt in the background. Exact, and linear in the collection's size.
class ExactVectorScan final {
public:
    explicit ExactVectorScan(QSqlDatabase db);

    Result<std::vector<ScoredChunk>> search(const Collection& collection, std::span<const float> query,
                                            size_t k) const;

private:
    QSqlDatabase m_db;
};

} // namespace docrag
