#include "engine/ingest/rst_inline.h"

#include <algorithm>

namespace docrag {
namespace {

// How far inline markup may reach: it bounds the search for a closing marker, which
// would otherwise make a long paragraph full of stray '*' quadratic.
constexpr qsizetype kMaxInlineSpan = 2000;

// Inline markup may start after whitespace or punctuation and must end before them.
bool isBoundary(QStringView text, qsizetype i) {
    return i < 0 || i >= text.size() || text[i].isSpace() || text[i].isPunct() || text[i].isSymbol();
}

// `near` is the part of `text` where the end of the markup may be.
qsizetype findClosing(QStringView near, QStringView text, qsizetype from, QStringView marker) {
    for (qsizetype at = near.indexOf(marker, from); at >= 0; at = near.indexOf(marker, at + 1)) {
        if (!text[at - 1].isSpace() && isBoundary(text, at + marker.size()))
            return at;
    }
    return -1;
}

// What Sphinx shows for a role or a reference: the explicit title, or the target
// ("~a.b.c" shows as "c").
QString visibleText(QStringView content) {
    content = content.trimmed();
    const qsizetype open = content.lastIndexOf(QLatin1String(" <"));
    if (content.endsWith(QLatin1Char('>')) && open > 0)
        return content.first(open).trimmed().toString();
    if (content.startsWith(QLatin1Char('<')) && content.endsWith(QLatin1Char('>')))
        return content.sliced(1, content.size() - 2).toString();
    if (content.startsWith(QLatin1Char('!')))
        content = content.sliced(1);
    if (content.startsWith(QLatin1Char('~'))) {
        content = content.sliced(1);
        content = content.sliced(content.lastIndexOf(QLatin1Char('.')) + 1);
    }
    return content.toString();
}

// The index just after ":name:" when text[i] starts a role name, or -1.
qsizetype roleNameEnd(QStringView text, qsizetype i) {
    constexpr qsizetype kMaxRoleName = 64; // bounds the scan in runs of colons
    if (i >= text.size() || text[i] != QLatin1Char(':'))
        return -1;
    qsizetype j = i + 1;
    while (j < text.size() && j - i < kMaxRoleName &&
           (text[j].isLetterOrNumber() || QStringView(u"_-.+:").contains(text[j])))
        ++j;
    return (j > i + 2 && text[j - 1] == QLatin1Char(':')) ? j : -1;
}

// The role before interpreted text (:role:`text`): the index of the backquote, or -1.
qsizetype roleEnd(QStringView text, qsizetype i) {
    const qsizetype j = roleNameEnd(text, i);
    return j > 0 && j < text.size() && text[j] == QLatin1Char('`') ? j : -1;
}

// The role after interpreted text (`text`:role:): the index after it, or -1.
qsizetype suffixRoleEnd(QStringView text, qsizetype i) {
    const qsizetype j = roleNameEnd(text, i);
    return j > 0 && isBoundary(text, j) ? j : -1;
}

// For titles with no ASCII letters docutils falls back to "id1"; a readable slug is more useful.
QString unicodeSlug(const QString& text) {
    QString slug;
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber() || c.isMark() || c.isSurrogate())
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(QLatin1Char('-')))
            slug += QLatin1Char('-');
    }
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug;
}

} // namespace

