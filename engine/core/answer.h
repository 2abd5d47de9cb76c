#pragma once

#include "engine/core/source.h"

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

#include <vector>

namespace docrag {

// What the user gets for a question: the text citing [n], the sources behind each n, and how it was
// made (which model, or extractive and offline).
struct Answer final {
    QString question;
    QString text;
    std::vector<Source> sources;
    QString model; // "extractive" for the offline answerer
    bool extractive = false;
    bool fromCache = false;
    // Why the text ends where it does when it is not the whole answer: "stopped" (the user's Stop),
    // "length" (the model's answer limit); empty for a complete answer.
    QString finish;
    qint64 conversationId = 0;
    qint64 messageId = 0;      // the assistant message in the history
    qint64 latencyMs = 0;      // question to complete answer
    qint64 firstTokenMs = 0;   // question to the first streamed text
    qint64 requestSentMs = -1; // question to the model request being sent; -1 when no model was asked
    int tokensIn = 0;
    int tokensOut = 0;

    QJsonObject toJson() const;
    static Answer fromJson(const QJsonObject& json);
};

} // namespace docrag
