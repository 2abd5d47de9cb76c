#include "engine/ingest/rst_loader.h"

#include "engine/ingest/rst_inline.h"
#include "engine/ingest/rst_line.h"
#include "engine/ingest/rst_table.h"
#include "engine/ingest/text_decoder.h"

#include <QFileInfo>
#include <QHash>
#include <QStringList>

#include <algorithm>
#include <climits>
#include <vector>

namespace docrag {
namespace {

bool isAdornment(QStringView body) {
    if (body.isEmpty())
        return false;
    const QChar c = body.front();
    if (c.unicode() > 0x7E || c.unicode() <= 0x20 || c.isLetterOrNumber())
        return false;
    for (const QChar other : body) {
        if (other != c)
            return false;
    }
    return true;
}

// ":name: body" of a field list (not a role at the start of a sentence).
bool isFieldMarker(QStringView body) {
    if (!body.startsWith(QLatin1Char(':')) || body.size() < 3 || body[1].isSpace())
        return false;
    for (qsizetype at = body.indexOf(QLatin1Char(':'), 2); at > 1;
         at = body.indexOf(QLatin1Char(':'), at + 1)) {
        if (body[at - 1] != QLatin1Char('\\'))
            return at + 1 == body.size() || body[at + 1].isSpace();
    }
    return false;
}

enum class DirectiveKind { Code, Highlight, Module, Object, Version, ProseArgument, Dropped, Other };

DirectiveKind directiveKind(QStringView name) {
    static const QHash<QString, DirectiveKind> kinds = [] {
        QHash<QString, DirectiveKind> map;
        const auto add = [&map](std::initializer_list<const char*> names, DirectiveKind kind) {
            for (const char* n : names)
                map.insert(QString::fromLatin1(n), kind);
        };
        add({"code-block", "code", "sourcecode", "doctest", "testcode", "testoutput", "testsetup",
             "testcleanup", "parsed-literal"},
            DirectiveKind::Code);
        add({"highlight"}, DirectiveKind::Highlight);
        add({"module", "currentmodule"}, DirectiveKind::Module);
        add({"function", "method", "classmethod", "staticmethod", "class", "attribute", "property", "data",
             "exception", "decorator", "decoratormethod", "coroutinefunction", "coroutinemethod"},
            DirectiveKind::Object);
        add({"versionadded", "versionchanged", "deprecated", "versionremoved"}, DirectiveKind::Version);
        add({"note", "warning", "tip", "hint", "important", "attention", "caution", "danger", "error",
             "seealso", "admonition", "rubric", "topic", "sidebar", "table", "csv-table", "list-table",
             "todo"},
            DirectiveKind::ProseArgument);
        add({"toctree", "index", "image", "include", "literalinclude", "raw", "meta", "sectionauthor",
             "moduleauthor", "codeauthor", "tabularcolumns", "contents", "default-role", "role",
             "autosummary", "sectnum", "target-notes", "footer", "header"},
            DirectiveKind::Dropped);
        return map;
    }();
    QStringView bare = name;
    if (bare.startsWith(QLatin1String("py:")))
        bare = bare.sliced(3);
    const auto it = kinds.constFind(bare.toString());
    if (it != kinds.constEnd())
        return it.value();
    return name.contains(QLatin1Char(':')) ? DirectiveKind::ProseArgument : DirectiveKind::Other;
}

struct SoftHeading final {
    int indent = 0;
    int level = 0;
    QString anchor;
    QString outerAnchor;
    QString contentClass;
    QString contentModule;
};

struct SectionStyle final {
    QChar character;
    bool overline = false;
};

class RstParser final {
public:
    RstParser(const QString& text, BlockBudget& budget)
        : m_budget(budget)
        , m_lines(RstLine::split(text)) {}

