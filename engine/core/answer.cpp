#include "engine/core/answer.h"

#include <QJsonArray>

namespace docrag {

QJsonObject Answer::toJson() const {
    QJsonArray list;
    for (const Source& s : sources)
        list.append(s.toJson());
    return QJsonObject{
        {QStringLiteral("question"), question},
        {QStringLiteral("answer"), text},
        {QStringLiteral("sources"), list},
        {QStringLiteral("model"), model},
        {QStringLiteral("extractive"), extractive},
        {QStringLiteral("from_cache"), fromCache},
        {QStringLiteral("conversation_id"), conversationId},
        {QStringLiteral("message_id"), messageId},
        {QStringLiteral("latency_ms"), latencyMs},
        {QStringLiteral("first_token_ms"), firstTokenMs},
        {QStringLiteral("request_sent_ms"), requestSentMs},
        {QStringLiteral("tokens_in"), tokensIn},
        {QStringLiteral("tokens_out"), tokensOut},
        {QStringLiteral("finish"), finish},
    };
}

Answer Answer::fromJson(const QJsonObject& json) {
    Answer a;
    a.question = json.value(QStringLiteral("question")).toString();
    a.text = json.value(QStringLiteral("answer")).toString();
    for (const QJsonValue& v : json.value(QStringLiteral("sources")).toArray())
        a.sources.push_back(Source::fromJson(v.toObject()));
    a.model = json.value(QStringLiteral("model")).toString();
    a.extractive = json.value(QStringLiteral("extractive")).toBool();
    a.fromCache = json.value(QStringLiteral("from_cache")).toBool();
    a.conversationId = json.value(QStringLiteral("conversation_id")).toInteger();
    a.messageId = json.value(QStringLiteral("message_id")).toInteger();
    a.latencyMs = json.value(QStringLiteral("latency_ms")).toInteger();
    a.firstTokenMs = json.value(QStringLiteral("first_token_ms")).toInteger();
    a.requestSentMs = json.value(QStringLiteral("request_sent_ms")).toInteger(-1);
    a.tokensIn = json.value(QStringLiteral("tokens_in")).toInt();
    a.tokensOut = json.value(QStringLiteral("tokens_out")).toInt();
    a.finish = json.value(QStringLiteral("finish")).toString();
    return a;
}

} // namespace docrag
