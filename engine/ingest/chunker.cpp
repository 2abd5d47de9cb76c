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

// Sentences, or word runs when a sentence alone is over budget.
QStringList splitProse(const QString& text, int budget) {
    QStringList sentences;
    qsizetype from = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        const QChar c = text[i];
        if ((c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?')) &&
            text[i + 1].isSpace()) {
            sentences << text.sliced(from, i + 1 - from).trimmed();
            from = i + 1;
        }
    }
    if (from < text.size())
        sentences << text.sliced(from).trimmed();

    QStringList parts;
    QString current;
    int currentTokens = 0;
    auto flush = [&] {
        if (!current.isEmpty())
            parts << current;
        current.clear();
        currentTokens = 0;
    };
    for (const QString& sentence : std::as_const(sentences)) {
        if (sentence.isEmpty())
            continue;
        const int tokens = TokenCounter::estimate(sentence);
        if (tokens > budget) {
            flush();
            // Cut at spaces into runs of about `budget` tokens.
            const QStringList words = sentence.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const QString& word : words) {
                const int wordTokens = TokenCounter::estimate(word) + 1;
                if (currentTokens + wordTokens > budget)
                    flush();
                current += current.isEmpty() ? word : QLatin1Char(' ') + word;
                currentTokens += wordTokens;
            }
            flush();
            continue;
        }
        if (currentTokens + tokens > budget)
            flush();
        current += current.isEmpty() ? sentence : QLatin1Char(' ') + sentence;
        currentTokens += tokens + 1;
    }
    flush();
    return parts;
}

class ChunkBuilder final {
public:
    ChunkBuilder(const ChunkerOptions& options, const ParsedDocument& document)
        : m_options(options)
        , m_document(document) {}

    std::vector<Chunk> run() {
        for (const Block& block : m_document.blocks)
            take(block);
        closeChunk();
        return std::move(m_chunks);
    }

private:
    void take(const Block& block) {
        switch (block.kind) {
        case BlockKind::Heading:
            if (!block.isSoftHeading() || newTokens() >= m_options.minTokens)
                closeChunk();
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
        for (const QString& part : splitProse(block.text, m_options.targetTokens)) {
            const int tokens = TokenCounter::estimate(part);
            if (m_tokens + tokens > m_options.targetTokens && !m_pieces.empty())
                closeChunkWithOverlap();
            add(block, part, tokens, block.lineStart, block.lineEnd);
        }
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

std::vector<Chunk> Chunker::chunk(const ParsedDocument& document) const {
    return ChunkBuilder(m_options, document).run();
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
