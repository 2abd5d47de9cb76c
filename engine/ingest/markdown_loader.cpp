#include "engine/ingest/markdown_loader.h"

#include "engine/ingest/symbol_namer.h"
#include "engine/ingest/text_decoder.h"

#include <QFileInfo>
#include <QHash>
#include <QStringList>

#include <algorithm>
#include <climits>
#include <functional>
#include <md4c.h>
#include <vector>

namespace docrag {
namespace {

QByteArray normalizedUtf8(QString text) {
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text.toUtf8();
}

QByteArrayView rstripped(QByteArrayView line) {
    while (!line.isEmpty() && (line.back() == ' ' || line.back() == '\t'))
        line.chop(1);
    return line;
}

QString yamlScalar(QByteArrayView raw) {
    QString value = QString::fromUtf8(raw).trimmed();
    if (value.size() >= 2 && value.front() == value.back() &&
        (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\''))) {
        const QChar quote = value.front();
        value = value.mid(1, value.size() - 2);
        if (quote == QLatin1Char('\''))
            value.replace(QLatin1String("''"), QLatin1String("'"));
        else
            value.replace(QLatin1String("\\\""), QLatin1String("\""));
    }
    // Block scalars (`title: >`) and aliases would need a YAML parser; a title is not worth one.
    if (value.startsWith(QLatin1Char('|')) || value.startsWith(QLatin1Char('>')) ||
        value.startsWith(QLatin1Char('&')) || value.startsWith(QLatin1Char('*')))
        return {};
    return value.simplified();
}

struct FrontMatter final {
    int lineCount = 0;        // lines taken by the block, both fences included
    qsizetype bodyOffset = 0; // byte offset of the first line after it
    QString title;
};

FrontMatter readFrontMatter(const QByteArray& utf8) {
    FrontMatter result;
    qsizetype pos = 0;
    int line = 0;
    while (pos < utf8.size()) {
        qsizetype end = utf8.indexOf('\n', pos);
        if (end < 0)
            end = utf8.size();
        const QByteArrayView text = rstripped(QByteArrayView(utf8).sliced(pos, end - pos));
        if (line == 0 && text != "---")
            return {};
        if (line > 0 && (text == "---" || text == "...")) {
            result.lineCount = line + 1;
            result.bodyOffset = std::min(end + 1, utf8.size());
            return result;
        }
        if (line > 0 && text.startsWith("title:") && result.title.isEmpty())
            result.title = yamlScalar(text.sliced(6));
        pos = end + 1;
        ++line;
    }
    return {}; // an unclosed "---" is a thematic break, not front matter
}

void appendUtf8(QByteArray& out, char32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    const QString s = QString::fromUcs4(&cp, 1);
    out += s.toUtf8();
}

void appendEntity(QByteArray& out, QByteArrayView entity) {
    if (entity.size() > 3 && entity[1] == '#') {
        const bool hex = entity[2] == 'x' || entity[2] == 'X';
        const QByteArrayView digits = entity.sliced(hex ? 3 : 2, entity.size() - (hex ? 4 : 3));
        bool ok = false;
        const uint cp = QByteArray(digits.data(), digits.size()).toUInt(&ok, hex ? 16 : 10);
        appendUtf8(out, ok ? cp : 0xFFFD);
        return;
    }
    static const QHash<QByteArray, char32_t> named = {
        {"&amp;", U'&'},   {"&lt;", U'<'},    {"&gt;", U'>'},    {"&quot;", U'"'},     {"&apos;", U'\''},
        {"&nbsp;", U' '},  {"&copy;", U'©'},  {"&reg;", U'®'},   {"&trade;", U'™'},    {"&hellip;", U'…'},
        {"&mdash;", U'—'}, {"&ndash;", U'–'}, {"&laquo;", U'«'}, {"&raquo;", U'»'},    {"&ldquo;", U'“'},
        {"&rdquo;", U'”'}, {"&lsquo;", U'‘'}, {"&rsquo;", U'’'}, {"&times;", U'×'},    {"&middot;", U'·'},
        {"&bull;", U'•'},  {"&deg;", U'°'},   {"&euro;", U'€'},  {"&larr;", U'←'},     {"&rarr;", U'→'},
        {"&harr;", U'↔'},  {"&sect;", U'§'},  {"&para;", U'¶'},  {"&shy;", U'\u00AD'}, {"&zwj;", U'\u200D'},
        {"&check;", U'✓'}, {"&le;", U'≤'},    {"&ge;", U'≥'},    {"&ne;", U'≠'},
    };
    const auto it = named.constFind(QByteArray(entity.data(), entity.size()));
    if (it != named.constEnd())
        appendUtf8(out, it.value());
    else
        out.append(entity.data(), entity.size()); // unknown names stay as written
}

// github-slugger: lowercase, keep letters, numbers, marks, '-' and '_', spaces become '-'.
QString githubSlug(const QString& text) {
    const QString lower = text.toLower();
    QString slug;
    slug.reserve(lower.size());
    for (qsizetype i = 0; i < lower.size(); ++i) {
        char32_t cp = lower[i].unicode();
        qsizetype width = 1;
        if (lower[i].isHighSurrogate() && i + 1 < lower.size() && lower[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(lower[i], lower[i + 1]);
            width = 2;
        }
        if (cp == U' ')
            slug += QLatin1Char('-');
        else if (cp == U'-' || cp == U'_' || QChar::isLetterOrNumber(cp) || QChar::isMark(cp))
            slug += QStringView(lower).sliced(i, width);
        i += width - 1;
    }
    return slug;
}

enum class Pending { None, Paragraph, Heading, Code, Row };

struct ListState final {
    bool ordered = false;
    unsigned next = 1;
};

// Receives md4c's callbacks and turns them into blocks with source lines.
class MarkdownBuilder final {
public:
    MarkdownBuilder(const QByteArray& buffer, BlockBudget& budget)
        : m_buffer(buffer)
        , m_budget(budget) {
        m_lineStarts.push_back(0);
        for (qsizetype i = 0; i < buffer.size(); ++i) {
            if (buffer[i] == '\n')
                m_lineStarts.push_back(i + 1);
        }
    }

    int parse() {
        MD_PARSER parser{};
        parser.flags = MD_DIALECT_GITHUB;
        // A callback's non-zero result stops md4c: the file has given all the blocks it may.
        parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
            auto* builder = static_cast<MarkdownBuilder*>(self);
            return builder->enterBlock(type, detail) != 0 || builder->m_budget.spent() ? 1 : 0;
        };
        parser.leave_block = [](MD_BLOCKTYPE type, void*, void* self) {
            auto* builder = static_cast<MarkdownBuilder*>(self);
            return builder->leaveBlock(type) != 0 || builder->m_budget.spent() ? 1 : 0;
        };
        parser.enter_span = [](MD_SPANTYPE type, void*, void* self) {
            static_cast<MarkdownBuilder*>(self)->onSpan(type, true);
            return 0;
        };
        parser.leave_span = [](MD_SPANTYPE type, void*, void* self) {
            static_cast<MarkdownBuilder*>(self)->onSpan(type, false);
            return 0;
        };
        parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
            return static_cast<MarkdownBuilder*>(self)->onText(type, text, size);
        };
        return md_parse(m_buffer.constData(), static_cast<MD_SIZE>(m_buffer.size()), &parser, this);
    }

