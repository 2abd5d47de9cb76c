#include "ui/settings/app_settings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>

namespace docrag {
namespace {

const QString kBaseUrl = QStringLiteral("modelServer/baseUrl");
const QString kChatModel = QStringLiteral("modelServer/chatModel");
const QString kEmbeddingModel = QStringLiteral("modelServer/embeddingModel");
const QString kDimensions = QStringLiteral("modelServer/dimensions");
const QString kTopK = QStringLiteral("answers/topK");
const QString kChunkTokens = QStringLiteral("ingest/chunkTokens");
const QString kLanguage = QStringLiteral("ui/language");

int boundedInt(const QSettings& settings, const QString& key, int fallback, int least, int most) {
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok && value >= least && value <= most ? value : fallback;
}

QString nonEmptyString(const QSettings& settings, const QString& key, const QString& fallback) {
    const QString value = settings.value(key).toString().trimmed();
    return value.isEmpty() ? fallback : value;
}

} // namespace

AppSettings AppSettings::load(QSettings& settings) {
    AppSettings s;
    s.baseUrl = settings.value(kBaseUrl).toString().trimmed();
    s.chatModel = nonEmptyString(settings, kChatModel, s.chatModel);
    s.embeddingModel = nonEmptyString(settings, kEmbeddingModel, s.embeddingModel);
    s.dimensions = boundedInt(settings, kDimensions, s.dimensions, kMinDimensions, kMaxDimensions);
    s.topK = boundedInt(settings, kTopK, s.topK, kMinTopK, kMaxTopK);
    s.chunkTokens = boundedInt(settings, kChunkTokens, s.chunkTokens, kMinChunkTokens, kMaxChunkTokens);
    s.language = settings.value(kLanguage).toString();
    return s;
}

void AppSettings::save(QSettings& settings) const {
    settings.setValue(kBaseUrl, baseUrl);
    settings.setValue(kChatModel, chatModel);
    settings.setValue(kEmbeddingModel, embeddingModel);
    settings.setValue(kDimensions, dimensions);
    settings.setValue(kTopK, topK);
    settings.setValue(kChunkTokens, chunkTokens);
    settings.setValue(kLanguage, language);
}

std::optional<OpenAiConfig> AppSettings::modelServer(const QString& apiKey) const {
    const QString url = baseUrl.trimmed();
    if (url.isEmpty() && apiKey.isEmpty())
        return std::nullopt;
    const auto parsed = OpenAiConfig::parseBaseUrl(url);
    if (!url.isEmpty() && !parsed)
        return std::nullopt;
    OpenAiConfig config;
    if (parsed)
        config.baseUrl = *parsed;
    config.apiKey = apiKey;
    config.plainHttpKeyHosts = OpenAiConfig::plainHttpKeyHostsFromEnvironment();
    if (!chatModel.trimmed().isEmpty())
        config.chatModel = chatModel.trimmed();
    if (!embeddingModel.trimmed().isEmpty())
        config.embeddingModel = embeddingModel.trimmed();
    config.embeddingDimensions = dimensions;
    return config;
}

QString AppSettings::baseUrlError(const QString& url) {
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!OpenAiConfig::parseBaseUrl(trimmed))
        return QCoreApplication::translate("docrag::AppSettings",
                                           "The base URL must be an http:// or https:// URL, such as "
                                           "http://localhost:11434/v1.");
    return {};
}

} // namespace docrag
