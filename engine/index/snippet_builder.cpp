#include "engine/index/snippet_builder.h"

#include <algorithm>
#include <vector>

namespace docrag {
namespace {

struct Match final {
    int start = 0;
    int length = 0;
    int term = 0;
};

// A word matches a term when they share a prefix of the term's length, capped at five letters, so
// "reading" and "reads" match "read" the way the stemmed index does.
bool matches(QStringView word, const QString& term) {
    const qsizetype prefix = std::min<qsizetype>(term.size(), std::max<qsizetype>(5, term.size() - 3));
    if (word.size() < prefix)
        return false;
    return word.first(prefix).compare(QStringView(term).first(prefix), Qt::CaseInsensitive) == 0;
}

// Whitespace runs become one space, and the ``` fence lines that chunks put around code are dropped:
// a snippet is one line of plain text.
QString collapseWhitespace(const QString& text) {
    QString out;
    out.reserve(text.size());
    bool space = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('`') && (i == 0 || text[i - 1] == QLatin1Char('\n')) &&
            QStringView(text).sliced(i).startsWith(QLatin1String("```"))) {
            while (i < n && text[i] != QLatin1Char('\n'))
                ++i;
            space = !out.isEmpty();
            continue;
        }
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out += QLatin1Char(' ');
        space = false;
        out += c;
    }
    return out;
}

std::vector<Match> findMatches(const QString& text, const QStringList& terms) {
    std::vector<Match> found;
    const auto n = static_cast<int>(text.size());
    for (int i = 0; i < n;) {
        if (!text[i].isLetterOrNumber()) {
            ++i;
            continue;
        }
        int j = i;
        while (j < n && text[j].isLetterOrNumber())
            ++j;
        const QStringView word = QStringView(text).sliced(i, j - i);
        for (int t = 0; t < terms.size(); ++t) {
            if (matches(word, terms[t])) {
                found.push_back(Match{i, j - i, t});
                break;
            }
        }
        i = j;
    }
    return found;
}

} // namespace

Snippet SnippetBuilder::build(const QString& passage, const QStringList& terms, int width) {
    const QString text = collapseWhitespace(passage);
    const auto n = static_cast<int>(text.size());
    const std::vector<Match> found = findMatches(text, terms);

    // Slide a window over the matches and keep the one covering the most distinct terms, then the most
    // matches.
    int bestStart = 0;
    int bestDistinct = -1;
    int bestCount = 0;
    for (size_t a = 0; a < found.size(); ++a) {
        std::vector<bool> seen(static_cast<size_t>(terms.size()), false);
        int distinct = 0;
        int count = 0;
        for (size_t b = a; b < found.size() && found[b].start + found[b].length - found[a].start <= width;
             ++b) {
            if (!seen[static_cast<size_t>(found[b].term)]) {
                seen[static_cast<size_t>(found[b].term)] = true;
                ++distinct;
            }
            ++count;
        }
        if (distinct > bestDistinct || (distinct == bestDistinct && count > bestCount)) {
            bestDistinct = distinct;
            bestCount = count;
            bestStart = found[a].start;
        }
    }
    // Start a little before the first match so it reads as a sentence, at a word boundary.
    int start = std::max(0, bestStart - width / 5);
    while (start > 0 && start < bestStart && !text[start - 1].isSpace())
        ++start;
    int end = std::min(n, start + width);
    while (end < n && end > start && !text[end - 1].isSpace() && end - start < width + 20)
        ++end;

    const bool head = start > 0;
    const bool tail = end < n;
    while (start < end && text[start].isSpace())
        ++start;
    while (end > start && text[end - 1].isSpace())
        --end;

    Snippet snippet;
    snippet.text = (head ? QStringLiteral("…") : QString()) + text.sliced(start, end - start) +
                   (tail ? QStringLiteral("…") : QString());
    const int shift = (head ? 1 : 0) - start;
    for (const Match& m : found) {
        if (m.start >= start && m.start + m.length <= end)
            snippet.highlights.append({m.start + shift, m.length});
    }
    return snippet;
}

} // namespace docrag
