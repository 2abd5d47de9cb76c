#include "engine/ingest/chunker.h"

#include "engine/core/hashing.h"
#include "engine/core/token_counter.h"

#include <algorithm>

namespace docrag {
namespace {

constexpr qsizetype kMaxHeadingLabel = 80;

struct Piece final {
    QString text;
    int tokens = 0;
    int lineStart = 0;
    int lineEnd = 0;
    QString anchor;
};

struct Heading final {
    int level = 0;
    QString label;
    QString anchor;
};

// "open(file, mode='r', ...)" -> "open()": the heading path names a definition; its chunk holds the
// signature.
QString definitionLabel(const QString& signature) {
    const qsizetype paren = signature.indexOf(QLatin1Char('('));
    QString label = paren > 0 ? signature.first(paren).trimmed() + QStringLiteral("()") : signature.trimmed();
    if (label.size() > kMaxHeadingLabel)
        label = label.first(kMaxHeadingLabel).trimmed() + QStringLiteral("…");
    return label;
}

QString fenced(const Block& block) {
    return QStringLiteral("```") + block.language + QLatin1Char('\n') + block.text + QStringLiteral("\n```");
}

// Sentences, or word runs when a sentence alone is over budget, given to `take` one part at a time as
// they are found (a one-line file of many megabytes is never split into a list of its words); a "word"
// far longer than the budget is cut too. Stops when `take` returns false.
template <typename Take> void splitProse(const QString& text, int budget, Take take) {
    const qsizetype longestWord = static_cast<qsizetype>(budget) * 3;
    QString current;
    int currentTokens = 0;
    const auto flush = [&] {
        if (current.isEmpty())
            return true;
        const bool more = take(current);
        current.clear();
        currentTokens = 0;
        return more;
    };
    const auto addWords = [&](QStringView sentence) {
        qsizetype at = 0;
        while (at < sentence.size()) {
            while (at < sentence.size() && sentence[at] == QLatin1Char(' '))
                ++at;
            qsizetype end = at;
            while (end < sentence.size() && sentence[end] != QLatin1Char(' ') && end - at < longestWord)
                ++end;
            if (end > at && end < sentence.size() && end - at == longestWord &&
                sentence[end - 1].isHighSurrogate())
                --end;
            if (end == at)
                break;
            const QStringView word = sentence.sliced(at, end - at);
            const int wordTokens = TokenCounter::estimate(word.toString()) + 1;
            if (currentTokens + wordTokens > budget && !flush())
                return false;
            if (!current.isEmpty())
                current += QLatin1Char(' ');
            current += word;
            currentTokens += wordTokens;
            at = end;
        }
        return flush();
    };
    qsizetype from = 0;
    const auto sentenceEnds = [&](qsizetype i) {
        const QChar c = text[i];
        return (c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?')) &&
               text[i + 1].isSpace();
    };
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool last = i == text.size();
        if (!last && !(i + 1 < text.size() && sentenceEnds(i)))
            continue;
        const qsizetype end = last ? text.size() : i + 1;
        const QStringView sentence = QStringView(text).sliced(from, end - from).trimmed();
        from = end;
        if (sentence.isEmpty())
            continue;
        // Estimating a sentence of megabytes would cost as much as cutting it: long ones go by words.
        const int tokens =
            sentence.size() > longestWord ? budget + 1 : TokenCounter::estimate(sentence.toString());
        if (tokens > budget) {
            if (!flush() || !addWords(sentence))
                return;
            continue;
        }
        if (currentTokens + tokens > budget && !flush())
            return;
        if (!current.isEmpty())
            current += QLatin1Char(' ');
        current += sentence;
        currentTokens += tokens + 1;
    }
    flush();
}

class ChunkBuilder final {
public:
    ChunkBuilder(const ChunkerOptions& options, const ParsedDocument& document, int maxChunks)
        : m_options(options)
        , m_document(document)
        , m_maxChunks(maxChunks > 0 ? static_cast<size_t>(maxChunks) : SIZE_MAX) {}

    std::vector<Chunk> run() {
        for (const Block& block : m_document.blocks) {
            if (full()) {
                capAt(block.lineStart);
                break;
            }
            take(block);
        }
        closeChunk();
        return std::move(m_chunks);
    }

