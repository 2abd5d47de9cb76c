#pragma once

#include <QString>

namespace docrag::test {

// How FakeOpenAiServer behaves; each request works on a copy taken when it arrives, so changing the
// settings never alters a response half-way.
struct FakeOpenAiSettings final {
    static QString defaultChatReply() {
        return QStringLiteral("This is the fake assistant's answer, citing the first passage [1].");
    }

    int latencyMs = 0;
    int streamTokenDelayMs = 0;
    QString chatReply = defaultChatReply();
    bool llamaCppStyle = false;
    QString requiredApiKey;
    QString redirectTo; // where the Redirect fault sends requests: "http://127.0.0.1:PORT"
};

} // namespace docrag::test