    void parse() {
        size_t i = 0;
        while (i < m_lines.size() && !m_budget.spent()) {
            if (m_lines[i].blank()) {
                ++i;
                continue;
            }
            closeSoftHeadings(m_lines[i].indent, i);
            i = parseBlock(i);
        }
        closeSoftHeadings(-1, m_lines.size());
    }

    std::vector<Block> takeBlocks() { return std::move(m_blocks); }
    const QString& title() const { return m_title; }

private:
    size_t parseBlock(size_t i) {
        const RstLine& line = m_lines[i];
        const QStringView body = line.body();
        if (body.startsWith(QLatin1String("..")) && (body.size() == 2 || body[2].isSpace()))
            return explicitMarkup(i);
        if (m_soft.empty() && line.indent == 0) {
            if (const size_t next = sectionTitle(i); next > i)
                return next;
        }
        if (body.startsWith(QLatin1String("__ ")))
            return bodyEnd(i + 1, line.indent); // an anonymous hyperlink target
        if (isAdornment(body) && body.size() >= 4 && (i + 1 == m_lines.size() || m_lines[i + 1].blank()))
            return i + 1; // a transition
        if (RstTable::isGridBorder(body))
            return table(i, true);
        if (RstTable::isSimpleBorder(body))
            return table(i, false);
        if (body.startsWith(QLatin1String(">>>")))
            return codeUntilBlank(i, QStringLiteral("python"));
        if (const qsizetype width = listMarkerWidth(body); width > 0) {
            const bool bullet = !body.front().isDigit() && body.front() != QLatin1Char('#') &&
                                body.front() != QLatin1Char('(');
            const QString prefix =
                bullet ? QStringLiteral("- ") : body.first(width).trimmed().toString() + QLatin1Char(' ');
            return paragraph(i, line.indent + static_cast<int>(width), body.sliced(width), prefix);
        }
        if (body == QLatin1String("|") || body.startsWith(QLatin1String("| ")))
            return lineBlock(i);
        return paragraph(i, line.indent, body, QString());
    }

    static qsizetype listMarkerWidth(QStringView body) {
        const auto followedBySpace = [body](qsizetype at) {
            return at == body.size() || (at < body.size() && body[at] == QLatin1Char(' '));
        };
        const auto withSpaces = [body](qsizetype at) {
            while (at < body.size() && body[at] == QLatin1Char(' '))
                ++at;
            return at;
        };
        if (QStringView(u"-*+\u2022").contains(body.front()))
            return followedBySpace(1) ? withSpaces(1) : 0;
        qsizetype at = body.startsWith(QLatin1Char('(')) ? 1 : 0;
        const qsizetype digits = at;
        if (at < body.size() && body[at] == QLatin1Char('#'))
            ++at;
        else
            while (at < body.size() && at < digits + 9 && body[at].isDigit())
                ++at;
        if (at == digits || at >= body.size())
            return 0;
        const bool closes = body[at] == QLatin1Char(')') || (digits == 0 && body[at] == QLatin1Char('.'));
        if (!closes || !followedBySpace(at + 1))
            return 0;
        return withSpaces(at + 1);
    }

    // Lines at `indent` joined into one paragraph; a trailing "::" introduces a literal block.
    size_t paragraph(size_t i, int indent, QStringView first, const QString& prefix) {
        const bool field = isFieldMarker(first);
        QString joined = first.toString();
        size_t j = i + 1;
        while (j < m_lines.size() && !m_lines[j].blank() &&
               (field ? m_lines[j].indent > m_lines[i].indent : m_lines[j].indent == indent)) {
            joined += QLatin1Char(' ');
            joined += m_lines[j].body();
            ++j;
        }
        const bool literal = joined.endsWith(QLatin1String("::"));
        if (literal) {
            joined.chop(joined.size() >= 3 && joined[joined.size() - 3].isSpace() ? 2 : 1);
            if (joined == QLatin1String(":"))
                joined.clear();
        }
        if (field)
            joined.remove(0, 1);
        emitText(BlockKind::Paragraph, prefix + RstInline::reduce(joined), i, j - 1, prefix.size());
        if (!literal)
            return j;
        size_t k = j;
        while (k < m_lines.size() && m_lines[k].blank())
            ++k;
        if (k == m_lines.size() || m_lines[k].indent <= indent)
            return j;
        return emitIndentedCode(k, indent, m_highlight);
    }

