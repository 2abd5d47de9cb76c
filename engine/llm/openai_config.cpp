#include "engine/llm/openai_config.h"

namespace docrag {

std::optional<QUrl> OpenAiConfig::parseBaseUrl(const QString& text) {
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty())
        return std::nullopt;
    return url;
}

QStringList OpenAiConfig::plainHttpKeyHostsFromEnvironment() {
    QStringList hosts;
    for (const QString& host : qEnvironmentVariable("DOCRAG_ALLOW_HTTP_KEY_HOSTS").split(QLatin1Char(',')))
        if (!host.trimmed().isEmpty())
            hosts << host.trimmed();
    return hosts;
}

} // namespace docrag
