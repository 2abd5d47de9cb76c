#pragma once

#include "engine/core/result.h"
#include "engine/core/symbol.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <vector>

namespace docrag {

class Database;
class SymbolIndex;

// Lookups of API names by what is typed, for the library's type-ahead and `docrag-cli lookup`. The
// in-memory index is built from the symbols table on first use and again after a collection changed
// (any process's ingest): a keystroke costs a cheap check and the lookup. Safe from any thread.
class SymbolLookup final {
public:
    explicit SymbolLookup(Database& database);
    ~SymbolLookup();

    // The best `limit` symbols for `typed`, best first; only those of `collections` (names) when given.
    Result<std::vector<SymbolHit>> lookup(const QString& typed, int limit,
                                          const QStringList& collections = {});
    // The current index: benchmarks time its lookups alone.
    Result<std::shared_ptr<const SymbolIndex>> index();

private:
    Database& m_database;
    std::mutex m_mutex; // guards the two below, never held while the index is built
    QString m_stamp;
    std::shared_ptr<const SymbolIndex> m_index;
};

} // namespace docrag
