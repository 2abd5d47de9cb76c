#pragma once

// Text that tries to become markup, links or images, and the checks that it stayed text. Shared by the
// GUI tests of every widget that shows text from documents, models or servers.

#include "ui/chat/transcript_entry.h"

#include <QRegularExpression>
#include <QStringList>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

#include <map>
#include <vector>

namespace docrag::test {

struct HostilePayload final {
    QString name;
    QString text;           // as a document, a model or a server writes it
    QStringList asMarkdown; // what must show when it is read as Markdown (empty: `text` itself)
};

inline std::vector<HostilePayload> hostilePayloads() {
    return {
        {QStringLiteral("bold tag"), QStringLiteral("<b>bold</b>"), {}},
        {QStringLiteral("file link"), QStringLiteral("<a href=\"file:///etc/passwd\">x</a>"), {}},
        {QStringLiteral("remote image"), QStringLiteral("<img src=\"http://example.com/x.png\">after"), {}},
        {QStringLiteral("script"), QStringLiteral("<script>alert(1)</script>"), {}},
        {QStringLiteral("onerror image"),
         QStringLiteral("<img src=x onerror=alert(1)>text after the image"),
         {}},
        {QStringLiteral("markdown regen link"),
         QStringLiteral("[evil](regen:0)"),
         {QStringLiteral("evil (regen:0)")}},
        {QStringLiteral("markdown cite link"),
         QStringLiteral("[evil](cite:0:1)"),
         {QStringLiteral("evil (cite:0:1)")}},
        {QStringLiteral("autolink"),
         QStringLiteral("<https://evil.example>"),
         {QStringLiteral("https://evil.example")}},
        {QStringLiteral("fake sources"),
         QStringLiteral("**Sources**\n\n[1] [Guide](cite:1:1) and [Regenerate](regen:1)"),
         {QStringLiteral("Sources"), QStringLiteral("Guide (cite:1:1)"),
          QStringLiteral("Regenerate (regen:1)")}},
        {QStringLiteral("markdown image"),
         QStringLiteral("![pic](http://example.com/p.png) and on"),
         {QStringLiteral("![pic](http://example.com/p.png) and on")}},
        {QStringLiteral("entities"),
         QStringLiteral("&lt;b&gt;not bold&lt;/b&gt; &amp; &#60;i&#62;"),
         {QStringLiteral("<b>not bold</b> & <i>")}},
    };
}

// What must be visible of `payload` where it is shown as plain text, or as Markdown.
inline QStringList visibleText(const HostilePayload& payload, bool markdown) {
    if (markdown && !payload.asMarkdown.isEmpty())
        return payload.asMarkdown;
    return {payload.text};
}

// Every link of a document, as its href, from position `from` on.
inline QStringList anchorHrefs(const QTextDocument& document, int from = 0) {
    QStringList out;
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.position() + f.length() <= from)
                continue;
            if (f.charFormat().isAnchor() || !f.charFormat().anchorHref().isEmpty())
                out << f.charFormat().anchorHref();
        }
    }
    return out;
}

// The names of the images of a document.
inline QStringList imageNames(const QTextDocument& document) {
    QStringList out;
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                out << it.fragment().charFormat().toImageFormat().name();
        }
    }
    return out;
}

// Whether any character of `text`, where it shows in the document, is bold or italic: the mark of a <b>
// or <i> that was read as HTML.
inline bool shownEmphasised(const QTextDocument& document, const QString& text) {
    for (QTextCursor found = document.find(text); !found.isNull(); found = document.find(text, found)) {
        for (int p = found.selectionStart() + 1; p <= found.selectionEnd(); ++p) {
            QTextCursor c(const_cast<QTextDocument*>(&document));
            c.setPosition(p);
            if (c.charFormat().fontWeight() > QFont::Normal || c.charFormat().fontItalic())
                return true;
        }
    }
    return false;
}

// Every way a link DocRag did not make could still be there: each link must be one of DocRag's, with its
// own text, and each action link must appear once per answer.
inline QStringList foreignLinks(const QTextDocument& document, const std::vector<TranscriptEntry>& entries) {
    static const QRegularExpression own(
        QStringLiteral("^(cite|code|copy|up|down|regen):(\\d+)(?::(\\d+))?$"));
    QStringList problems;
    std::map<QString, int> counts;
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QTextCharFormat format = f.charFormat();
            if (!format.isAnchor() && format.anchorHref().isEmpty())
                continue;
            const QString href = format.anchorHref();
            const auto m = own.match(href);
            if (!m.hasMatch()) {
                problems << QStringLiteral("foreign link %1 on \"%2\"").arg(href, f.text());
                continue;
            }
            ++counts[href];
            const QString kind = m.captured(1);
            const QString text = f.text();
            const bool textFits =
                kind == QLatin1String("cite")   ? text == QStringLiteral("[%1]").arg(m.captured(3))
                : kind == QLatin1String("code") ? text == QLatin1String("Copy code")
                : kind == QLatin1String("copy") ? text == QLatin1String("Copy")
                : kind == QLatin1String("up")   ? text.contains(QLatin1String("Helpful"))
                : kind == QLatin1String("down") ? text.contains(QLatin1String("Not helpful"))
                                                : text == QLatin1String("Regenerate");
            if (!textFits)
                problems << QStringLiteral("link %1 on \"%2\"").arg(href, text);
        }
    }
    static const QRegularExpression citation(QStringLiteral("\\[(\\d{1,3})\\](?!\\()"));
    for (size_t e = 0; e < entries.size(); ++e) {
        const TranscriptEntry& entry = entries[e];
        const bool footer = entry.role != TranscriptEntry::Role::User && !entry.streaming;
        for (const char* kind : {"copy", "regen"}) {
            const int n = counts[QStringLiteral("%1:%2").arg(QLatin1String(kind)).arg(e)];
            if (n != (footer ? 1 : 0))
                problems << QStringLiteral("%1 %2:%3 links").arg(n).arg(QLatin1String(kind)).arg(e);
        }
        for (const Source& s : entry.sources) {
            int expected = footer ? 1 : 0;
            for (auto it = citation.globalMatch(entry.content); it.hasNext();)
                expected += it.next().captured(1).toInt() == s.number ? 1 : 0;
            const int n = counts[QStringLiteral("cite:%1:%2").arg(e).arg(s.number)];
            if (n != expected)
                problems << QStringLiteral("%1 cite:%2:%3 links, not %4")
                                .arg(n)
                                .arg(e)
                                .arg(s.number)
                                .arg(expected);
        }
    }
    return problems;
}

} // namespace docrag::test