    // The line from which the document was left out, 0 when unknown, -1 when all of it is in a chunk.
    int cappedAtLine() const { return m_cappedAtLine; }

private:
    void take(const Block& block) {
        switch (block.kind) {
        case BlockKind::Heading:
            if (!block.isSoftHeading() || newTokens() >= m_options.minTokens)
                closeChunk();
            if (full()) {
                capAt(block.lineStart);
                return;
            }
            popTo(block.level);
            m_headings.push_back(Heading{
                block.level, block.isSoftHeading() ? definitionLabel(block.text) : block.text.trimmed(),
                block.anchor});
            if (block.isSoftHeading())
                add(block, block.text, TokenCounter::estimate(block.text), block.lineStart, block.lineEnd);
            return;
        case BlockKind::HeadingEnd:
            if (newTokens() >= m_options.minTokens)
                closeChunk();
            popTo(block.level);
            return;
        case BlockKind::Paragraph:
        case BlockKind::Code:
            break;
        }
        if (block.text.isEmpty())
            return;
        // A page is the location a PDF citation gives, so a chunk never spans two.
        if (!m_pieces.empty() && block.page != m_page)
            closeChunk();
        m_page = block.page;

        const bool code = block.kind == BlockKind::Code;
        const QString text = code ? fenced(block) : block.text;
        const int tokens = TokenCounter::estimate(text);
        if (tokens > (code ? m_options.maxTokens : m_options.targetTokens)) {
            splitLarge(block);
            return;
        }
        if (m_tokens + tokens > m_options.targetTokens && !m_pieces.empty())
            closeChunkWithOverlap();
        add(block, text, tokens, block.lineStart, block.lineEnd);
    }

    void splitLarge(const Block& block) {
        if (block.kind == BlockKind::Code) {
            // Cut at line ends into pieces of about the target size; lines stay exact.
            const QStringList lines = block.text.split(QLatin1Char('\n'));
            QStringList part;
            int partTokens = 0;
            int partStart = block.lineStart;
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const int lineTokens = TokenCounter::estimate(lines[i]) + 1;
                if (partTokens + lineTokens > m_options.targetTokens && !part.isEmpty()) {
                    addCodePart(block, part, partTokens, partStart);
                    if (full())
                        return; // add() noted where
                    partStart = block.lineStart > 0 ? block.lineStart + static_cast<int>(i) : 0;
                    part.clear();
                    partTokens = 0;
                }
                part << lines[i];
                partTokens += lineTokens;
            }
            if (!part.isEmpty())
                addCodePart(block, part, partTokens, partStart);
            return;
        }
        splitProse(block.text, m_options.targetTokens, [&](const QString& part) {
            const int tokens = TokenCounter::estimate(part);
            if (m_tokens + tokens > m_options.targetTokens && !m_pieces.empty())
                closeChunkWithOverlap();
            add(block, part, tokens, block.lineStart, block.lineEnd); // adds nothing once full
            return !full();
        });
    }

    bool full() const { return m_chunks.size() >= m_maxChunks; }

    void capAt(int line) {
        if (m_cappedAtLine < 0)
            m_cappedAtLine = std::max(0, line);
    }

    void addCodePart(const Block& block, const QStringList& lines, int tokens, int lineStart) {
        if (!m_pieces.empty())
            closeChunk();
        Block part = block;
        part.text = lines.join(QLatin1Char('\n'));
        const int lineEnd = lineStart > 0 ? lineStart + static_cast<int>(lines.size()) - 1 : 0;
        add(part, fenced(part), tokens, lineStart, lineEnd);
    }

    void add(const Block& block, const QString& text, int tokens, int lineStart, int lineEnd) {
        // Once the chunks are all there may be, the first piece refused says where the document was cut.
        if (full()) {
            capAt(lineStart);
            return;
        }
        // A chunk is cited by the place where its own text begins.
        if (m_pieces.size() == m_carried) {
            m_chunkHeadingPath = headingPath();
            m_chunkAnchor =
                block.anchor.isEmpty() && !m_headings.empty() ? m_headings.back().anchor : block.anchor;
        }
        m_pieces.push_back(Piece{text, tokens, lineStart, lineEnd, block.anchor});
        m_tokens += tokens;
    }