QString RstInline::reduce(QStringView text) {
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        const bool canStart = isBoundary(text, i - 1);
        const QStringView near = text.first(std::min(text.size(), i + kMaxInlineSpan));
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            if (!text[i + 1].isSpace())
                out += text[i + 1];
            i += 2;
            continue;
        }
        if (c == QLatin1Char('`') && text.sliced(i).startsWith(QLatin1String("``"))) {
            const qsizetype close = near.indexOf(QLatin1String("``"), i + 2);
            if (close > i + 2) {
                out += text.sliced(i + 2, close - i - 2);
                i = close + 2;
                continue;
            }
        }
        if (c == QLatin1Char(':') && canStart) {
            if (const qsizetype tick = roleEnd(text, i); tick > 0) {
                const qsizetype close = near.indexOf(QLatin1Char('`'), tick + 1);
                if (close > tick + 1) {
                    out += visibleText(text.sliced(tick + 1, close - tick - 1));
                    i = close + 1;
                    continue;
                }
            }
        }
        if (c == QLatin1Char('`') && canStart) {
            const qsizetype close = near.indexOf(QLatin1Char('`'), i + 1);
            if (close > i + 1) {
                out += visibleText(text.sliced(i + 1, close - i - 1));
                i = close + 1;
                while (i < text.size() && text[i] == QLatin1Char('_'))
                    ++i;
                if (const qsizetype end = suffixRoleEnd(text, i); end > 0)
                    i = end; // the `text`:role: form
                continue;
            }
        }
        if ((c == QLatin1Char('*') || c == QLatin1Char('|')) && canStart) {
            const QStringView marker = text.sliced(i).startsWith(QLatin1String("**")) ? QStringView(u"**")
                                       : c == QLatin1Char('*')                        ? QStringView(u"*")
                                                                                      : QStringView(u"|");
            const qsizetype from = i + marker.size();
            const qsizetype close =
                from < text.size() && !text[from].isSpace() ? findClosing(near, text, from, marker) : -1;
            if (close > from) {
                out += text.sliced(from, close - from);
                i = close + marker.size();
                while (c == QLatin1Char('|') && i < text.size() && text[i] == QLatin1Char('_'))
                    ++i;
                continue;
            }
        }
        if (c == QLatin1Char('[') && canStart) {
            const qsizetype close = near.indexOf(QLatin1String("]_"), i + 1);
            if (close > i + 1 && !text.sliced(i + 1, close - i - 1).contains(QLatin1Char(' ')) &&
                isBoundary(text, close + 2)) {
                out += text.sliced(i, close + 1 - i); // "[1]_" shows as "[1]"
                i = close + 2;
                continue;
            }
        }
        if (c == QLatin1Char('_') && i > 0 && text[i - 1].isLetterOrNumber()) {
            qsizetype j = i;
            while (j < text.size() && j < i + 2 && text[j] == QLatin1Char('_'))
                ++j;
            const bool referenceEnd =
                isBoundary(text, j) && (j == text.size() || text[j] != QLatin1Char('_'));
            qsizetype word = i;
            while (referenceEnd && word > 0 && word > i - kMaxInlineSpan && !text[word - 1].isSpace())
                --word;
            if (referenceEnd && text[word].isLetterOrNumber()) {
                i = j; // `name_` references
                continue;
            }
        }
        out += c;
        ++i;
    }
    return out.simplified();
}

QString RstInline::docutilsId(const QString& text) {
    QString lower = text.toLower();
    lower.replace(QChar(0xDF), QLatin1String("sz"));
    lower.replace(QChar(0xE6), QLatin1String("ae"));
    lower.replace(QChar(0x153), QLatin1String("oe"));
    lower.replace(QChar(0xF8), QLatin1Char('o'));
    lower.replace(QChar(0x142), QLatin1Char('l'));
    lower.replace(QChar(0x111), QLatin1Char('d'));
    const QString decomposed = lower.normalized(QString::NormalizationForm_KD);
    QString id;
    bool dash = false;
    for (const QChar c : decomposed) {
        if (c.unicode() >= 0x80)
            continue; // dropped without a separator, like encode('ascii', 'ignore')
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9'))) {
            if (dash)
                id += QLatin1Char('-');
            id += c;
            dash = false;
        } else {
            dash = true;
        }
    }
    qsizetype lead = 0;
    while (lead < id.size() && (id[lead].isDigit() || id[lead] == QLatin1Char('-')))
        ++lead;
    return id.mid(lead);
}

QString RstInline::sectionId(const QString& text) {
    const QString id = docutilsId(text);
    return id.isEmpty() ? unicodeSlug(text) : id;
}

} // namespace docrag
