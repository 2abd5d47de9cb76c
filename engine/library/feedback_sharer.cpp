#include "engine/library/feedback_sharer.h"

#include "engine/core/source.h"
#include "engine/library/library_connection.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/history_store.h"

#include <QCryptographicHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

namespace docrag {
namespace {

QStringList citedCollections(const ChatMessage& answer) {
    QStringList out;
    for (const Source& source : answer.sources) {
        if (!source.collection.isEmpty() && !out.contains(source.collection))
            out << source.collection;
    }
    return out;
}

} // namespace

FeedbackSharer::FeedbackSharer(Database& local, const Clock& clock, QString origin)
    : m_local(local)
    , m_clock(clock)
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
    auto changes = HistoryStore(m_local.connection(), m_clock).feedbackNotShared();
    if (!changes)
        return changes.error();
    const QString givenBy =
        connection.url().user.isEmpty() ? qEnvironmentVariable("USER") : connection.url().user;
    int sent = 0;
    for (const HistoryStore::FeedbackChange& change : *changes) {
        const ChatMessage& answer = change.answer;
        const QStringList cited = citedCollections(answer);
        const bool fromLibrary = std::any_of(cited.begin(), cited.end(),
                                             [&](const QString& name) { return replicas.contains(name); });
        if (!fromLibrary)
            continue;
        QSqlQuery insert(connection.database());
        insert.prepare(
            QStringLiteral("INSERT INTO feedback (origin, collections, question, answer, rating, note, "
                           "given_by) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(QStringLiteral("%1:%2").arg(m_origin).arg(answer.id));
        insert.addBindValue(cited.join(QLatin1Char(',')));
        insert.addBindValue(change.question);
        insert.addBindValue(answer.content);
        insert.addBindValue(answer.feedback);
        insert.addBindValue(answer.feedbackNote);
        insert.addBindValue(givenBy);
        if (!insert.exec())
            return connection.error(insert.lastError().text(), "sending feedback");
        Status marked = m_local.transaction([&](QSqlDatabase& db) {
            return HistoryStore(db, m_clock).setFeedbackShared(answer.id, answer.feedback);
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
