#include "engine/store/chunk_store.h"

#include "engine/store/sql_error.h"
#include "engine/store/sql_text.h"
#include "engine/store/sql_vector.h"

#include <QSqlQuery>
#include <QVariant>

#include <cstring>

namespace docrag {
namespace {

qint64 toSql(quint64 hash) {
    return static_cast<qint64>(hash);
}

quint64 fromSql(const QVariant& v) {
    return static_cast<quint64>(v.toLongLong());
}

// "(?, ?, ?), (?, ?, ?)" for a multi-row VALUES clause.
QString rowPlaceholders(int columns, size_t rows) {
    QString row = QStringLiteral("(?");
    for (int c = 1; c < columns; ++c)
        row += QStringLiteral(", ?");
    row += QLatin1Char(')');
    QString all;
    all.reserve(static_cast<qsizetype>(rows) * (row.size() + 2));
    for (size_t r = 0; r < rows; ++r) {
        if (r > 0)
            all += QStringLiteral(", ");
        all += row;
    }
    return all;
}

constexpr size_t kRowsPerStatement = 64;

} // namespace

ChunkStore::ChunkStore(QSqlDatabase db)
    : m_db(std::move(db)) {}

Status ChunkStore::insert(qint64 documentId, std::vector<Chunk>& chunks, const QString& embedderId,
                          std::span<const float> vectors, int dim) {
    if (vectors.size() != chunks.size() * static_cast<size_t>(dim))
        return Error{ErrorCode::Internal,
                     QStringLiteral("%1 vectors for %2 chunks").arg(vectors.size()).arg(chunks.size())};
    if (chunks.empty())
        return {};
    // Ids are assigned here rather than by SQLite so that a whole file goes in with a few multi-row
    // statements. That matters: every statement that fires triggers opens a savepoint, and FTS5
    // flushes its pending terms to a new segment at each savepoint; row-by-row inserts made one FTS5
    // segment per chunk. The caller's transaction makes the writer the only one choosing ids.
    QSqlQuery maxId(m_db);
    if (!maxId.exec(
            QStringLiteral("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'chunks'), 0), "
                           "COALESCE((SELECT MAX(id) FROM chunks), 0))")) ||
        !maxId.next())
        return SqlError::from(maxId, "allocating chunk ids");
    qint64 nextId = maxId.value(0).toLongLong() + 1;
    for (Chunk& c : chunks) {
        c.id = nextId++;
        c.documentId = documentId;
    }
    for (size_t from = 0; from < chunks.size(); from += kRowsPerStatement) {
        const size_t to = std::min(chunks.size(), from + kRowsPerStatement);
        QSqlQuery& chunkQuery = insertStatement(false, to - from);
        int param = 0;
        for (size_t i = from; i < to; ++i) {
            const Chunk& c = chunks[i];
            chunkQuery.bindValue(param++, c.id);
            chunkQuery.bindValue(param++, documentId);
            chunkQuery.bindValue(param++, c.ordinal);
            chunkQuery.bindValue(param++, sqlText(c.headingPath));
            chunkQuery.bindValue(param++, sqlText(c.text));
            chunkQuery.bindValue(param++, toSql(c.textHash));
            chunkQuery.bindValue(param++, c.tokenCount);
            chunkQuery.bindValue(param++, c.locStart);
            chunkQuery.bindValue(param++, c.locEnd);
            chunkQuery.bindValue(param++, c.page);
            chunkQuery.bindValue(param++, sqlText(c.anchor));
        }
        if (!chunkQuery.exec())
            return SqlError::from(chunkQuery, "storing chunks");
        QSqlQuery& vectorQuery = insertStatement(true, to - from);
        param = 0;
        for (size_t i = from; i < to; ++i) {
            vectorQuery.bindValue(param++, chunks[i].id);
            vectorQuery.bindValue(param++, embedderId);
            vectorQuery.bindValue(param++, vectorBlob(vectors.subspan(i * dim, dim)));
        }
        if (!vectorQuery.exec())
            return SqlError::from(vectorQuery, "storing embeddings");
    }
    return {};
}

QSqlQuery& ChunkStore::insertStatement(bool vectors, size_t rows) {
    auto [it, inserted] = m_inserts.try_emplace({vectors, rows}, m_db);
    if (inserted) {
        it->second.prepare(
            vectors ? QStringLiteral("INSERT INTO embeddings (chunk_id, embedder_id, vector) VALUES ") +
                          rowPlaceholders(3, rows)
                    : QStringLiteral("INSERT INTO chunks (id, document_id, ordinal, heading_path, text, "
                                     "text_hash, token_count, loc_start, loc_end, page, anchor) VALUES ") +
                          rowPlaceholders(11, rows));
    }
    return it->second;
}

Result<std::vector<qint64>> ChunkStore::idsForDocument(qint64 documentId) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM chunks WHERE document_id = ? ORDER BY ordinal"));
    q.addBindValue(documentId);
    if (!q.exec())
        return SqlError::from(q, "listing chunks");
    std::vector<qint64> ids;
    while (q.next())
        ids.push_back(q.value(0).toLongLong());
    return ids;
}