    size_t lineBlock(size_t i) {
        QString joined;
        size_t j = i;
        while (j < m_lines.size() && !m_lines[j].blank() && m_lines[j].indent >= m_lines[i].indent) {
            QStringView body = m_lines[j].body();
            if (m_lines[j].indent == m_lines[i].indent)
                body = body.sliced(1);
            joined += body;
            joined += QLatin1Char(' ');
            ++j;
        }
        emitText(BlockKind::Paragraph, RstInline::reduce(joined), i, j - 1);
        return j;
    }

    // Each row of the table (cells joined by " | ") becomes one paragraph.
    size_t table(size_t i, bool grid) {
        RstTable reader(m_lines);
        const size_t end = grid ? reader.parseGrid(i) : reader.parseSimple(i);
        for (const RstTable::Row& row : reader.rows())
            emitText(BlockKind::Paragraph, row.text, row.first, row.last);
        return end;
    }

    size_t codeUntilBlank(size_t i, const QString& language) {
        size_t j = i;
        while (j < m_lines.size() && !m_lines[j].blank())
            ++j;
        emitCode(i, j - 1, language);
        return j;
    }

    // The block of lines indented deeper than `indent`, starting at the non-blank line k.
    size_t emitIndentedCode(size_t k, int indent, const QString& language) {
        const size_t end = bodyEnd(k, indent);
        size_t last = end - 1;
        while (last > k && m_lines[last].blank())
            --last;
        emitCode(k, last, language);
        return end;
    }

    size_t bodyEnd(size_t from, int indent) const {
        size_t j = from;
        while (j < m_lines.size() && (m_lines[j].blank() || m_lines[j].indent > indent))
            ++j;
        return j;
    }

    void emitCode(size_t first, size_t last, const QString& language) {
        int common = INT_MAX;
        for (size_t j = first; j <= last; ++j) {
            if (!m_lines[j].blank())
                common = std::min(common, m_lines[j].indent);
        }
        QString text;
        for (size_t j = first; j <= last; ++j) {
            if (j > first)
                text += QLatin1Char('\n');
            if (m_lines[j].blank())
                continue;
            text += QString(m_lines[j].indent - common, QLatin1Char(' '));
            text += m_lines[j].body();
        }
        Block block;
        block.kind = BlockKind::Code;
        block.text = std::move(text);
        block.language = language;
        push(std::move(block), first, last);
    }

    size_t sectionTitle(size_t i) {
        const auto adornmentAt = [this](size_t j) {
            return j < m_lines.size() && m_lines[j].indent == 0 && isAdornment(m_lines[j].body());
        };
        const RstLine& line = m_lines[i];
        if (adornmentAt(i)) {
            if (i + 2 >= m_lines.size() || m_lines[i + 1].blank() || adornmentAt(i + 1) ||
                !adornmentAt(i + 2) || m_lines[i + 2].body().front() != line.body().front())
                return i;
            emitSection(m_lines[i + 1].body(), SectionStyle{line.body().front(), true}, i, i + 2);
            return i + 3;
        }
        if (!adornmentAt(i + 1))
            return i;
        // docutils accepts an underline shorter than the title from four characters on.
        const qsizetype underline = m_lines[i + 1].body().size();
        if (underline < line.body().size() && underline < 4)
            return i;
        emitSection(line.body(), SectionStyle{m_lines[i + 1].body().front(), false}, i, i + 1);
        return i + 2;
    }

