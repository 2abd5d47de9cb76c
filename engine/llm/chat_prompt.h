#pragma once

#include "engine/llm/chat_turn.h"

#include <vector>

namespace docrag {

// A chat request fitted into a model's budget by ContextBuilder.
struct ChatPrompt final {
    std::vector<ChatTurn> messages;  // system, the history kept (oldest first), the user message
    std::vector<int> passageIndexes; // which hits were included, in the order numbered [1], [2], ...
    int estimatedTokens = 0;         // of the whole request, message overhead included
    int droppedPassages = 0;
    int droppedHistory = 0;
    bool passageCut = false; // the only passage left was cut short (it ends in "[…]")
    bool overBudget = false; // even the system prompt and the question exceed the budget: sent anyway
};

} // namespace docrag