Result<std::vector<qint64>> ChunkStore::removeForDocument(qint64 documentId) {
    auto ids = idsForDocument(documentId);
    if (!ids)
        return ids;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM chunks WHERE document_id = ?"));
    q.addBindValue(documentId);
    if (!q.exec())
        return SqlError::from(q, "removing chunks");
    return ids;
}

Result<std::unordered_map<quint64, std::vector<float>>>
ChunkStore::vectorsForDocument(qint64 documentId, const QString& embedderId) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT c.text_hash, e.vector FROM chunks c JOIN embeddings e ON e.chunk_id = c.id "
                       "WHERE c.document_id = ? AND e.embedder_id = ?"));
    q.addBindValue(documentId);
    q.addBindValue(embedderId);
    if (!q.exec())
        return SqlError::from(q, "reading embeddings");
    std::unordered_map<quint64, std::vector<float>> out;
    while (q.next()) {
        const QByteArray blob = q.value(1).toByteArray();
        const auto v = blobVector(blob);
        out.emplace(fromSql(q.value(0)), std::vector<float>(v.begin(), v.end()));
    }
    return out;
}

Status ChunkStore::forEachVector(qint64 collectionId, const QString& embedderId,
                                 const std::function<void(qint64, std::span<const float>)>& visit,
                                 std::stop_token stop) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT e.chunk_id, e.vector FROM embeddings e JOIN chunks c ON c.id = e.chunk_id "
                       "JOIN documents d ON d.id = c.document_id "
                       "WHERE d.collection_id = ? AND e.embedder_id = ?"));
    q.addBindValue(collectionId);
    q.addBindValue(embedderId);
    if (!q.exec())
        return SqlError::from(q, "reading embeddings");
    for (int row = 0; q.next(); ++row) {
        if (row % 1024 == 0 && stop.stop_requested())
            return Error{ErrorCode::Cancelled, QStringLiteral("stopped")};
        const QByteArray blob = q.value(1).toByteArray();
        visit(q.value(0).toLongLong(), blobVector(blob));
    }
    return {};
}

Result<qint64> ChunkStore::countVectors(qint64 collectionId, const QString& embedderId) const {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM embeddings e JOIN chunks c ON c.id = e.chunk_id "
                             "JOIN documents d ON d.id = c.document_id "
                             "WHERE d.collection_id = ? AND e.embedder_id = ?"));
    q.addBindValue(collectionId);
    q.addBindValue(embedderId);
    if (!q.exec() || !q.next())
        return SqlError::from(q, "counting embeddings");
    return q.value(0).toLongLong();
}

