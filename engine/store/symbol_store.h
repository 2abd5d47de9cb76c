#pragma once

#include "engine/core/result.h"
#include "engine/core/symbol.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <vector>

namespace docrag {

// Rows of the symbols table, on the connection it is given. Keep one instance per writer: it caches
// its prepared insert.
class SymbolStore final {
public:
    explicit SymbolStore(QSqlDatabase db);

    // The document's symbols become `symbols` (inside the caller's transaction).
    Status replace(qint64 documentId, const std::vector<Symbol>& symbols);
    Result<std::vector<Symbol>> forDocument(qint64 documentId) const;
    // Every symbol of every collection with its document, for the lookup index.
    Result<std::vector<SymbolHit>> all() const;
    // Changes whenever a collection's content does: when to build the lookup index again.
    Result<QString> stamp() const;

private:
    QSqlDatabase m_db;
    QSqlQuery m_insert;
};

} // namespace docrag
