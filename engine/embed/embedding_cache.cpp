#include "engine/embed/embedding_cache.h"

#include "engine/core/clock.h"
#include "engine/store/database.h"
#include "engine/store/sql_error.h"
#include "engine/store/sql_vector.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace docrag {

EmbeddingCache::EmbeddingCache(Database& database, const Clock& clock, size_t memoryEntries)
    : m_database(database)
    , m_clock(clock)
    , m_capacity(std::max<size_t>(1, memoryEntries)) {}

bool EmbeddingCache::fromMemory(const Key& key, std::span<float> out) {
    std::lock_guard lock(m_mutex);
    auto it = m_index.find(key);
    if (it == m_index.end() || it->second->second.size() != out.size())
        return false;
    m_lru.splice(m_lru.begin(), m_lru, it->second);
    std::copy(it->second->second.begin(), it->second->second.end(), out.begin());
    return true;
}

void EmbeddingCache::toMemory(const Key& key, std::span<const float> vector) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_index.find(key); it != m_index.end()) {
        m_lru.splice(m_lru.begin(), m_lru, it->second);
        return;
    }
    m_lru.emplace_front(key, std::vector<float>(vector.begin(), vector.end()));
    m_index.emplace(key, m_lru.begin());
    while (m_lru.size() > m_capacity) {
        m_index.erase(m_lru.back().first);
        m_lru.pop_back();
    }
}

std::vector<bool> EmbeddingCache::lookup(const QString& embedderId, std::span<const quint64> textHashes,
                                         int dimension, std::span<float> out) {
    const auto dim = static_cast<size_t>(dimension);
    std::vector<bool> found(textHashes.size(), false);
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT vector FROM embedding_cache WHERE embedder_id = ? AND text_hash = ?"));
    for (size_t i = 0; i < textHashes.size(); ++i) {
        const Key key{embedderId, textHashes[i]};
        std::span<float> slot = out.subspan(i * dim, dim);
        if (fromMemory(key, slot)) {
            found[i] = true;
            continue;
        }
        q.addBindValue(embedderId);
        q.addBindValue(static_cast<qint64>(textHashes[i]));
        if (q.exec() && q.next()) {
            const QByteArray blob = q.value(0).toByteArray();
            if (blob.size() == static_cast<qsizetype>(dim * sizeof(float))) {
                const auto vector = blobVector(blob);
                std::copy(vector.begin(), vector.end(), slot.begin());
                toMemory(key, slot);
                found[i] = true;
            }
        }
        q.finish();
    }
    for (bool f : found)
        ++(f ? m_hits : m_misses);
    return found;
}

Status EmbeddingCache::store(const QString& embedderId, std::span<const quint64> textHashes, int dimension,
                             std::span<const float> vectors) {
    const auto dim = static_cast<size_t>(dimension);
    for (size_t i = 0; i < textHashes.size(); ++i)
        toMemory(Key{embedderId, textHashes[i]}, vectors.subspan(i * dim, dim));
    const qint64 now = m_clock.nowMs();
    return m_database.transaction([&](QSqlDatabase& db) -> Status {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO embedding_cache(embedder_id, text_hash, vector, created_at) "
            "VALUES (?, ?, ?, ?)"));
        for (size_t i = 0; i < textHashes.size(); ++i) {
            q.addBindValue(embedderId);
            q.addBindValue(static_cast<qint64>(textHashes[i]));
            q.addBindValue(vectorBlob(vectors.subspan(i * dim, dim)));
            q.addBindValue(now);
            if (!q.exec())
                return SqlError::from(q, "writing the embedding cache");
        }
        return {};
    });
}

Result<int> EmbeddingCache::prune(int maxEntries) {
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "DELETE FROM embedding_cache WHERE (embedder_id, text_hash) NOT IN "
        "(SELECT embedder_id, text_hash FROM embedding_cache ORDER BY created_at DESC LIMIT ?)"));
    q.addBindValue(maxEntries);
    if (!q.exec())
        return SqlError::from(q, "pruning the embedding cache");
    return q.numRowsAffected();
}

} // namespace docrag
