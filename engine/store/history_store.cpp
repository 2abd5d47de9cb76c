#include "engine/store/history_store.h"

#include "engine/core/clock.h"
#include "engine/store/sql_error.h"
#include "engine/store/sql_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace docrag {
namespace {

QString sourcesJson(const std::vector<Source>& sources) {
    QJsonArray array;
    for (const Source& s : sources)
        array.append(s.toJson());
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::vector<Source> parseSources(const QString& json) {
    std::vector<Source> sources;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array())
        sources.push_back(Source::fromJson(v.toObject()));
    return sources;
}

const char* const kMessageColumns = "id, conversation_id, role, content, created_at, model, latency_ms, "
                                    "tokens_in, tokens_out, feedback, feedback_note, sources_json, finish";

ChatMessage readMessage(const QSqlQuery& q) {
    ChatMessage m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.role = q.value(2).toString();
    m.content = q.value(3).toString();
    m.createdAt = q.value(4).toLongLong();
    m.model = q.value(5).toString();
    m.latencyMs = q.value(6).toLongLong();
    m.tokensIn = q.value(7).toInt();
    m.tokensOut = q.value(8).toInt();
    m.feedback = q.value(9).toInt();
    m.feedbackNote = q.value(10).toString();
    m.sources = parseSources(q.value(11).toString());
    m.finish = q.value(12).toString();
    return m;
}

Error notFound(const char* what, qint64 id) {
    return Error{ErrorCode::NotFound, QStringLiteral("no %1 with id %2").arg(QLatin1String(what)).arg(id)};
}

} // namespace

HistoryStore::HistoryStore(QSqlDatabase db, const Clock& clock)
    : m_db(std::move(db))
    , m_clock(clock) {}

Result<qint64> HistoryStore::createConversation(const QString& title) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO conversations(title, created_at, updated_at) VALUES (?, ?, ?)"));
    const qint64 now = m_clock.nowMs();
    q.addBindValue(sqlText(title.simplified().left(200)));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return SqlError::from(q, "creating a conversation");
    return q.lastInsertId().toLongLong();
}

Result<Conversation> HistoryStore::conversation(qint64 id) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT c.id, c.title, c.created_at, c.updated_at, "
                             "(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) "
                             "FROM conversations c WHERE c.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return SqlError::from(q, "reading a conversation");
    if (!q.next())
        return notFound("conversation", id);
    return Conversation{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                        q.value(3).toLongLong(), q.value(4).toInt()};
}

Result<std::vector<Conversation>> HistoryStore::conversations(const QString& search, int limit) {
    QSqlQuery q(m_db);
    QString sql = QStringLiteral("SELECT c.id, c.title, c.created_at, c.updated_at, "
                                 "(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) "
                                 "FROM conversations c");
    if (!search.isEmpty()) {
        sql += QStringLiteral(" WHERE c.title LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM messages m "
                              "WHERE m.conversation_id = c.id AND m.content LIKE ? ESCAPE '\\')");
    }
    sql += QStringLiteral(" ORDER BY c.updated_at DESC, c.id DESC LIMIT ?");
    q.prepare(sql);
    if (!search.isEmpty()) {
        QString escaped = search;
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        const QString pattern = QLatin1Char('%') + escaped + QLatin1Char('%');
        q.addBindValue(pattern);
        q.addBindValue(pattern);
    }
    q.addBindValue(limit);
    if (!q.exec())
        return SqlError::from(q, "listing conversations");
    std::vector<Conversation> out;
    while (q.next()) {
        out.push_back(Conversation{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                                   q.value(3).toLongLong(), q.value(4).toInt()});
    }
    return out;
}

Status HistoryStore::rename(qint64 conversationId, const QString& title) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE conversations SET title = ? WHERE id = ?"));
    q.addBindValue(sqlText(title.simplified().left(200)));
    q.addBindValue(conversationId);
    if (!q.exec())
        return SqlError::from(q, "renaming a conversation");
    if (q.numRowsAffected() == 0)
        return notFound("conversation", conversationId);
    return {};
}