    int newTokens() const {
        int tokens = 0;
        for (size_t i = m_carried; i < m_pieces.size(); ++i)
            tokens += m_pieces[i].tokens;
        return tokens;
    }

    QString headingPath() const {
        QStringList labels;
        for (const Heading& h : m_headings) {
            // The page's own title heading (an h1 repeating the title) adds nothing to a citation
            // and would count the title twice in search.
            if (labels.isEmpty() && &h == &m_headings.front() && h.label == m_document.title)
                continue;
            labels << h.label;
        }
        return labels.join(QLatin1String(" > "));
    }

    void popTo(int level) {
        while (!m_headings.empty() && m_headings.back().level >= level)
            m_headings.pop_back();
    }

    // Closes the chunk and starts the next one with the tail of this one, so that a passage cut
    // in the middle of an explanation still carries its context.
    void closeChunkWithOverlap() {
        std::vector<Piece> carried;
        int carriedTokens = 0;
        for (auto it = m_pieces.rbegin(); it != m_pieces.rend(); ++it) {
            if (carriedTokens + it->tokens > m_options.overlapTokens)
                break;
            carried.insert(carried.begin(), *it);
            carriedTokens += it->tokens;
        }
        closeChunk();
        // Carrying the whole chunk would repeat it; carry only a true tail.
        if (carriedTokens > 0 && carriedTokens < m_options.targetTokens / 2) {
            m_pieces = std::move(carried);
            m_tokens = carriedTokens;
            m_carried = m_pieces.size();
        }
    }

    void closeChunk() {
        if (m_pieces.size() <= m_carried) {
            // Only overlap from the previous chunk: nothing new to say.
            m_pieces.clear();
            m_tokens = 0;
            m_carried = 0;
            return;
        }
        Chunk chunk;
        chunk.ordinal = static_cast<int>(m_chunks.size());
        chunk.headingPath = m_chunkHeadingPath;
        QStringList texts;
        chunk.locStart = 0;
        for (const Piece& p : m_pieces) {
            texts << p.text;
            if (p.lineStart > 0 && (chunk.locStart == 0 || p.lineStart < chunk.locStart))
                chunk.locStart = p.lineStart;
            chunk.locEnd = std::max(chunk.locEnd, p.lineEnd);
        }
        chunk.text = texts.join(QLatin1String("\n\n"));
        chunk.anchor = m_chunkAnchor;
        chunk.page = m_page;
        chunk.tokenCount = TokenCounter::estimate(chunk.text);
        chunk.embedText = Chunker::embedText(m_document.title, chunk.headingPath, chunk.text);
        chunk.textHash = Hashing::xxh3(QStringView(chunk.embedText));
        m_chunks.push_back(std::move(chunk));
        m_pieces.clear();
        m_tokens = 0;
        m_carried = 0;
    }

    const ChunkerOptions& m_options;
    const ParsedDocument& m_document;
    const size_t m_maxChunks;
    int m_cappedAtLine = -1;
    std::vector<Chunk> m_chunks;
    std::vector<Heading> m_headings;
    std::vector<Piece> m_pieces;
    int m_tokens = 0;
    size_t m_carried = 0;
    int m_page = 0;
    QString m_chunkHeadingPath;
    QString m_chunkAnchor;
};

} // namespace

Chunker::Chunker(ChunkerOptions options)
    : m_options(options) {}

std::vector<Chunk> Chunker::chunk(const ParsedDocument& document, int maxChunks, int* cappedAtLine) const {
    ChunkBuilder builder(m_options, document, maxChunks);
    std::vector<Chunk> chunks = builder.run();
    if (cappedAtLine)
        *cappedAtLine = builder.cappedAtLine();
    return chunks;
}

QString Chunker::embedText(const QString& title, const QString& headingPath, const QString& text) {
    QString out;
    out.reserve(title.size() + headingPath.size() + text.size() + 4);
    out += title;
    if (!headingPath.isEmpty()) {
        if (!out.isEmpty())
            out += QLatin1String(" > ");
        out += headingPath;
    }
    if (!out.isEmpty())
        out += QLatin1Char('\n');
    out += text;
    return out;
}

} // namespace docrag
