#include "engine/core/secret_scrubber.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace docrag {
namespace {

constexpr qsizetype kShortestRun = 12;

// Replaces every run of at least kShortestRun characters that also occurs in `secret`.
QString withoutRunsOf(const QString& text, const QString& secret) {
    if (secret.size() < kShortestRun || text.size() < kShortestRun)
        return text;
    QString out;
    qsizetype i = 0;
    qsizetype copied = 0;
    while (i + kShortestRun <= text.size()) {
        const qsizetype at = secret.indexOf(QStringView(text).sliced(i, kShortestRun));
        if (at < 0) {
            ++i;
            continue;
        }
        // Extend the match as far as both go.
        qsizetype length = kShortestRun;
        while (i + length < text.size() && at + length < secret.size() &&
               text[i + length] == secret[at + length])
            ++length;
        out += QStringView(text).sliced(copied, i - copied);
        out += QLatin1String(SecretScrubber::kRedacted);
        i += length;
        copied = i;
    }
    if (copied == 0)
        return text;
    out += QStringView(text).sliced(copied);
    return out;
}

QString textOfHtml(QString html) {
    static const QRegularExpression title(QStringLiteral("<title[^>]*>([^<]*)</title>"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (const auto m = title.match(html); m.hasMatch() && !m.captured(1).trimmed().isEmpty())
        return m.captured(1);
    static const QRegularExpression hidden(QStringLiteral("<(script|style)[^>]*>.*?</\\1>"),
                                           QRegularExpression::CaseInsensitiveOption |
                                               QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    return html.remove(hidden).remove(tag);
}

} // namespace

QString SecretScrubber::scrub(QString text, const QStringList& secrets) {
    for (const QString& secret : secrets) {
        if (secret.isEmpty())
            continue;
        text.replace(secret, QLatin1String(kRedacted));
        text = withoutRunsOf(text, secret);
    }
    static const QRegularExpression patterns[] = {
        // OpenAI-style keys (sk-..., sk-proj-...), whatever surrounds them.
        QRegularExpression(QStringLiteral("\\bsk-[A-Za-z0-9_\\-]{6,}")),
        QRegularExpression(QStringLiteral("\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=\\-]{4,}"),
                           QRegularExpression::CaseInsensitiveOption),
        // "Authorization: ...", "api_key=...", "\"x-api-key\": \"...\"", "token=..."
        QRegularExpression(
            QStringLiteral("\\b((?:proxy-)?authorization|x-api-key|api[-_ ]?key|access[-_]?token|"
                           "token|password|secret)([\"']?\\s*[:=]\\s*[\"']?)(?!\\[redacted\\])"
                           "[^\\s\"',;}&]+"),
            QRegularExpression::CaseInsensitiveOption),
    };
    text.replace(patterns[0], QLatin1String(kRedacted));
    text.replace(patterns[1], QStringLiteral("\\1 ") + QLatin1String(kRedacted));
    text.replace(patterns[2], QStringLiteral("\\1\\2") + QLatin1String(kRedacted));
    return text;
}

QString SecretScrubber::errorMessage(const QByteArray& body, const QStringList& secrets, int limit) {
    QString message;
    const QJsonDocument json = QJsonDocument::fromJson(body);
    if (json.isObject()) {
        const QJsonObject object = json.object();
        const QJsonValue error = object.value(QStringLiteral("error"));
        if (error.isObject())
            message = error.toObject().value(QStringLiteral("message")).toString();
        else if (error.isString())
            message = error.toString();
        // FastAPI-based servers (vLLM and others) answer {"detail": ...}, some others {"message": ...}.
        if (message.isEmpty())
            message = object.value(QStringLiteral("detail")).toString();
        if (message.isEmpty())
            message = object.value(QStringLiteral("message")).toString();
    } else {
        const QString text = QString::fromUtf8(body.left(64 * 1024));
        message = text.contains(QLatin1Char('<')) ? textOfHtml(text) : text;
    }
    message = scrub(message.simplified(), secrets);
    if (message.size() > limit)
        message = message.left(limit).trimmed() + QStringLiteral("…");
    return message;
}

} // namespace docrag