Result<std::vector<Hit>> ChunkStore::hits(std::span<const qint64> ids) const {
    std::vector<Hit> out;
    if (ids.empty())
        return out;
    QStringList placeholders;
    for (qint64 id : ids)
        placeholders << QString::number(id);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Ids are integers we produced ourselves, so inlining them is safe and avoids one query per hit.
    if (!q.exec(QStringLiteral("SELECT c.id, c.document_id, col.name, col.doc_type, d.path, d.title, "
                               "c.heading_path, c.text, c.loc_start, c.loc_end, c.page, c.anchor, c.ordinal "
                               "FROM chunks c JOIN documents d ON d.id = c.document_id "
                               "JOIN collections col ON col.id = d.collection_id WHERE c.id IN (%1)")
                    .arg(placeholders.join(QLatin1Char(',')))))
        return SqlError::from(q, "reading search hits");
    std::unordered_map<qint64, Hit> byId;
    while (q.next()) {
        Hit h;
        h.chunkId = q.value(0).toLongLong();
        h.documentId = q.value(1).toLongLong();
        h.collection = q.value(2).toString();
        h.docType = q.value(3).toString();
        h.path = q.value(4).toString();
        h.title = q.value(5).toString();
        h.headingPath = q.value(6).toString();
        h.text = q.value(7).toString();
        h.locStart = q.value(8).toInt();
        h.locEnd = q.value(9).toInt();
        h.page = q.value(10).toInt();
        h.anchor = q.value(11).toString();
        h.ordinal = q.value(12).toInt();
        byId.emplace(h.chunkId, std::move(h));
    }
    out.reserve(ids.size());
    for (qint64 id : ids) {
        if (auto it = byId.find(id); it != byId.end())
            out.push_back(std::move(it->second));
    }
    return out;
}

Result<qint64> ChunkStore::chunkAt(qint64 documentId, const QString& anchor, int line) const {
    QSqlQuery q(m_db);
    if (!anchor.isEmpty()) {
        q.prepare(QStringLiteral(
            "SELECT id FROM chunks WHERE document_id = ? AND anchor = ? ORDER BY ordinal LIMIT 1"));
        q.addBindValue(documentId);
        q.addBindValue(anchor);
        if (!q.exec())
            return SqlError::from(q, "finding a passage by anchor");
        if (q.next())
            return q.value(0).toLongLong();
    }
    if (line > 0) {
        q.prepare(QStringLiteral("SELECT id FROM chunks WHERE document_id = ? AND loc_start BETWEEN 1 AND ? "
                                 "ORDER BY loc_start DESC, ordinal LIMIT 1"));
        q.addBindValue(documentId);
        q.addBindValue(line);
        if (!q.exec())
            return SqlError::from(q, "finding a passage by line");
        if (q.next())
            return q.value(0).toLongLong();
    }
    return qint64(0);
}

Result<std::vector<Chunk>> ChunkStore::chunksForDocument(qint64 documentId) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT id, ordinal, heading_path, text, text_hash, token_count, loc_start, loc_end, "
                       "page, anchor FROM chunks WHERE document_id = ? ORDER BY ordinal"));
    q.addBindValue(documentId);
    if (!q.exec())
        return SqlError::from(q, "reading chunks");
    std::vector<Chunk> out;
    while (q.next()) {
        Chunk c;
        c.id = q.value(0).toLongLong();
        c.documentId = documentId;
        c.ordinal = q.value(1).toInt();
        c.headingPath = q.value(2).toString();
        c.text = q.value(3).toString();
        c.textHash = fromSql(q.value(4));
        c.tokenCount = q.value(5).toInt();
        c.locStart = q.value(6).toInt();
        c.locEnd = q.value(7).toInt();
        c.page = q.value(8).toInt();
        c.anchor = q.value(9).toString();
        out.push_back(std::move(c));
    }
    return out;
}

Result<std::vector<float>> ChunkStore::vectorsInOrder(qint64 documentId, const QString& embedderId,
                                                      int dim) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT e.vector FROM chunks c LEFT JOIN embeddings e ON e.chunk_id = c.id "
                             "AND e.embedder_id = ? WHERE c.document_id = ? ORDER BY c.ordinal"));
    q.addBindValue(embedderId);
    q.addBindValue(documentId);
    if (!q.exec())
        return SqlError::from(q, "reading a document's vectors");
    std::vector<float> out;
    while (q.next()) {
        const QByteArray blob = q.value(0).toByteArray();
        const auto v = blobVector(blob);
        if (static_cast<int>(v.size()) != dim)
            return Error{ErrorCode::Corrupt,
                         QStringLiteral("a passage of document %1 has no vector of %2 dimensions for %3")
                             .arg(documentId)
                             .arg(dim)
                             .arg(embedderId)};
        out.insert(out.end(), v.begin(), v.end());
    }
    return out;
}

} // namespace docrag
