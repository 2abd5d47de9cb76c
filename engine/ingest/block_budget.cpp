#include "engine/ingest/block_budget.h"

#include <algorithm>

namespace docrag {
namespace {

// Where to end a piece of at most `most` characters starting at `from`: after the last white space in
// its final fifth, else at `most` (never between the halves of a surrogate pair).
qsizetype pieceEnd(const QString& text, qsizetype from, qsizetype most) {
    const qsizetype hardEnd = from + most;
    if (hardEnd >= text.size())
        return text.size();
    for (qsizetype i = hardEnd; i > from + most * 4 / 5; --i) {
        if (text[i - 1].isSpace())
            return i;
    }
    return text[hardEnd - 1].isHighSurrogate() ? hardEnd - 1 : hardEnd;
}

} // namespace

BlockBudget::BlockBudget(const IngestLimits& limits)
    : m_limits(limits) {}

void BlockBudget::spend(int line, const char* what) {
    if (m_spentAtLine < 0) {
        m_spentAtLine = std::max(0, line);
        m_spentOn = what;
    }
}

bool BlockBudget::append(std::vector<Block>& blocks, Block block) {
    if (spent())
        return false;
    if (m_blocks >= m_limits.maxBlocks()) {
        spend(block.lineStart, "blocks");
        return false;
    }
    const qsizetype most = std::max(16, m_limits.maxBlockChars);
    if (block.text.size() <= most && m_chars + block.text.size() <= m_limits.maxTextChars()) {
        ++m_blocks;
        m_chars += block.text.size();
        blocks.push_back(std::move(block));
        return true;
    }
    // Too long for one block, or more than the text still allowed: pieces, each with its own lines.
    if (block.text.size() > most)
        ++m_splitBlocks;
    const QString text = std::move(block.text);
    int line = block.lineStart;
    qsizetype from = 0;
    while (from < text.size()) {
        const qsizetype left = m_limits.maxTextChars() - m_chars;
        if (left <= 0 || m_blocks >= m_limits.maxBlocks()) {
            spend(line, left <= 0 ? "text" : "blocks");
            return false;
        }
        const qsizetype end = pieceEnd(text, from, std::min<qsizetype>(most, left));
        Block piece = block;
        piece.text = text.sliced(from, end - from);
        const int newlines = static_cast<int>(piece.text.count(QLatin1Char('\n')));
        if (line > 0) {
            piece.lineStart = line;
            piece.lineEnd = std::min(std::max(line, block.lineEnd), line + newlines);
        }
        ++m_blocks;
        m_chars += piece.text.size();
        blocks.push_back(std::move(piece));
        if (line > 0)
            line += newlines;
        from = end;
    }
    return true;
}

void BlockBudget::annotate(ParsedDocument& document) const {
    if (m_flattenedDepth > 0)
        document.notes << QStringLiteral(
                              "markup nested %1 deep was flattened below depth %2 (--max-html-depth)")
                              .arg(m_flattenedDepth)
                              .arg(m_limits.maxHtmlDepth);
    if (m_splitBlocks > 0)
        document.notes << QStringLiteral("%1 blocks longer than %2 characters were split (--max-block-chars)")
                              .arg(m_splitBlocks)
                              .arg(m_limits.maxBlockChars);
    if (spent()) {
        const QString what = qstrcmp(m_spentOn, "text") == 0
                                 ? QStringLiteral("%1 characters of text").arg(m_limits.maxTextChars())
                                 : QStringLiteral("%1 blocks").arg(m_limits.maxBlocks());
        document.notes << capNote(
            QStringLiteral("%1, what %2 passages hold").arg(what).arg(m_limits.maxPassagesPerFile),
            m_spentAtLine);
    }
}

QString BlockBudget::capNote(const QString& what, int line) {
    return QStringLiteral("capped at %1 (--max-passages): %2 not indexed")
        .arg(what, line > 0 ? QStringLiteral("from line %1 (or part of it) on is").arg(line)
                            : QStringLiteral("the rest is"));
}

bool BlockBudget::isCapNote(const QString& note) {
    return note.startsWith(QLatin1String("capped at "));
}

} // namespace docrag
