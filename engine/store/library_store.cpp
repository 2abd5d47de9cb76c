#include "engine/store/library_store.h"

#include "engine/store/sql_error.h"
#include "engine/store/sql_text.h"

#include <QSqlQuery>
#include <QVariant>

namespace docrag {
namespace {

const QLatin1String kColumns{"id, url, subscribed_at, synced_at, tried_at, last_error, share_feedback"};

TeamLibrary fromRow(const QSqlQuery& q) {
    TeamLibrary l;
    l.id = q.value(0).toLongLong();
    l.url = q.value(1).toString();
    l.subscribedAtMs = q.value(2).toLongLong();
    l.syncedAtMs = q.value(3).toLongLong();
    l.triedAtMs = q.value(4).toLongLong();
    l.lastError = q.value(5).toString();
    l.shareFeedback = q.value(6).toBool();
    return l;
}

} // namespace

LibraryStore::LibraryStore(QSqlDatabase db)
    : m_db(std::move(db)) {}

Result<std::vector<TeamLibrary>> LibraryStore::list() const {
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM libraries ORDER BY url").arg(kColumns)))
        return SqlError::from(q, "listing team libraries");
    std::vector<TeamLibrary> out;
    while (q.next())
        out.push_back(fromRow(q));
    return out;
}

Result<TeamLibrary> LibraryStore::one(const QString& where, const QVariant& value,
                                      const QString& notFound) const {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM libraries WHERE %2 = ?").arg(kColumns, where));
    q.addBindValue(value);
    if (!q.exec())
        return SqlError::from(q, "reading a team library");
    if (!q.next())
        return Error{ErrorCode::NotFound, notFound};
    return fromRow(q);
}

Result<TeamLibrary> LibraryStore::find(const QString& url) const {
    return one(QStringLiteral("url"), sqlText(url),
               QStringLiteral("not subscribed to the team library %1").arg(url));
}

Result<TeamLibrary> LibraryStore::get(qint64 id) const {
    return one(QStringLiteral("id"), id, QStringLiteral("no team library with id %1").arg(id));
}

Result<TeamLibrary> LibraryStore::add(const QString& url, qint64 nowMs) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO libraries (url, subscribed_at) VALUES (?, ?) ON CONFLICT (url) DO NOTHING"));
    q.addBindValue(sqlText(url));
    q.addBindValue(nowMs);
    if (!q.exec())
        return SqlError::from(q, "subscribing to a team library");
    return find(url);
}

Status LibraryStore::remove(qint64 id) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM libraries WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "unsubscribing from a team library");
    return {};
}

Status LibraryStore::recordSync(qint64 id, qint64 nowMs, const QString& error) {
    QSqlQuery q(m_db);
    q.prepare(
        error.isEmpty()
            ? QStringLiteral("UPDATE libraries SET synced_at = ?, tried_at = ?, last_error = ? WHERE id = ?")
            : QStringLiteral("UPDATE libraries SET tried_at = ?, last_error = ? WHERE id = ?"));
    if (error.isEmpty())
        q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    q.addBindValue(sqlText(error));
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "recording a team library's sync");
    return {};
}

Status LibraryStore::setShareFeedback(qint64 id, bool share) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE libraries SET share_feedback = ? WHERE id = ?"));
    q.addBindValue(share ? 1 : 0);
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "changing a team library's feedback sharing");
    return {};
}

} // namespace docrag
