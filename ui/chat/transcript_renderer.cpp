#include "ui/chat/transcript_renderer.h"

#include "ui/widgets/location_text.h"
#include "ui/widgets/plain_tool_tip.h"
#include "ui/widgets/theme_colors.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextImageFormat>

#include <algorithm>

namespace docrag {
namespace {

bool isFence(const QString& line) {
    const QString t = line.trimmed();
    return t.startsWith(QLatin1String("```")) || t.startsWith(QLatin1String("~~~"));
}

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

constexpr auto kMarkdown =
    QTextDocument::MarkdownFeatures(QTextDocument::MarkdownNoHTML | QTextDocument::MarkdownDialectGitHub);

// The Markdown of an image, as written: what the reader sees instead of a picture DocRag did not make.
QString imageText(const QTextImageFormat& image) {
    const QString alt = image.property(QTextFormat::ImageAltText).toString();
    return QStringLiteral("![%1](%2)").arg(alt, image.name());
}

// A character format like `format` that links nowhere, with where the link pointed in its tooltip.
QTextCharFormat inertLink(QTextCharFormat format, const QString& href) {
    format.setAnchor(false);
    format.setAnchorHref(QString());
    format.setAnchorNames({});
    format.clearForeground();
    format.setFontUnderline(false);
    format.setUnderlineStyle(QTextCharFormat::DotLine);
    format.setToolTip(
        PlainToolTip::of(TranscriptRenderer::tr("Not a DocRag link, not opened: %1").arg(href)));
    return format;
}

QString sourceLine(const Source& s, int index, const QColor& pathColour) {
    QString where = s.headingPath.isEmpty() ? s.title : s.headingPath;
    if (const QString location = LocationText::of(s.page, s.locStart, s.locEnd, s.anchor);
        !location.isEmpty())
        where += QStringLiteral(" · ") + location;
    return QStringLiteral("<a href=\"cite:%1:%2\">[%2]</a> %3<br/><span style=\"color:%5\">%4</span>")
        .arg(index)
        .arg(s.number)
        .arg(escaped(where), escaped(s.path), pathColour.name());
}

} // namespace

TranscriptRenderer::TranscriptRenderer(QTextDocument& document)
    : m_document(document)
    , m_linkPrefix(QStringLiteral("docrag-%1:")
                       .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0')))
    , m_palette(QGuiApplication::palette()) {}

QStringList TranscriptRenderer::codeBlocks(const QString& markdown) {
    QStringList blocks;
    bool inCode = false;
    QStringList current;
    for (const QString& line : markdown.split(QLatin1Char('\n'))) {
        if (isFence(line)) {
            if (inCode)
                blocks << current.join(QLatin1Char('\n'));
            current.clear();
            inCode = !inCode;
        } else if (inCode) {
            current << line;
        }
    }
    if (inCode && !current.isEmpty())
        blocks << current.join(QLatin1Char('\n')); // still streaming
    return blocks;
}

QString TranscriptRenderer::linkedMarkdown(const TranscriptEntry& entry, int index,
                                           const QString& linkPrefix) {
    static const QRegularExpression citation(QStringLiteral("\\[(\\d{1,3})\\](?!\\()"));
    QStringList out;
    bool inCode = false;
    int block = 0;
    for (QString line : entry.content.split(QLatin1Char('\n'))) {
        if (isFence(line)) {
            QString after;
            if (inCode) {
                // A closing fence takes nothing after it ("``` [1]" would leave the block open): what
                // follows goes to a line of its own.
                const QString t = line.trimmed();
                qsizetype marks = 0;
                while (marks < t.size() && (t[marks] == QLatin1Char('`') || t[marks] == QLatin1Char('~')))
                    ++marks;
                after = t.mid(marks).trimmed();
                out << t.left(marks);
                // A copy link under every closed code block.
                out << QString()
                    << QStringLiteral("[%4](%1code:%2:%3)")
                           .arg(linkPrefix)
                           .arg(index)
                           .arg(block++)
                           .arg(tr("Copy code"));
            } else {
                out << line;
            }
            inCode = !inCode;
            if (after.isEmpty())
                continue;
            line = after;
        }
        if (inCode || entry.sources.empty()) {
            out << line;
            continue;
        }
        QString linked;
        qsizetype from = 0;
        for (auto it = citation.globalMatch(line); it.hasNext();) {
            const auto m = it.next();
            const int n = m.captured(1).toInt();
            const bool known = std::any_of(entry.sources.begin(), entry.sources.end(),
                                           [n](const Source& s) { return s.number == n; });
            linked += line.mid(from, m.capturedStart() - from);
            linked += known ? QStringLiteral("[\\[%1\\]](%3cite:%2:%1)").arg(n).arg(index).arg(linkPrefix)
                            : m.captured(0);
            from = m.capturedEnd();
        }
        out << linked + line.mid(from);
    }
    return out.join(QLatin1Char('\n'));
}

QString TranscriptRenderer::badge(const TranscriptEntry& entry) {
    if (entry.role == TranscriptEntry::Role::User)
        return QString();
    if (entry.role == TranscriptEntry::Role::Error)
        return tr("Error");
    // A list of facts, each a phrase of its own, so that a translation never depends on its neighbours.
    QStringList facts;
    facts << (entry.extractive ? tr("Extractive answer (offline, no language model)")
                               : tr("Generated by %1").arg(entry.model));
    if (entry.fromCache)
        facts << tr("from the cache");
    if (entry.finish == QLatin1String("stopped"))
        facts << tr("stopped");
    else if (entry.finish == QLatin1String("length"))
        facts << tr("cut off at the length limit");
    if (entry.streaming)
        facts << tr("writing…");
    else if (entry.latencyMs > 0)
        facts << tr("%L1 ms").arg(entry.latencyMs);
    return facts.join(QStringLiteral(" · "));
}

void TranscriptRenderer::renderAll(const std::vector<TranscriptEntry>& entries) {
    m_document.clear();
    m_lastEntryStart = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
        QTextCursor end(&m_document);
        end.movePosition(QTextCursor::End);
        m_lastEntryStart = end.position();
        renderEntry(entries[i], static_cast<int>(i));
    }
}

void TranscriptRenderer::renderLast(const std::vector<TranscriptEntry>& entries) {
    if (entries.empty()) {
        renderAll(entries);
        return;
    }
    QTextCursor cursor(&m_document);
    cursor.setPosition(std::min(m_lastEntryStart, m_document.characterCount() - 1));
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    renderEntry(entries.back(), static_cast<int>(entries.size()) - 1);
}

void TranscriptRenderer::renderEntry(const TranscriptEntry& entry, int index) {
    QTextCursor cursor(&m_document);
    cursor.movePosition(QTextCursor::End);
    const bool user = entry.role == TranscriptEntry::Role::User;
    const QColor base = m_palette.color(QPalette::Base);
    const QColor text = m_palette.color(QPalette::Text);
    const QColor band = ThemeColors::band(m_palette, user ? ThemeColors::blue() : text);
    // Names are drawn on Base, errors on Base too: each hue made readable on it.
    const QColor colour =
        ThemeColors::readable(entry.role == TranscriptEntry::Role::Error ? ThemeColors::red()
                              : user                                     ? ThemeColors::blue()
                                                                         : ThemeColors::green(),
                              base);
    QTextBlockFormat header;
    header.setTopMargin(cursor.position() > 0 ? 14 : 2);
    header.setBottomMargin(2);
    if (cursor.position() > 0)
        cursor.insertBlock(header);
    else
        cursor.setBlockFormat(header);
    QTextCharFormat name;
    name.setFontWeight(QFont::Bold);
    name.setForeground(colour);
    cursor.insertText(user ? tr("You") : tr("DocRag"), name);
    if (const QString b = badge(entry); !b.isEmpty()) {
        QTextCharFormat detail;
        detail.setForeground(ThemeColors::muted(m_palette));
        detail.setFontPointSize(m_document.defaultFont().pointSizeF() * 0.9);
        cursor.insertText(QStringLiteral("   ") + b, detail);
    }
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    const int bodyStart = cursor.position();
    if (user) {
        // What the user typed, exactly: never Markdown or HTML. On its band, in a colour that reads there.
        QTextCharFormat typed;
        typed.setForeground(ThemeColors::readable(text, band));
        cursor.insertText(entry.content, typed);
    } else if (!entry.content.isEmpty()) {
        cursor.insertMarkdown(linkedMarkdown(entry, index, m_linkPrefix), kMarkdown);
    }
    if (!entry.error.isEmpty()) {
        cursor.movePosition(QTextCursor::End);
        if (cursor.position() > bodyStart)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        QTextCharFormat reason;
        reason.setForeground(colour);
        cursor.insertText(entry.error, reason);
    }
    disarm(bodyStart);
    // Questions on a tinted band, code on a grey one: the eye finds both at once in a long conversation.
    for (QTextBlock block = m_document.findBlock(bodyStart); block.isValid(); block = block.next()) {
        const bool code = block.blockFormat().nonBreakableLines();
        if (!user && !code)
            continue;
        QTextCursor tint(block);
        QTextBlockFormat format;
        format.setBackground(band);
        format.setLeftMargin(4);
        tint.mergeBlockFormat(format);
    }
    if (user || entry.streaming) {
        colourLinks(bodyStart);
        return;
    }
    QString footer;
    if (!entry.sources.empty()) {
        footer += QStringLiteral("<p style=\"margin-top:6px\"><b>%1</b><br/>").arg(tr("Sources"));
        QStringList lines;
        for (const Source& s : entry.sources)
            lines << sourceLine(s, index, ThemeColors::muted(m_palette));
        footer += lines.join(QStringLiteral("<br/>")) + QStringLiteral("</p>");
    }
    QStringList actions;
    actions << QStringLiteral("<a href=\"copy:%1\">%2</a>").arg(index).arg(tr("Copy"));
    if (entry.role == TranscriptEntry::Role::Assistant && entry.messageId > 0) {
        actions << QStringLiteral("<a href=\"up:%1\">%2</a>")
                       .arg(index)
                       .arg(entry.feedback > 0 ? tr("▲ Helpful ✓") : tr("▲ Helpful"));
        actions << QStringLiteral("<a href=\"down:%1\">%2</a>")
                       .arg(index)
                       .arg(entry.feedback < 0 ? tr("▼ Not helpful ✓") : tr("▼ Not helpful"));
    }
    actions << QStringLiteral("<a href=\"regen:%1\">%2</a>").arg(index).arg(tr("Regenerate"));
    footer += QStringLiteral("<p style=\"font-size:small\">%1</p>")
                  .arg(actions.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    cursor.movePosition(QTextCursor::End);
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.insertHtml(footer);
    colourLinks(bodyStart);
}

void TranscriptRenderer::colourLinks(int from) {
    // Qt colours links with the palette of the moment they were inserted, or a fixed blue: DocRag's
    // links take the palette's link colour, made readable on Base.
    QTextCharFormat link;
    link.setForeground(
        ThemeColors::readable(m_palette.color(QPalette::Link), m_palette.color(QPalette::Base)));
    std::vector<std::pair<int, int>> ranges;
    for (QTextBlock block = m_document.findBlock(from); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.position() >= from && fragment.charFormat().isAnchor() &&
                !fragment.charFormat().anchorHref().isEmpty())
                ranges.emplace_back(fragment.position(), fragment.length());
        }
    }
    for (const auto& [position, length] : ranges) {
        QTextCursor cursor(&m_document);
        cursor.setPosition(position);
        cursor.setPosition(position + length, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(link);
    }
}

void TranscriptRenderer::disarm(int from) {
    struct Change final {
        int position;
        int length;
        QTextCharFormat format;
        QString replacement; // replaces the range when not empty (images)
        QString suffix;      // goes after the range (where an inert link pointed)
    };
    std::vector<Change> changes;
    for (QTextBlock block = m_document.findBlock(from); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.position() + fragment.length() <= from)
                continue;
            const QTextCharFormat format = fragment.charFormat();
            if (format.isImageFormat()) {
                // One object character per image: each becomes its Markdown text.
                for (int i = fragment.length() - 1; i >= 0; --i)
                    changes.push_back({fragment.position() + i, 1, QTextCharFormat(),
                                       imageText(format.toImageFormat()), QString()});
                continue;
            }
            const QString href = format.anchorHref();
            if (!format.isAnchor() && href.isEmpty())
                continue;
            if (href.startsWith(m_linkPrefix)) {
                QTextCharFormat ours = format;
                ours.setAnchorHref(href.mid(m_linkPrefix.size()));
                changes.push_back({fragment.position(), fragment.length(), ours, QString(), QString()});
                continue;
            }
            // A link text may claim anything ("Regenerate", a harmless address): where it pointed is
            // shown next to it. A link split into several fragments (bold inside) gets it once, at its end.
            QString suffix;
            auto next = it;
            ++next;
            const bool lastPart = next.atEnd() || next.fragment().charFormat().anchorHref() != href;
            if (lastPart && !href.isEmpty() && fragment.text() != href)
                suffix = QStringLiteral(" (%1)").arg(href);
            changes.push_back(
                {fragment.position(), fragment.length(), inertLink(format, href), QString(), suffix});
        }
    }
    // Last first, so that inserting text moves nothing still to change.
    std::sort(changes.begin(), changes.end(),
              [](const Change& a, const Change& b) { return a.position > b.position; });
    for (const Change& change : changes) {
        QTextCursor cursor(&m_document);
        cursor.setPosition(change.position);
        cursor.setPosition(change.position + change.length, QTextCursor::KeepAnchor);
        if (!change.replacement.isEmpty()) {
            cursor.insertText(change.replacement, change.format);
            continue;
        }
        cursor.setCharFormat(change.format);
        if (!change.suffix.isEmpty()) {
            QTextCharFormat plain = change.format;
            plain.setUnderlineStyle(QTextCharFormat::NoUnderline);
            plain.setForeground(ThemeColors::muted(m_palette));
            cursor.setPosition(change.position + change.length);
            cursor.insertText(change.suffix, plain);
        }
    }
}

} // namespace docrag
