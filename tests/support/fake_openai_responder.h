#pragma once

#include "tests/support/fake_request_ticket.h"
#include "tests/support/fake_response.h"
#include "tests/support/http_request.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace docrag::test {

// Decides what FakeOpenAiServer answers to one request: the OpenAI wire format for /v1/models,
// /v1/embeddings and /v1/chat/completions, OpenAI-style errors, and the scripted faults. Pure: it
// plans the bytes and pauses, FakeOpenAiConnection writes them.
class FakeOpenAiResponder final {
public:
    static constexpr int kDefaultDimensions = 512;
    static constexpr int kMaxDimensions = 4096;
    static constexpr int kMaxInputs = 2048;

    explicit FakeOpenAiResponder(FakeRequestTicket ticket);

    FakeResponse respond(const HttpRequest& request) const;

    // The vector /v1/embeddings returns for `text`: seeded by a hash of its UTF-8 bytes, L2-normalised,
    // the same in every process and on every run.
    static QList<float> embeddingFor(const QString& text, int dimensions);
    // The reply as the stream sends it: each word with the whitespace before it, so the pieces
    // concatenate to the reply exactly.
    static QStringList replyPieces(const QString& reply);

private:
    enum class StreamMode { Normal, CutOff, ErrorEvent, Malformed };
    struct Block final {
        QByteArray bytes;
        int delayMs = 0;
    };

    FakeResponse route(const HttpRequest& request, const QJsonObject& body, bool bodyIsJson) const;
    FakeResponse applyFault(FakeResponse normal, const QJsonObject& body, const HttpRequest& request) const;
    FakeResponse models() const;
    FakeResponse embeddings(const QJsonObject& body) const;
    FakeResponse chat(const QJsonObject& body) const;
    FakeResponse chatStream(const QJsonObject& body, StreamMode mode) const;
    std::vector<Block> streamBlocks(const QJsonObject& body, StreamMode mode) const;
    QJsonObject chunk(const QString& model, const QJsonObject& delta, const QJsonValue& finishReason,
                      bool usageField) const;
    QJsonObject usage(const QJsonObject& body) const;
    QString completionId() const;

    FakeRequestTicket m_ticket;
    qint64 m_created = 0; // one timestamp for every chunk of a response, as OpenAI does
};

} // namespace docrag::test
