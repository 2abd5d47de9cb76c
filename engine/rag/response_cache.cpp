#include "engine/rag/response_cache.h"

#include "engine/core/clock.h"
#include "engine/core/hashing.h"
#include "engine/store/database.h"
#include "engine/store/sql_error.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace docrag {

ResponseCache::ResponseCache(Database& database, const Clock& clock, qint64 ttlMs)
    : m_database(database)
    , m_clock(clock)
    , m_ttlMs(ttlMs) {}

QString ResponseCache::normalise(const QString& question) {
    QString q = question.toLower().simplified();
    while (!q.isEmpty() && (q.back().isPunct() || q.back().isSpace()))
        q.chop(1);
    return q;
}

QString ResponseCache::key(const QString& question, QStringList collections, const QString& model) {
    collections.sort();
    collections.removeDuplicates();
    // The unit separator cannot occur in a question typed on one line, so parts cannot run together.
    const QString material =
        normalise(question) + QChar(0x1f) + collections.join(QChar(0x1e)) + QChar(0x1f) + model;
    return Hashing::toHex(Hashing::xxh3(QStringView(material))) +
           Hashing::toHex(Hashing::xxh3(QStringView(material), 0x9e3779b97f4a7c15ULL));
}

Result<std::optional<QJsonObject>> ResponseCache::get(const QString& key) {
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT value FROM response_cache WHERE key = ? AND expires_at > ?"));
    q.addBindValue(key);
    q.addBindValue(m_clock.nowMs());
    if (!q.exec())
        return SqlError::from(q, "reading the response cache");
    if (!q.next()) {
        ++m_misses;
        return std::optional<QJsonObject>();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toByteArray());
    if (!doc.isObject()) {
        ++m_misses;
        return std::optional<QJsonObject>();
    }
    ++m_hits;
    return std::optional<QJsonObject>(doc.object());
}

Status ResponseCache::put(const QString& key, const QJsonObject& value, const QStringList& tags) {
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO response_cache(key, value, tags, expires_at) "
                             "VALUES (?, ?, ?, ?)"));
    q.addBindValue(key);
    q.addBindValue(QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
    // "|a|b|": a tag is found with its separators, so "py" never matches "python".
    q.addBindValue(QLatin1Char('|') + tags.join(QLatin1Char('|')) + QLatin1Char('|'));
    q.addBindValue(m_clock.nowMs() + m_ttlMs);
    if (!q.exec())
        return SqlError::from(q, "writing the response cache");
    return {};
}

Result<int> ResponseCache::invalidate(const QString& tag) {
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM response_cache WHERE instr(tags, ?) > 0"));
    q.addBindValue(QLatin1Char('|') + tag + QLatin1Char('|'));
    if (!q.exec())
        return SqlError::from(q, "invalidating the response cache");
    return q.numRowsAffected();
}

Result<int> ResponseCache::prune(int maxEntries) {
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM response_cache WHERE expires_at <= ?"));
    q.addBindValue(m_clock.nowMs());
    if (!q.exec())
        return SqlError::from(q, "pruning the response cache");
    int removed = q.numRowsAffected();
    q.prepare(QStringLiteral("DELETE FROM response_cache WHERE key NOT IN "
                             "(SELECT key FROM response_cache ORDER BY expires_at DESC LIMIT ?)"));
    q.addBindValue(maxEntries);
    if (!q.exec())
        return SqlError::from(q, "pruning the response cache");
    return removed + q.numRowsAffected();
}

} // namespace docrag
