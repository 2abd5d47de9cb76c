#pragma once

#include "engine/core/source.h"

#include <QString>

#include <vector>

namespace docrag {

// One message as the chat pane shows it: a question, an answer (possibly still streaming), or an error.
struct TranscriptEntry final {
    enum class Role { User, Assistant, Error };
    Role role = Role::User;
    QString content; // Markdown (answers), plain text (questions)
    QString error;   // why an answer failed, plain text: server messages are never markup
    std::vector<Source> sources;
    QString model; // "extractive" or the model's name
    bool extractive = false;
    bool fromCache = false;
    bool streaming = false;
    QString finish;       // "stopped" or "length": the answer is not whole
    qint64 messageId = 0; // 0 while the answer is not stored yet
    qint64 latencyMs = 0;
    int feedback = 0;
};

} // namespace docrag
