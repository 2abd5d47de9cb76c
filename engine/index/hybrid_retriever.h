#pragma once

#include "engine/core/hit.h"
#include "engine/core/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace docrag {

class Database;
class Embedder;
class VectorIndexManager;

enum class SearchMode { Hybrid, Lexical, Dense };

struct SearchOptions final {
    int k = 5;
    QStringList collections; // names; empty = all
    QString docType;         // empty = any
    SearchMode mode = SearchMode::Hybrid;
    int candidates = 50; // per retriever, before fusion
};

// BM25 and dense search over the chosen collections, fused by reciprocal rank fusion.
// Callable from any thread (each thread uses its own database connection).
class HybridRetriever final {
public:
    static constexpr double kRrfK = 60.0;

    HybridRetriever(Database& database, VectorIndexManager& indexes, const Embedder& embedder);

    Result<std::vector<Hit>> search(const QString& query, const SearchOptions& options) const;

private:
    Database& m_database;
    VectorIndexManager& m_indexes;
    const Embedder& m_embedder;
};

} // namespace docrag
