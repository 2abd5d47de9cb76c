#pragma once

#include "engine/ingest/chunker.h"
#include "engine/llm/openai_config.h"

#include <QString>

#include <optional>

class QSettings;

namespace docrag {

// The desktop app's preferences, as stored with QSettings. The API key is not among them: it lives in
// the OS keychain (ApiKeyStore) and is passed in where it is needed.
struct AppSettings final {
    static constexpr int kMinDimensions = 8; // the same bounds as docrag-cli --dimensions
    static constexpr int kMaxDimensions = 8192;
    static constexpr int kMinTopK = 1;
    static constexpr int kMaxTopK = 50;
    static constexpr int kMinChunkTokens = 64;
    static constexpr int kMaxChunkTokens = 2048;

    QString baseUrl; // empty: OpenAI's, when an API key is set
    QString chatModel = OpenAiConfig().chatModel;
    QString embeddingModel = OpenAiConfig().embeddingModel;
    int dimensions = OpenAiConfig().embeddingDimensions;
    int topK = 5;                                    // passages an answer draws on
    int chunkTokens = ChunkerOptions().targetTokens; // ChunkerOptions::targetTokens for new ingests
    QString language;                                // "" = the system's; "en"

    // Missing or out-of-range values fall back to the defaults above.
    static AppSettings load(QSettings& settings);
    void save(QSettings& settings) const;

    // The model server these settings and `apiKey` describe, built as docrag-cli builds it from
    // --base-url, --model, --embedding-model, --dimensions and OPENAI_API_KEY: none (offline) when neither
    // a base URL nor a key is set, or when the base URL is not valid.
    std::optional<OpenAiConfig> modelServer(const QString& apiKey) const;

    // Why `url` cannot be a base URL, or empty when it can (an empty one can: it means OpenAI's).
    static QString baseUrlError(const QString& url);

    bool operator==(const AppSettings& other) const = default;
};

} // namespace docrag
