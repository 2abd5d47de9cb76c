#pragma once

#include "engine/core/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

namespace docrag {

class Clock;
class Database;

// Answers already given, by normalised question + collections + model, in the response_cache table.
// Entries expire after a TTL and carry the names of the collections they were drawn from as tags: a
// change to a collection drops every answer that used it.
class ResponseCache final {
public:
    static constexpr qint64 kDefaultTtlMs = 7LL * 24 * 3600 * 1000;

    ResponseCache(Database& database, const Clock& clock, qint64 ttlMs = kDefaultTtlMs);

    // Case, spacing and trailing punctuation do not make a question different.
    static QString normalise(const QString& question);
    static QString key(const QString& question, QStringList collections, const QString& model);

    Result<std::optional<QJsonObject>> get(const QString& key);
    Status put(const QString& key, const QJsonObject& value, const QStringList& tags);
    // Drops every entry tagged with `tag` (a collection name); returns how many.
    Result<int> invalidate(const QString& tag);
    // Drops expired entries, then the oldest beyond `maxEntries`.
    Result<int> prune(int maxEntries);

    qint64 hits() const { return m_hits.load(); }
    qint64 misses() const { return m_misses.load(); }

private:
    Database& m_database;
    const Clock& m_clock;
    qint64 m_ttlMs;
    std::atomic<qint64> m_hits{0};
    std::atomic<qint64> m_misses{0};
};

} // namespace docrag