    void emitSection(QStringView rawTitle, SectionStyle style, size_t first, size_t last) {
        const QString text = RstInline::reduce(rawTitle);
        int level = 1;
        while (level <= static_cast<int>(m_styles.size()) &&
               (m_styles[level - 1].character != style.character ||
                m_styles[level - 1].overline != style.overline))
            ++level;
        if (level > static_cast<int>(m_styles.size()))
            m_styles.push_back(style);
        const QString base = RstInline::sectionId(m_label.isEmpty() ? text : m_label);
        QString anchor = base;
        // Counting per base keeps a document with thousands of equal titles linear.
        while (m_ids.contains(anchor)) {
            int& count = m_ids[base];
            anchor = base + QLatin1Char('-') + QString::number(++count);
        }
        m_ids.insert(anchor, 0);
        m_anchor = anchor;
        if (m_title.isEmpty())
            m_title = text;
        Block block;
        block.kind = BlockKind::Heading;
        block.level = std::min(level, Block::kMaxSectionLevel);
        block.text = text;
        push(std::move(block), first, last);
    }

    size_t explicitMarkup(size_t i) {
        const int indent = m_lines[i].indent;
        const QStringView rest = m_lines[i].body().sliced(2).trimmed();
        if (rest.startsWith(QLatin1String("_"))) {
            target(i, rest);
            return bodyEnd(i + 1, indent);
        }
        if (rest.startsWith(QLatin1Char('[')) && rest.indexOf(QLatin1Char(']')) > 1) {
            const qsizetype close = rest.indexOf(QLatin1Char(']'));
            const int bodyIndent =
                i + 1 < m_lines.size() && m_lines[i + 1].indent > indent ? m_lines[i + 1].indent : indent + 3;
            return paragraph(i, bodyIndent, rest.sliced(close + 1).trimmed(),
                             rest.first(close + 1).toString() + QLatin1Char(' '));
        }
        const qsizetype colons = rest.indexOf(QLatin1String("::"));
        const QStringView name = colons > 0 ? rest.first(colons) : QStringView();
        if (rest.startsWith(QLatin1Char('|')) || name.isEmpty() || name.contains(QLatin1Char(' ')))
            return bodyEnd(i + 1, indent); // a comment or a substitution definition
        return directive(i, name.toString().toLower(), rest.sliced(colons + 2).trimmed());
    }

    void target(size_t i, QStringView rest) {
        QStringView name = rest.sliced(1);
        QStringView after;
        if (name.startsWith(QLatin1Char('`'))) {
            const qsizetype close = name.indexOf(QLatin1String("`:"), 1);
            after = close > 0 ? name.sliced(close + 2) : QStringView();
            name = close > 0 ? name.sliced(1, close - 1) : QStringView();
        } else {
            qsizetype colon = name.indexOf(QLatin1Char(':'));
            while (colon >= 0 && colon + 1 < name.size() && !name[colon + 1].isSpace())
                colon = name.indexOf(QLatin1Char(':'), colon + 1);
            after = colon > 0 ? name.sliced(colon + 1) : QStringView();
            name = colon > 0 ? name.first(colon) : QStringView();
        }
        const bool continued =
            i + 1 < m_lines.size() && !m_lines[i + 1].blank() && m_lines[i + 1].indent > m_lines[i].indent;
        // Only internal targets name the next section; "_name: URL" is a link definition.
        if (!name.isEmpty() && name != QLatin1String("_") && after.trimmed().isEmpty() && !continued &&
            m_label.isEmpty())
            m_label = name.toString();
    }

