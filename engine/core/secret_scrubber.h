#pragma once

#include <QString>
#include <QStringList>

namespace docrag {

// Takes secrets out of text that came from a server before it is stored, logged or shown: servers echo
// the key they refused ("Incorrect API key provided: sk-..."), and proxies echo request headers in
// their error pages. What it removes: any run of 12 or more characters of a known secret, and whatever
// looks like a key or a credential (sk-... keys, Bearer tokens, Authorization / api_key / token values).
class SecretScrubber final {
public:
    static constexpr const char* kRedacted = "[redacted]";

    static QString scrub(QString text, const QStringList& secrets = {});

    // The words of an error body fit for a person, scrubbed: an OpenAI-style JSON error's message, an
    // HTML page's title (or its text without markup), or the start of the body, at most `limit`
    // characters on one line.
    static QString errorMessage(const QByteArray& body, const QStringList& secrets, int limit = 300);
};

} // namespace docrag
