#pragma once

#include "engine/core/chat_message.h"
#include "engine/core/conversation.h"
#include "engine/core/result.h"

#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace docrag {

class Clock;

// Conversations and their messages, with model, latency, tokens, feedback and a snapshot of every
// cited source, so that old answers keep their citations.
class HistoryStore final {
public:
    HistoryStore(QSqlDatabase db, const Clock& clock);

    Result<qint64> createConversation(const QString& title);
    Result<Conversation> conversation(qint64 id);
    // Newest first; `search` matches titles and message text.
    Result<std::vector<Conversation>> conversations(const QString& search = {}, int limit = 200);
    Status rename(qint64 conversationId, const QString& title);
    Status remove(qint64 conversationId);

    // Stores the message (its id and createdAt are set here) and touches the conversation.
    Result<qint64> addMessage(ChatMessage message);
    // Oldest first; `limit` keeps the latest ones.
    Result<std::vector<ChatMessage>> messages(qint64 conversationId, int limit = -1);
    Result<ChatMessage> message(qint64 messageId);
    // +1, -1, or 0 to clear, with an optional note.
    Status setFeedback(qint64 messageId, int feedback, const QString& note = {});

    // An answer whose feedback changed since it was last sent to a team library, with the question it
    // answered (FeedbackSharer).
    struct FeedbackChange final {
        ChatMessage answer;
        QString question;
    };
    Result<std::vector<FeedbackChange>> feedbackNotShared();
    // The answer's feedback as the library now has it.
    Status setFeedbackShared(qint64 messageId, int feedback);

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace docrag
