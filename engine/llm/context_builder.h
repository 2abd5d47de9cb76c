#pragma once

#include "engine/core/hit.h"
#include "engine/llm/chat_prompt.h"
#include "engine/llm/chat_turn.h"

#include <QString>

#include <vector>

namespace docrag {

// Fits a question, its retrieved passages and the recent conversation into a model's context window,
// leaving room for the answer. Counts with TokenCounter::estimate plus OpenAI's per-message overhead.
//
// What gives way, in order: the lowest-ranked passages down to the best one, then the oldest history
// turns, then the best passage is cut at a paragraph boundary, then it goes too. The system prompt and
// the question always go in; when they alone do not fit, the prompt says overBudget.
class ContextBuilder final {
public:
    struct Budget final {
        int contextTokens = 16000; // the model's whole window: prompt and answer
        int answerTokens = 1024;   // kept free for the answer
    };

    static constexpr int kMessageOverheadTokens = 4; // role and delimiters of each message
    static constexpr int kReplyPrimingTokens = 3;    // the assistant header the reply starts with

    explicit ContextBuilder(Budget budget);

    // Asks for answers from the numbered passages only, cited as [n], in fenced code where code.
    static QString defaultSystemPrompt();

    // `passages` best first, `history` oldest first (user and assistant turns, no system turn).
    ChatPrompt build(const QString& question, const std::vector<Hit>& passages,
                     const std::vector<ChatTurn>& history,
                     const QString& systemPrompt = defaultSystemPrompt()) const;

    // The header line of passage [number]: document title, heading path, file and location.
    // A document's text made unable to close the passage marks it is quoted in.
    static QString quoted(QString text);
    static QString passageHeader(int number, const Hit& hit);

private:
    Budget m_budget;
};

} // namespace docrag
