#include "engine/library/feedback_sharer.h"

#include "engine/core/source.h"
#include "engine/library/library_connection.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

namespace docrag {
namespace {

struct Pending final {
    qint64 id = 0;
    QString question;
    QString answer;
    int rating = 0;
    QString note;
    QStringList collections;
};

QStringList citedCollections(const QString& sourcesJson) {
    QStringList out;
    for (const QJsonValue& v : QJsonDocument::fromJson(sourcesJson.toUtf8()).array()) {
        const QString name = Source::fromJson(v.toObject()).collection;
        if (!name.isEmpty() && !out.contains(name))
            out << name;
    }
    return out;
}

} // namespace

FeedbackSharer::FeedbackSharer(Database& local, QString origin)
    : m_local(local)
    , m_origin(std::move(origin)) {}

QString FeedbackSharer::originOf(const QString& databasePath) {
    // Stable for a data folder on a machine, and says nothing about either.
    const QByteArray seed = QSysInfo::machineUniqueId() + '\n' + databasePath.toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(16));
}

Result<int> FeedbackSharer::share(const TeamLibrary& library, LibraryConnection& connection) {
    if (!library.shareFeedback)
        return 0;
    auto collections = CollectionStore(m_local.connection()).list();
    if (!collections)
        return collections.error();
    QSet<QString> replicas;
    for (const Collection& c : *collections)
        if (c.libraryId == library.id)
            replicas.insert(c.name);
    QSqlQuery q(m_local.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT m.id, m.content, m.feedback, m.feedback_note, m.sources_json, "
                               "(SELECT u.content FROM messages u WHERE u.conversation_id = "
                               "m.conversation_id AND u.role = 'user' "
                               "AND u.id < m.id ORDER BY u.id DESC LIMIT 1) FROM messages m "
                               "WHERE m.role = 'assistant' AND m.feedback != m.feedback_shared")))
        return Error{ErrorCode::Database, QStringLiteral("reading feedback: %1").arg(q.lastError().text())};
    std::vector<Pending> pending;
    while (q.next()) {
        Pending p{q.value(0).toLongLong(), q.value(5).toString(), q.value(1).toString(),
                  q.value(2).toInt(),      q.value(3).toString(), citedCollections(q.value(4).toString())};
        const bool fromLibrary = std::any_of(p.collections.begin(), p.collections.end(),
                                             [&](const QString& name) { return replicas.contains(name); });
        if (fromLibrary)
            pending.push_back(std::move(p));
    }
    q.finish();
    const QString givenBy =
        connection.url().user.isEmpty() ? qEnvironmentVariable("USER") : connection.url().user;
    int sent = 0;
    for (const Pending& p : pending) {
        QSqlQuery insert(connection.database());
        insert.prepare(
            QStringLiteral("INSERT INTO feedback (origin, collections, question, answer, rating, note, "
                           "given_by) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(QStringLiteral("%1:%2").arg(m_origin).arg(p.id));
        insert.addBindValue(p.collections.join(QLatin1Char(',')));
        insert.addBindValue(p.question);
        insert.addBindValue(p.answer);
        insert.addBindValue(p.rating);
        insert.addBindValue(p.note);
        insert.addBindValue(givenBy);
        if (!insert.exec())
            return connection.error(insert.lastError().text(), "sending feedback");
        Status marked = m_local.transaction([&](QSqlDatabase& db) -> Status {
            QSqlQuery mark(db);
            mark.prepare(QStringLiteral("UPDATE messages SET feedback_shared = ? WHERE id = ?"));
            mark.addBindValue(p.rating);
            mark.addBindValue(p.id);
            if (!mark.exec())
                return Error{ErrorCode::Database,
                             QStringLiteral("recording sent feedback: %1").arg(mark.lastError().text())};
            return {};
        });
        if (!marked)
            return marked.error();
        ++sent;
    }
    return sent;
}

Result<std::vector<FeedbackTopic>> FeedbackSharer::report(LibraryConnection& connection, int limit) {
    QSqlQuery q(connection.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "WITH latest AS (SELECT DISTINCT ON (origin) origin, collections, question, rating, note, given_at "
        "FROM feedback ORDER BY origin, id DESC) "
        "SELECT MIN(question), string_agg(DISTINCT collections, ','), "
        "SUM(CASE WHEN rating < 0 THEN 1 ELSE 0 END), SUM(CASE WHEN rating > 0 THEN 1 ELSE 0 END), "
        "string_agg(NULLIF(note, ''), chr(31) ORDER BY given_at DESC), "
        "(EXTRACT(EPOCH FROM MAX(given_at)) * 1000)::bigint "
        "FROM latest WHERE rating <> 0 GROUP BY lower(btrim(question)) "
        "ORDER BY 3 DESC, 6 DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return connection.error(q.lastError().text(), "reading the team's feedback");
    std::vector<FeedbackTopic> out;
    while (q.next()) {
        FeedbackTopic t;
        t.question = q.value(0).toString();
        t.collections = q.value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        t.collections.removeDuplicates();
        t.notHelpful = q.value(2).toInt();
        t.helpful = q.value(3).toInt();
        t.notes = q.value(4).toString().split(QChar(31), Qt::SkipEmptyParts);
        t.lastAtMs = q.value(5).toLongLong();
        out.push_back(std::move(t));
    }
    return out;
}

} // namespace docrag