Status HistoryStore::remove(qint64 conversationId) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ?"));
    q.addBindValue(conversationId);
    if (!q.exec())
        return SqlError::from(q, "deleting a conversation");
    if (q.numRowsAffected() == 0)
        return notFound("conversation", conversationId);
    return {};
}

Result<qint64> HistoryStore::addMessage(ChatMessage m) {
    m.createdAt = m_clock.nowMs();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO messages(conversation_id, role, content, created_at, model, "
                             "latency_ms, tokens_in, tokens_out, feedback, feedback_note, sources_json, "
                             "finish) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(m.conversationId);
    q.addBindValue(sqlText(m.role));
    q.addBindValue(sqlText(m.content));
    q.addBindValue(m.createdAt);
    q.addBindValue(sqlText(m.model));
    q.addBindValue(m.latencyMs);
    q.addBindValue(m.tokensIn);
    q.addBindValue(m.tokensOut);
    q.addBindValue(m.feedback);
    q.addBindValue(sqlText(m.feedbackNote));
    q.addBindValue(sourcesJson(m.sources));
    q.addBindValue(sqlText(m.finish));
    if (!q.exec())
        return SqlError::from(q, "storing a message");
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery touch(m_db);
    touch.prepare(QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"));
    touch.addBindValue(m.createdAt);
    touch.addBindValue(m.conversationId);
    if (!touch.exec())
        return SqlError::from(touch, "updating a conversation");
    return id;
}

Result<std::vector<ChatMessage>> HistoryStore::messages(qint64 conversationId, int limit) {
    QSqlQuery q(m_db);
    // The latest `limit`, returned oldest first.
    q.prepare(QStringLiteral("SELECT * FROM (SELECT %1 FROM messages WHERE conversation_id = ? "
                             "ORDER BY created_at DESC, id DESC LIMIT ?) ORDER BY created_at, id")
                  .arg(QLatin1String(kMessageColumns)));
    q.addBindValue(conversationId);
    q.addBindValue(limit);
    if (!q.exec())
        return SqlError::from(q, "reading messages");
    std::vector<ChatMessage> out;
    while (q.next())
        out.push_back(readMessage(q));
    return out;
}

Result<ChatMessage> HistoryStore::message(qint64 messageId) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM messages WHERE id = ?").arg(QLatin1String(kMessageColumns)));
    q.addBindValue(messageId);
    if (!q.exec())
        return SqlError::from(q, "reading a message");
    if (!q.next())
        return notFound("message", messageId);
    return readMessage(q);
}

Status HistoryStore::setFeedback(qint64 messageId, int feedback, const QString& note) {
    if (feedback < -1 || feedback > 1)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("feedback is +1, -1 or 0")};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE messages SET feedback = ?, feedback_note = ? WHERE id = ?"));
    q.addBindValue(feedback);
    q.addBindValue(sqlText(note));
    q.addBindValue(messageId);
    if (!q.exec())
        return SqlError::from(q, "storing feedback");
    if (q.numRowsAffected() == 0)
        return notFound("message", messageId);
    return {};
}

Result<std::vector<HistoryStore::FeedbackChange>> HistoryStore::feedbackNotShared() {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1, (SELECT u.content FROM messages u WHERE u.conversation_id = "
                               "messages.conversation_id AND u.role = 'user' AND u.id < messages.id "
                               "ORDER BY u.id DESC LIMIT 1) FROM messages "
                               "WHERE role = 'assistant' AND feedback != feedback_shared")
                    .arg(QLatin1String(kMessageColumns))))
        return SqlError::from(q, "reading feedback to share");
    std::vector<FeedbackChange> out;
    while (q.next())
        out.push_back(FeedbackChange{readMessage(q), q.value(13).toString()});
    return out;
}

Status HistoryStore::setFeedbackShared(qint64 messageId, int feedback) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE messages SET feedback_shared = ? WHERE id = ?"));
    q.addBindValue(feedback);
    q.addBindValue(messageId);
    if (!q.exec())
        return SqlError::from(q, "recording sent feedback");
    return {};
}

} // namespace docrag