    size_t directive(size_t i, const QString& name, QStringView argument) {
        const int indent = m_lines[i].indent;
        QStringList arguments;
        if (!argument.isEmpty())
            arguments.append(argument.toString());
        size_t j = i + 1;
        // Without text on the directive line, the lines below are content, not arguments.
        for (; !argument.isEmpty() && j < m_lines.size() && !m_lines[j].blank() &&
               m_lines[j].indent > indent && !m_lines[j].body().startsWith(QLatin1Char(':'));
             ++j)
            arguments.append(m_lines[j].body().toString());
        const size_t argumentEnd = j;
        QHash<QString, QString> options;
        for (; j < m_lines.size() && !m_lines[j].blank() && m_lines[j].indent > indent &&
               m_lines[j].body().startsWith(QLatin1Char(':'));
             ++j) {
            const QStringView option = m_lines[j].body();
            const qsizetype close = option.indexOf(QLatin1Char(':'), 1);
            if (close > 1)
                options.insert(option.sliced(1, close - 1).toString(),
                               option.sliced(close + 1).trimmed().toString());
        }
        const QString firstWord =
            argument.isEmpty() ? QString() : argument.split(QLatin1Char(' ')).front().toString().toLower();

        switch (directiveKind(name)) {
        case DirectiveKind::Code: {
            const QString language =
                name == QLatin1String("parsed-literal") ? QString()
                : name.startsWith(QLatin1String("test")) || name == QLatin1String("doctest")
                    ? QStringLiteral("python")
                : firstWord.isEmpty() ? m_highlight
                                      : firstWord;
            size_t k = j;
            while (k < m_lines.size() && m_lines[k].blank())
                ++k;
            if (k == m_lines.size() || m_lines[k].indent <= indent)
                return k;
            return emitIndentedCode(k, indent, language);
        }
        case DirectiveKind::Highlight:
            m_highlight = firstWord;
            return bodyEnd(j, indent);
        case DirectiveKind::Module:
            m_module = argument == QLatin1String("None") ? QString() : argument.toString();
            return bodyEnd(j, indent);
        case DirectiveKind::Object:
            openSoftHeading(i, argumentEnd - 1, name, arguments, options.value(QStringLiteral("module")));
            return j;
        case DirectiveKind::Version:
            emitVersion(name, arguments.join(QLatin1Char(' ')), i, argumentEnd - 1);
            return j;
        case DirectiveKind::ProseArgument:
            emitText(BlockKind::Paragraph, RstInline::reduce(arguments.join(QLatin1Char(' '))), i,
                     argumentEnd - 1);
            return j;
        case DirectiveKind::Dropped:
            return bodyEnd(j, indent);
        case DirectiveKind::Other:
            return j;
        }
        return j;
    }

    void emitVersion(const QString& name, const QString& argument, size_t first, size_t last) {
        const QString version = argument.section(QLatin1Char(' '), 0, 0);
        const QString rest = RstInline::reduce(argument.section(QLatin1Char(' '), 1));
        const QString label =
            name == QLatin1String("versionadded")     ? QStringLiteral("New in version %1")
            : name == QLatin1String("versionchanged") ? QStringLiteral("Changed in version %1")
            : name == QLatin1String("deprecated")     ? QStringLiteral("Deprecated since version %1")
                                                      : QStringLiteral("Removed in version %1");
        emitText(BlockKind::Paragraph,
                 label.arg(version) + (rest.isEmpty() ? QStringLiteral(".") : QLatin1String(": ") + rest),
                 first, last);
    }

