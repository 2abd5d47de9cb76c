#pragma once

#include "engine/core/result.h"

#include <QHashFunctions>
#include <QString>

#include <atomic>
#include <list>
#include <mutex>
#include <span>
#include <unordered_map>
#include <vector>

namespace docrag {

class Clock;
class Database;

// Vectors already paid for, by embedder and text hash: an LRU in memory (L1) in front of the
// embedding_cache table (L2). Thread-safe; each thread uses its own database connection.
class EmbeddingCache final {
public:
    EmbeddingCache(Database& database, const Clock& clock, size_t memoryEntries = 4096);

    // Copies every cached vector into its place in `out` (hashes.size() * dimension floats) and
    // returns which were found.
    std::vector<bool> lookup(const QString& embedderId, std::span<const quint64> textHashes, int dimension,
                             std::span<float> out);
    Status store(const QString& embedderId, std::span<const quint64> textHashes, int dimension,
                 std::span<const float> vectors);
    // Keeps the newest `maxEntries` rows of the table.
    Result<int> prune(int maxEntries);

    qint64 hits() const { return m_hits.load(); }
    qint64 misses() const { return m_misses.load(); }

private:
    using Key = std::pair<QString, quint64>;
    struct KeyHash final {
        size_t operator()(const Key& k) const noexcept {
            return qHash(k.first) ^ static_cast<size_t>(k.second);
        }
    };
    bool fromMemory(const Key& key, std::span<float> out);
    void toMemory(const Key& key, std::span<const float> vector);

    Database& m_database;
    const Clock& m_clock;
    size_t m_capacity;
    std::mutex m_mutex;
    std::list<std::pair<Key, std::vector<float>>> m_lru; // most recent first
    std::unordered_map<Key, decltype(m_lru)::iterator, KeyHash> m_index;
    std::atomic<qint64> m_hits{0};
    std::atomic<qint64> m_misses{0};
};

} // namespace docrag
