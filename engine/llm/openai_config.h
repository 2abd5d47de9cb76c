#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace docrag {

// Where and how to reach an OpenAI-compatible server. The key is held in memory only: it comes from
// the environment or the OS keychain and is never logged or written to disk.
struct OpenAiConfig final {
    QUrl baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
    QString apiKey;
    QString chatModel = QStringLiteral("gpt-4o-mini");
    QString embeddingModel = QStringLiteral("text-embedding-3-small");
    int embeddingDimensions = 512;
    int embeddingBatchInputs = 2048; // most texts in one /embeddings request (the API's limit)
    int contextTokens = 16000;       // of the chat model
    int answerTokens = 1024;         // kept free for the answer

    int connectTimeoutMs = 10000;
    int totalTimeoutMs = 120000; // one plain (not streamed) request, from sending to the last byte
    int idleTimeoutMs = 30000;   // no byte for this long once the request is sent: the server is gone
    // A question's whole answer, retries included: no answer takes longer than this.
    int answerDeadlineMs = 60000;
    int maxRetries = 4;
    int retryBaseMs = 500;
    int retryMaxMs = 30000;
    int maxInFlight = 4;          // requests at once; more wait in a queue
    double requestsPerSecond = 0; // client-side limit; 0 = none
    // Hosts the key may be sent to over plain http:// (a server on the local network the user trusts);
    // loopback addresses always may, any other host only over https://.
    QStringList plainHttpKeyHosts;

    // A base URL as a user types it: an http:// or https:// URL with a host, or nothing.
    static std::optional<QUrl> parseBaseUrl(const QString& text);
    // The hosts named in DOCRAG_ALLOW_HTTP_KEY_HOSTS (comma-separated): the user's opt-in for
    // plainHttpKeyHosts.
    static QStringList plainHttpKeyHostsFromEnvironment();
};

} // namespace docrag