    // A Python object description: its anchor follows Sphinx (module, enclosing class, name).
    void openSoftHeading(size_t first, size_t last, const QString& name, const QStringList& signatures,
                         const QString& moduleOption) {
        const QString kind = name.startsWith(QLatin1String("py:")) ? name.mid(3) : name;
        const QString signature = signatures.isEmpty() ? QString() : signatures.front().trimmed();
        qsizetype end = 0;
        while (end < signature.size() &&
               (signature[end].isLetterOrNumber() || signature[end] == QLatin1Char('_') ||
                signature[end] == QLatin1Char('.')))
            ++end;
        const QString dotted = signature.left(end);
        const QString prefix = dotted.left(dotted.lastIndexOf(QLatin1Char('.')) + 1);
        const QString className = m_soft.empty() ? QString() : m_soft.back().contentClass;
        const QString module = !moduleOption.isEmpty() ? moduleOption
                               : m_soft.empty()        ? m_module
                                                       : m_soft.back().contentModule;
        QString fullName = dotted;
        if (!className.isEmpty() &&
            !(prefix == className + QLatin1Char('.') || prefix.startsWith(className + QLatin1Char('.'))))
            fullName = className + QLatin1Char('.') + dotted;

        SoftHeading soft;
        soft.indent = m_lines[first].indent;
        soft.level = Block::kMaxSectionLevel + 1 + static_cast<int>(m_soft.size());
        soft.outerAnchor = m_anchor;
        soft.contentModule = module;
        soft.contentClass = (kind == QLatin1String("class") || kind == QLatin1String("exception")) ? fullName
                            : !prefix.isEmpty() ? prefix.chopped(1)
                                                : className;
        soft.anchor = dotted.isEmpty() ? RstInline::sectionId(signature)
                                       : (module.isEmpty() ? fullName : module + QLatin1Char('.') + fullName);
        m_anchor = soft.anchor;
        m_label.clear();

        Block block;
        block.kind = BlockKind::Heading;
        block.level = soft.level;
        block.text = signatures.join(QLatin1String("; ")).simplified();
        if (!dotted.isEmpty()) {
            block.symbol = soft.anchor;
            block.symbolKind = kind;
        }
        push(std::move(block), first, last);
        m_soft.push_back(std::move(soft));
    }

    // Ends the definitions whose body stops before the line `next` (at `indent`).
    void closeSoftHeadings(int indent, size_t next) {
        while (!m_soft.empty() && m_soft.back().indent >= indent) {
            size_t last = next - 1;
            while (last > 0 && m_lines[last].blank())
                --last;
            Block block;
            block.kind = BlockKind::HeadingEnd;
            block.level = m_soft.back().level;
            push(std::move(block), last, last);
            m_anchor = m_soft.back().outerAnchor;
            m_soft.pop_back();
        }
    }

    void emitText(BlockKind kind, const QString& text, size_t first, size_t last, qsizetype prefixSize = 0) {
        if (text.size() <= prefixSize || text.trimmed().isEmpty())
            return;
        Block block;
        block.kind = kind;
        block.text = text;
        push(std::move(block), first, last);
    }

    void push(Block block, size_t first, size_t last) {
        if (block.kind != BlockKind::HeadingEnd)
            m_label.clear();
        block.anchor = m_anchor;
        block.lineStart = static_cast<int>(first) + 1;
        block.lineEnd = static_cast<int>(std::max(first, last)) + 1;
        m_budget.append(m_blocks, std::move(block));
    }

    BlockBudget& m_budget;
    std::vector<RstLine> m_lines;
    std::vector<Block> m_blocks;
    std::vector<SectionStyle> m_styles;
    std::vector<SoftHeading> m_soft;
    QHash<QString, int> m_ids; // id -> how many later titles took it with a suffix
    QString m_anchor;
    QString m_label; // the pending `.. _label:` target
    QString m_title;
    QString m_module;
    QString m_highlight;
};

} // namespace

Result<ParsedDocument> RstLoader::parse(const QString& path, const QByteArray& bytes,
                                        BlockBudget& budget) const {
    Result<DecodedText> decoded = TextDecoder::decode(bytes);
    if (!decoded)
        return decoded.error();

    ParsedDocument doc;
    doc.format = QStringLiteral("rst");
    if (const QString note = TextDecoder::noteFor(*decoded); !note.isEmpty())
        doc.notes.append(note);

    RstParser parser(decoded->text, budget);
    parser.parse();
    doc.blocks = parser.takeBlocks();
    doc.title = parser.title().isEmpty() ? QFileInfo(path).completeBaseName() : parser.title();
    return doc;
}

} // namespace docrag
