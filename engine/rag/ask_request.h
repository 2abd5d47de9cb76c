#pragma once

#include "engine/index/hybrid_retriever.h"

#include <QString>
#include <QtGlobal>

namespace docrag {

struct AskRequest final {
    QString question;
    SearchOptions search;      // collections, doc type, top-k of the passages the answer draws on
    qint64 conversationId = 0; // 0 starts a new conversation titled with the question
    bool useCache = true;      // false: answer afresh (regenerate), and store the new answer
    int historyMessages = 6;   // earlier messages of the conversation a model sees
    bool remember = true;      // false: nothing goes into the history (benchmarks)
};

} // namespace docrag