    std::vector<Block> takeBlocks() { return std::move(m_blocks); }
    const QString& firstH1() const { return m_firstH1; }

private:
    int enterBlock(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            flush();
            m_lists.push_back(
                ListState{type == MD_BLOCK_OL,
                          type == MD_BLOCK_OL ? static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start : 1});
            break;
        case MD_BLOCK_LI:
            flush();
            start(Pending::Paragraph);
            m_prefix = listPrefix(*static_cast<MD_BLOCK_LI_DETAIL*>(detail));
            break;
        case MD_BLOCK_P:
            // The first paragraph of a loose list item continues the item the LI started.
            if (m_pending == Pending::Paragraph && !m_prefix.isEmpty() && m_text.isEmpty())
                break;
            flush();
            start(Pending::Paragraph);
            break;
        case MD_BLOCK_H:
            flush();
            start(Pending::Heading);
            m_level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
            break;
        case MD_BLOCK_CODE:
            flush();
            startCode(*static_cast<MD_BLOCK_CODE_DETAIL*>(detail));
            break;
        case MD_BLOCK_TR:
            flush();
            start(Pending::Row);
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
            m_text.clear();
            break;
        default: // document, quote, rule, raw HTML, table containers: boundaries only
            flush();
            break;
        }
        return 0;
    }

    int leaveBlock(MD_BLOCKTYPE type) {
        switch (type) {
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            flush();
            if (!m_lists.empty())
                m_lists.pop_back();
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
            m_cells.append(QString::fromUtf8(m_text).simplified());
            m_text.clear();
            break;
        default:
            flush();
            break;
        }
        return 0;
    }

    // Where a heading's first code span is, for the symbol it may name ("Class: `fs.Dir`").
    void onSpan(MD_SPANTYPE type, bool enter) {
        if (type != MD_SPAN_CODE || m_pending != Pending::Heading)
            return;
        if (enter && m_codeSpanStart < 0)
            m_codeSpanStart = m_text.size();
        else if (!enter && m_codeSpanEnd < 0)
            m_codeSpanEnd = m_text.size();
    }

    int onText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
        if (type == MD_TEXT_HTML)
            return 0;
        if (m_pending == Pending::None)
            start(Pending::Paragraph); // text after a nested list inside a list item
        noteLines(text, size);
        switch (type) {
        case MD_TEXT_NULLCHAR:
            m_text += "\xEF\xBF\xBD";
            break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
            m_text += ' ';
            break;
        case MD_TEXT_ENTITY:
            appendEntity(m_text, QByteArrayView(text, size));
            break;
        default:
            appendText(QByteArrayView(text, size));
            break;
        }
        return 0;
    }

    // A paragraph longer than a block may be goes out in pieces as it comes, cut between characters, so
    // that a one-line file of many megabytes is not held twice more.
    void appendText(QByteArrayView text) {
        const qsizetype most = std::max(16, m_budget.limits().maxBlockChars);
        while (m_pending == Pending::Paragraph && m_text.size() + text.size() > most && !m_budget.spent()) {
            qsizetype take = std::max<qsizetype>(0, most - m_text.size());
            while (take > 0 && take < text.size() && (static_cast<unsigned char>(text[take]) & 0xC0) == 0x80)
                --take;
            m_text.append(text.first(take));
            text = text.sliced(take);
            // The rest goes on from the line this piece ended on (start() forgets the lines).
            const QString prefix = m_prefix;
            const int line = m_lastLine;
            flush();
            start(Pending::Paragraph);
            m_prefix = prefix;
            m_firstLine = line;
            m_lastLine = line;
        }
        m_text.append(text);
    }

    QString listPrefix(const MD_BLOCK_LI_DETAIL& detail) {
        QString prefix = QStringLiteral("- ");
        if (!m_lists.empty() && m_lists.back().ordered)
            prefix = QString::number(m_lists.back().next++) + QLatin1String(". ");
        if (detail.is_task)
            prefix += detail.task_mark == ' ' ? QLatin1String("[ ] ") : QLatin1String("[x] ");
        return prefix;
    }

    void start(Pending kind) {
        m_pending = kind;
        m_text.clear();
        m_prefix.clear();
        m_cells.clear();
        m_language.clear();
        m_fence = 0;
        m_firstLine = 0;
        m_lastLine = 0;
        m_codeFirstLine = 0;
        m_codeSpanStart = -1;
        m_codeSpanEnd = -1;
    }

    void startCode(const MD_BLOCK_CODE_DETAIL& detail) {
        start(Pending::Code);
        m_fence = detail.fence_char;
        const QString info = QString::fromUtf8(detail.info.text, detail.info.size).trimmed();
        qsizetype end = 0;
        while (end < info.size() && !info[end].isSpace())
            ++end;
        m_language = info.left(end).toLower();
    }

    // 1-based line of a byte offset into the buffer.
    int lineOf(qsizetype offset) const {
        const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
        return static_cast<int>(it - m_lineStarts.begin());
    }

    void noteLines(const MD_CHAR* text, MD_SIZE size) {
        // Entities' replacements and indentation md4c synthesises live outside the input.
        const std::less<const char*> before;
        const char* begin = m_buffer.constData();
        if (size == 0 || before(text, begin) || !before(text, begin + m_buffer.size()))
            return;
        const qsizetype offset = text - begin;
        const int first = lineOf(offset);
        const int last = lineOf(std::min(offset + static_cast<qsizetype>(size), m_buffer.size()) - 1);
        if (m_pending == Pending::Code && m_codeFirstLine == 0)
            m_codeFirstLine = first - static_cast<int>(m_text.count('\n'));
        if (m_firstLine == 0 || first < m_firstLine)
            m_firstLine = first;
        m_lastLine = std::max(m_lastLine, last);
    }

    bool isClosingFence(int line) const {
        if (line < 1 || line > static_cast<int>(m_lineStarts.size()))
            return false;
        const qsizetype begin = m_lineStarts[static_cast<size_t>(line - 1)];
        const qsizetype end = line < static_cast<int>(m_lineStarts.size())
                                  ? m_lineStarts[static_cast<size_t>(line)] - 1
                                  : m_buffer.size();
        qsizetype i = begin;
        while (i < end && (m_buffer[i] == ' ' || m_buffer[i] == '\t' || m_buffer[i] == '>'))
            ++i;
        int run = 0;
        while (i < end && m_buffer[i] == m_fence) {
            ++i;
            ++run;
        }
        while (i < end && (m_buffer[i] == ' ' || m_buffer[i] == '\t'))
            ++i;
        return run >= 3 && i == end;
    }

    void flush() {
        const Pending kind = m_pending;
        m_pending = Pending::None;
        switch (kind) {
        case Pending::None:
            return;
        case Pending::Paragraph:
            return emitParagraph(QString::fromUtf8(m_text).simplified());
        case Pending::Row: {
            const bool empty =
                std::all_of(m_cells.cbegin(), m_cells.cend(), [](const QString& c) { return c.isEmpty(); });
            return emitParagraph(empty ? QString() : m_cells.join(QLatin1String(" | ")).trimmed());
        }
        case Pending::Heading:
            return emitHeading();
        case Pending::Code:
            return emitCode();
        }
    }

    void emitParagraph(const QString& body) {
        if (body.isEmpty())
            return;
        Block block;
        block.kind = BlockKind::Paragraph;
        block.text = m_prefix + body;
        push(std::move(block), m_firstLine, m_lastLine);
    }

    void emitHeading() {
        const QString text = QString::fromUtf8(m_text).simplified();
        if (text.isEmpty())
            return;
        m_anchor = uniqueSlug(githubSlug(text));
        if (m_level == 1 && m_firstH1.isEmpty())
            m_firstH1 = text;
        Block block;
        block.kind = BlockKind::Heading;
        block.level = m_level;
        block.text = text;
        if (m_codeSpanStart >= 0 && m_codeSpanEnd > m_codeSpanStart) {
            const QString before = QString::fromUtf8(m_text.first(m_codeSpanStart));
            const QString code =
                QString::fromUtf8(m_text.sliced(m_codeSpanStart, m_codeSpanEnd - m_codeSpanStart));
            if (const auto symbol = SymbolNamer::fromCode(before, code)) {
                block.symbol = symbol->name;
                block.symbolKind = symbol->kind;
            }
        }
        push(std::move(block), m_firstLine, m_lastLine);
    }

    void emitCode() {
        const auto contentLines = static_cast<int>(m_text.count('\n'));
        QString text = QString::fromUtf8(m_text);
        while (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
        if (text.trimmed().isEmpty() || m_codeFirstLine == 0)
            return;
        int first = m_codeFirstLine;
        int last = first + std::max(contentLines, 1) - 1;
        if (m_fence != 0) {
            --first;
            if (isClosingFence(last + 1))
                ++last;
        }
        Block block;
        block.kind = BlockKind::Code;
        block.text = std::move(text);
        block.language = m_language;
        push(std::move(block), first, last);
    }

    void push(Block block, int first, int last) {
        block.anchor = m_anchor;
        block.lineStart = first;
        block.lineEnd = std::max(first, last);
        m_budget.append(m_blocks, std::move(block));
    }

    // Repeated headings get "-1", "-2", ... as GitHub numbers them.
    QString uniqueSlug(const QString& base) {
        QString slug = base;
        while (m_slugs.contains(slug)) {
            int& count = m_slugs[base];
            ++count;
            slug = base + QLatin1Char('-') + QString::number(count);
        }
        m_slugs.insert(slug, 0);
        return slug;
    }

    const QByteArray& m_buffer;
    BlockBudget& m_budget;
    std::vector<qsizetype> m_lineStarts;
    std::vector<Block> m_blocks;
    std::vector<ListState> m_lists;
    QHash<QString, int> m_slugs;
    QString m_anchor;
    QString m_firstH1;

    Pending m_pending = Pending::None;
    QByteArray m_text;
    QString m_prefix;
    QStringList m_cells;
    QString m_language;
    char m_fence = 0;
    int m_level = 0;
    int m_firstLine = 0;
    int m_lastLine = 0;
    int m_codeFirstLine = 0;
    qsizetype m_codeSpanStart = -1;
    qsizetype m_codeSpanEnd = -1;
};

} // namespace

