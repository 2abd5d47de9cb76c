#include "engine/store/symbol_store.h"

#include "engine/store/sql_error.h"
#include "engine/store/sql_text.h"

#include <QVariant>

namespace docrag {

SymbolStore::SymbolStore(QSqlDatabase db)
    : m_db(std::move(db))
    , m_insert(m_db) {}

Status SymbolStore::replace(qint64 documentId, const std::vector<Symbol>& symbols) {
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM symbols WHERE document_id = ?"));
    remove.addBindValue(documentId);
    if (!remove.exec())
        return SqlError::from(remove, "removing a document's symbols");
    if (symbols.empty())
        return {};
    if (m_insert.lastQuery().isEmpty() &&
        !m_insert.prepare(QStringLiteral(
            "INSERT INTO symbols (document_id, name, kind, anchor, line) VALUES (?, ?, ?, ?, ?)")))
        return SqlError::from(m_insert, "preparing the symbol insert");
    for (const Symbol& s : symbols) {
        m_insert.bindValue(0, documentId);
        m_insert.bindValue(1, sqlText(s.name));
        m_insert.bindValue(2, sqlText(s.kind));
        m_insert.bindValue(3, sqlText(s.anchor));
        m_insert.bindValue(4, s.line);
        if (!m_insert.exec())
            return SqlError::from(m_insert, "storing a symbol");
    }
    return {};
}

Result<std::vector<Symbol>> SymbolStore::forDocument(qint64 documentId) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT name, kind, anchor, line FROM symbols WHERE document_id = ? ORDER BY id"));
    q.addBindValue(documentId);
    if (!q.exec())
        return SqlError::from(q, "reading a document's symbols");
    std::vector<Symbol> out;
    while (q.next())
        out.push_back(
            Symbol{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt()});
    return out;
}

Result<std::vector<SymbolHit>> SymbolStore::all() const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT s.name, s.kind, s.anchor, s.line, s.document_id, d.collection_id, k.name, "
                           "d.path, d.title FROM symbols s JOIN documents d ON d.id = s.document_id "
                           "JOIN collections k ON k.id = d.collection_id ORDER BY s.id")))
        return SqlError::from(q, "reading the symbols");
    std::vector<SymbolHit> out;
    while (q.next()) {
        SymbolHit h;
        h.symbol =
            Symbol{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt()};
        h.documentId = q.value(4).toLongLong();
        h.collectionId = q.value(5).toLongLong();
        h.collection = q.value(6).toString();
        h.path = q.value(7).toString();
        h.title = q.value(8).toString();
        out.push_back(std::move(h));
    }
    return out;
}

Result<QString> SymbolStore::stamp() const {
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT group_concat(g, ',') FROM (SELECT id || ':' || generation AS g FROM "
                               "collections ORDER BY id)")) ||
        !q.next())
        return SqlError::from(q, "reading the collections' generations");
    return q.value(0).toString();
}

} // namespace docrag
