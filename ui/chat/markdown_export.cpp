#include "ui/chat/markdown_export.h"

#include "ui/chat/transcript_renderer.h"
#include "ui/widgets/location_text.h"

#include <QRegularExpression>
#include <QStringList>

namespace docrag {
namespace {

bool isFence(const QString& line) {
    const QString t = line.trimmed();
    return t.startsWith(QLatin1String("```")) || t.startsWith(QLatin1String("~~~"));
}

qsizetype runLength(const QString& text, qsizetype at, QChar c) {
    qsizetype end = at;
    while (end < text.size() && text[end] == c)
        ++end;
    return end - at;
}

// Prose between fences: every '<' outside code spans becomes an entity, so no tag and no autolink.
QString escapeHtmlInProse(const QString& text) {
    QString out;
    out.reserve(text.size());
    const QChar tick(QLatin1Char('`'));
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text[i];
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            out += text.mid(i, 2); // an escaped character stays escaped
            i += 2;
        } else if (c == tick) {
            const qsizetype n = runLength(text, i, tick);
            // A code span ends at the next run of exactly as many backticks; without one the backticks
            // are text.
            qsizetype close = i + n;
            while ((close = text.indexOf(QString(n, tick), close)) >= 0 && runLength(text, close, tick) != n)
                close += runLength(text, close, tick);
            const qsizetype end = close >= 0 ? close + n : i + n;
            out += text.mid(i, end - i);
            i = end;
        } else {
            out += c == QLatin1Char('<') ? QStringLiteral("&lt;") : QString(c);
            ++i;
        }
    }
    return out;
}

} // namespace

QString MarkdownExport::escapeText(const QString& text) {
    static const QRegularExpression orderedListStart(QStringLiteral("^(\\s*\\d+)([.)])"));
    static const QRegularExpression nonSpace(QStringLiteral("\\S"));
    QStringList lines;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        QString out;
        out.reserve(line.size() * 2);
        for (const QChar c : line) {
            if (QStringLiteral("\\`*_[]<>&!|~#@").contains(c))
                out += QLatin1Char('\\');
            out += c;
        }
        // Characters that start a list, a quote or a heading underline only at the start of a line.
        const qsizetype first = out.indexOf(nonSpace);
        if (first >= 0 && QStringLiteral("-+=").contains(out[first]))
            out.insert(first, QLatin1Char('\\'));
        if (const auto list = orderedListStart.match(out); list.hasMatch())
            out.insert(list.capturedStart(2), QLatin1Char('\\'));
        // Bare addresses that GitHub-flavoured readers would make links of.
        out.replace(QStringLiteral("://"), QStringLiteral("\\://"));
        out.replace(QStringLiteral("www."), QStringLiteral("www\\."), Qt::CaseInsensitive);
        lines << out;
    }
    return lines.join(QLatin1Char('\n'));
}

QString MarkdownExport::withoutHtml(const QString& markdown) {
    QStringList out;
    QStringList prose;
    const auto flush = [&] {
        if (!prose.isEmpty())
            out << escapeHtmlInProse(prose.join(QLatin1Char('\n')));
        prose.clear();
    };
    bool inCode = false;
    QString opener; // the marks that opened the code block
    for (const QString& line : markdown.split(QLatin1Char('\n'))) {
        if (isFence(line) && inCode) {
            // "``` [1]" does not close a fence: what follows the marks goes to a line of its own, or the
            // rest of the file would be code.
            const QString t = line.trimmed();
            qsizetype marks = 0;
            while (marks < t.size() && (t[marks] == QLatin1Char('`') || t[marks] == QLatin1Char('~')))
                ++marks;
            out << t.left(marks);
            inCode = false;
            if (const QString after = t.mid(marks).trimmed(); !after.isEmpty())
                prose << after;
        } else if (isFence(line)) {
            flush();
            inCode = true;
            const QString t = line.trimmed();
            opener = t.left(runLength(t, 0, t[0]));
            out << line;
        } else if (inCode) {
            out << line;
        } else {
            prose << line;
        }
    }
    flush();
    // An answer cut off inside a code block: closed here, so that the next question is not code.
    if (inCode)
        out << opener;
    return out.join(QLatin1Char('\n'));
}

QString MarkdownExport::conversation(const std::vector<TranscriptEntry>& entries) {
    QStringList out;
    for (const TranscriptEntry& e : entries) {
        if (e.role == TranscriptEntry::Role::User) {
            out << QStringLiteral("## ") + escapeText(e.content.section(QLatin1Char('\n'), 0, 0));
            if (e.content.contains(QLatin1Char('\n')))
                out << escapeText(e.content);
            continue;
        }
        out << QStringLiteral("_%1_").arg(escapeText(TranscriptRenderer::badge(e)));
        if (!e.content.isEmpty())
            out << withoutHtml(e.content);
        if (!e.error.isEmpty())
            out << escapeText(e.error);
        if (!e.sources.empty()) {
            out << QStringLiteral("**%1**").arg(escapeText(tr("Sources")));
            for (const Source& s : e.sources) {
                const QString where = s.headingPath.isEmpty() ? s.title : s.headingPath;
                const QString location = LocationText::of(s.page, s.locStart, s.locEnd, s.anchor);
                out << QStringLiteral("- \\[%1\\] %2")
                           .arg(s.number)
                           .arg(escapeText(QStringLiteral("%1, %2%3")
                                               .arg(s.path, where,
                                                    location.isEmpty()
                                                        ? QString()
                                                        : QStringLiteral(" (%1)").arg(location))));
            }
        }
    }
    return out.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

} // namespace docrag