Result<ParsedDocument> MarkdownLoader::parse(const QString& path, const QByteArray& bytes,
                                             BlockBudget& budget) const {
    Result<DecodedText> decoded = TextDecoder::decode(bytes);
    if (!decoded)
        return decoded.error();

    ParsedDocument doc;
    doc.format = QStringLiteral("markdown");
    if (const QString note = TextDecoder::noteFor(*decoded); !note.isEmpty())
        doc.notes.append(note);

    QByteArray utf8 = normalizedUtf8(std::move(decoded->text));
    const FrontMatter front = readFrontMatter(utf8);
    if (front.lineCount > 0) {
        // Front matter becomes blank lines so that every later line keeps its number.
        QByteArray body(front.lineCount, '\n');
        body.append(QByteArrayView(utf8).sliced(front.bodyOffset));
        utf8 = std::move(body);
    }
    if (utf8.size() >= static_cast<qsizetype>(UINT_MAX))
        return Error{ErrorCode::TooLarge, QStringLiteral("markdown file too large to parse")};

    MarkdownBuilder builder(utf8, budget);
    if (builder.parse() != 0 && !budget.spent())
        return Error{ErrorCode::Parse, QStringLiteral("markdown parser failed")};
    doc.blocks = builder.takeBlocks();

    doc.title = front.title;
    if (doc.title.isEmpty())
        doc.title = builder.firstH1();
    if (doc.title.isEmpty())
        doc.title = QFileInfo(path).completeBaseName();
    return doc;
}

} // namespace docrag
