#include "engine/ingest/html_block_walker.h"

#include "engine/ingest/html_node.h"
#include "engine/ingest/symbol_namer.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

namespace docrag {
namespace {

// U+00A0 is typed as &nbsp; to glue words for display; for retrieval it is a plain space.
bool isNbspAt(const char* s, std::size_t i, std::size_t n) {
    return static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < n &&
           static_cast<unsigned char>(s[i + 1]) == 0xA0;
}

// Letters or digits, not just punctuation between links ("A-LAW, [1]"). gumbo's text is valid UTF-8.
bool hasLetterOrDigit(const char* s, std::size_t size) {
    for (std::size_t i = 0; i < size;) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
                return true;
            ++i;
            continue;
        }
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        char32_t ucs4 = c & (length == 4 ? 0x07u : length == 3 ? 0x0Fu : 0x1Fu);
        for (std::size_t k = 1; k < length && i + k < size; ++k)
            ucs4 = (ucs4 << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        if (QChar::isLetterOrNumber(ucs4))
            return true;
        i += length;
    }
    return false;
}

QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString normalizeLanguage(std::string_view raw) {
    const QString lang = toQString(raw).toLower();
    static const QStringList python = {
        QStringLiteral("python"), QStringLiteral("python3"), QStringLiteral("py"),     QStringLiteral("py3"),
        QStringLiteral("pycon"),  QStringLiteral("pycon3"),  QStringLiteral("default")};
    static const QStringList none = {QStringLiteral("none"), QStringLiteral("text"), QStringLiteral("txt"),
                                     QStringLiteral("plain")};
    if (python.contains(lang))
        return QStringLiteral("python");
    if (none.contains(lang))
        return {};
    return lang;
}

} // namespace

enum class HtmlBlockWalker::Kind : std::uint8_t {
    Inline,
    Skip,
    Chrome, // header/footer: page chrome unless inside sectioning content
    SoftBlock,
    HardBlock,
    Heading,
    Pre,
    List,
    Item,
    DefinitionList,
    Term,
    Definition,
    Row,
    Cell,
    Break,
};

HtmlBlockWalker::HtmlBlockWalker(bool rootIsSectioning)
    : m_sectioning(rootIsSectioning ? 1 : 0) {
    m_text.reserve(4096);
    m_code.reserve(4096);
}

// Everything not listed (a, span, code, em, unknown custom tags ...) is inline.
HtmlBlockWalker::Kind HtmlBlockWalker::kindOf(GumboTag tag) {
    static const auto table = [] {
        std::array<Kind, GUMBO_TAG_LAST + 1> kinds{};
        kinds.fill(Kind::Inline);
        const auto set = [&kinds](Kind kind, std::initializer_list<GumboTag> tags) {
            for (const GumboTag t : tags)
                kinds[t] = kind;
        };
        set(Kind::Skip,
            {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_NAV,
             GUMBO_TAG_ASIDE, GUMBO_TAG_FORM, GUMBO_TAG_BUTTON, GUMBO_TAG_SVG, GUMBO_TAG_IFRAME,
             GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA, GUMBO_TAG_HEAD, GUMBO_TAG_TITLE});
        set(Kind::Chrome, {GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER});
        set(Kind::Heading,
            {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6});
        set(Kind::Pre, {GUMBO_TAG_PRE, GUMBO_TAG_LISTING, GUMBO_TAG_XMP, GUMBO_TAG_PLAINTEXT});
        set(Kind::List, {GUMBO_TAG_UL, GUMBO_TAG_OL, GUMBO_TAG_MENU, GUMBO_TAG_DIR});
        set(Kind::Item, {GUMBO_TAG_LI});
        set(Kind::DefinitionList, {GUMBO_TAG_DL});
        set(Kind::Term, {GUMBO_TAG_DT});
        set(Kind::Definition, {GUMBO_TAG_DD});
        set(Kind::Row, {GUMBO_TAG_TR});
        set(Kind::Cell, {GUMBO_TAG_TD, GUMBO_TAG_TH});
        set(Kind::Break, {GUMBO_TAG_BR});
        set(Kind::HardBlock, {GUMBO_TAG_TABLE, GUMBO_TAG_THEAD, GUMBO_TAG_TBODY, GUMBO_TAG_TFOOT,
                              GUMBO_TAG_CAPTION, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_HR, GUMBO_TAG_FIGURE});
        set(Kind::SoftBlock, {GUMBO_TAG_P, GUMBO_TAG_DIV, GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE,
                              GUMBO_TAG_MAIN, GUMBO_TAG_ADDRESS, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_DETAILS,
                              GUMBO_TAG_SUMMARY, GUMBO_TAG_FIELDSET, GUMBO_TAG_LEGEND, GUMBO_TAG_CENTER,
                              GUMBO_TAG_HGROUP, GUMBO_TAG_BODY, GUMBO_TAG_HTML});
        return kinds;
    }();
    return static_cast<unsigned>(tag) < table.size() ? table[tag] : Kind::Inline;
}

bool HtmlBlockWalker::isSkipped(GumboTag tag, const HtmlNode::Attributes& attributes) {
    return attributes.hidden || attributes.role == "navigation" || attributes.role == "search" ||
           (tag == GUMBO_TAG_A && HtmlNode::hasClass(attributes.cls, "headerlink"));
}

void HtmlBlockWalker::walk(const GumboNode* root) {
    std::vector<Frame> stack;
    stack.reserve(64);
    stack.push_back({root, 0, kSoft});
    while (!stack.empty() && m_blocks.size() < m_stopAfter) {
        Frame& frame = stack.back();
        const GumboVector& children = frame.node->v.element.children;
        if (frame.next == children.length) {
            leave(frame);
            stack.pop_back();
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(children.data[frame.next++]);
        if (child->type == GUMBO_NODE_ELEMENT) {
            std::uint16_t exits = 0;
            if (enter(child, exits))
                stack.push_back({child, 0, exits});
        } else if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
                   child->type == GUMBO_NODE_CDATA) {
            appendText(child->v.text);
        }
    }
    flush();
}

bool HtmlBlockWalker::enter(const GumboNode* node, std::uint16_t& exits) {
    const GumboElement& element = node->v.element;
    const HtmlNode::Attributes attributes = HtmlNode::readAttributes(element);
    Kind kind = kindOf(element.tag);
    if (kind == Kind::Chrome)
        kind = m_sectioning > 0 ? Kind::SoftBlock : Kind::Skip;
    if (kind == Kind::Skip || isSkipped(element.tag, attributes))
        return false;
    enterContext(node, attributes, exits);
    if (m_inCode) {
        if (kind == Kind::Break)
            m_code += '\n';
        return kind != Kind::Break;
    }
    if (kind == Kind::Inline)
        return true;
    if (kind == Kind::Break) {
        raise(Separator::Space);
        return false;
    }
    if (m_joined > 0)
        return enterJoined(kind, exits);
    return enterBlock(kind, node, attributes, exits);
}

// What an element changes for everything below it, whatever kind of block it is.
void HtmlBlockWalker::enterContext(const GumboNode* node, const HtmlNode::Attributes& attributes,
                                   std::uint16_t& exits) {
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_SECTION) {
        ++m_sectioning;
        exits |= kSectioning;
    }
    if (tag == GUMBO_TAG_DIV) {
        if (const std::string_view language = HtmlNode::classSuffix(attributes.cls, "highlight-");
            !language.empty()) {
            m_languages.push_back(language);
            exits |= kLanguage;
        }
    }
    if (tag == GUMBO_TAG_LI && !HtmlNode::classSuffix(attributes.cls, "toctree-l").empty()) {
        ++m_toctree;
        exits |= kToctree;
    }
    // A link to an object, rendered as code, names API content: its text counts as words. In a
    // Sphinx toctree it is a section title like any other entry: navigation.
    if (tag == GUMBO_TAG_A && !attributes.href.empty() &&
        (m_toctree > 0 || !HtmlNode::isCodeReference(node))) {
        ++m_links;
        exits |= kLink;
    }
}

// Inside a heading, term or table row every block boundary is just a space (cells get " | ").
bool HtmlBlockWalker::enterJoined(Kind kind, std::uint16_t& exits) {
    switch (kind) {
    case Kind::Cell:
        raise(m_inRow ? Separator::Cell : Separator::Space);
        return true;
    default:
        raise(Separator::Space);
        exits |= kSpace;
        if (kind == Kind::Item)
            openDroppable(exits);
        return true;
    }
}

bool HtmlBlockWalker::enterBlock(Kind kind, const GumboNode* node, const HtmlNode::Attributes& attributes,
                                 std::uint16_t& exits) {
    switch (kind) {
    case Kind::SoftBlock:
        softBoundary();
        exits |= kSoft;
        return true;
    case Kind::Heading:
        hardBoundary();
        keepDroppables();
        m_headingLevel = node->v.element.tag - GUMBO_TAG_H1 + 1;
        m_headingAnchor = HtmlNode::headingAnchor(node, attributes);
        m_symbolClass = toQString(attributes.cls);
        ++m_joined;
        exits |= kHeading;
        return true;
    case Kind::Pre:
        beginCode(node, attributes);
        exits |= kCode;
        return true;
    case Kind::List:
        hardBoundary();
        m_lists.push_back({node->v.element.tag == GUMBO_TAG_OL, 1});
        if (const GumboAttribute* start = gumbo_get_attribute(&node->v.element.attributes, "start"))
            m_lists.back().next = std::atoi(start->value);
        exits |= kList;
        return true;
    case Kind::Item:
        beginItem(node);
        openDroppable(exits);
        exits |= kItem;
        return true;
    case Kind::DefinitionList:
        hardBoundary();
        m_definitions.push_back({node, 0, false, {}});
        exits |= kDefinitionList;
        return true;
    case Kind::Term:
        exits |= beginTerm(node, attributes) ? kTerm : kHard;
        return true;
    case Kind::Definition:
        hardBoundary();
        exits |= kDefinition;
        return true;
    case Kind::Row:
        hardBoundary();
        ++m_joined;
        m_inRow = true;
        openDroppable(exits);
        exits |= kRow;
        return true;
    default: // HardBlock, and cells outside a row
        hardBoundary();
        exits |= kHard;
        return true;
    }
}

void HtmlBlockWalker::leave(const Frame& frame) {
    const std::uint16_t exits = frame.exits;
    if (exits & kDroppable)
        closeDroppable();
    if (exits & kLink)
        --m_links;
    if (exits & kToctree)
        --m_toctree;
    if (exits & kSoft)
        softBoundary();
    if (exits & (kHard | kList))
        hardBoundary();
    if (exits & kSpace)
        raise(Separator::Space);
    if (exits & kHeading)
        endHeading(false);
    if (exits & kTerm)
        endHeading(true);
    if (exits & kCode)
        endCode();
    if (exits & kRow) {
        --m_joined;
        m_inRow = false;
        flush();
    }
    if (exits & kItem)
        hardBoundary();
    if (exits & kList)
        m_lists.pop_back();
    if (exits & (kDefinition | kDefinitionList)) {
        hardBoundary();
        closeDefinition(frame.node);
    }
    if (exits & kDefinitionList)
        m_definitions.pop_back();
    if (exits & kLanguage)
        m_languages.pop_back();
    if (exits & kSectioning)
        --m_sectioning;
}

void HtmlBlockWalker::appendText(const GumboText& text) {
    const std::size_t size = std::strlen(text.text);
    const int line = static_cast<int>(text.start_pos.line);
    if (m_inCode) {
        appendCode(text.text, size, line);
        return;
    }
    const char* s = text.text;
    int current = line;
    std::size_t i = 0;
    while (i < size) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (HtmlNode::isSpace(c) || isNbspAt(s, i, size)) {
            current += c == '\n' ? 1 : 0;
            i += c == 0xC2 ? 2 : 1;
            raise(Separator::Space);
            continue;
        }
        std::size_t end = i + 1;
        while (end < size && !HtmlNode::isSpace(static_cast<unsigned char>(s[end])) &&
               !isNbspAt(s, end, size))
            ++end;
        startWord(current);
        m_text.append(s + i, end - i);
        noteWords(s + i, end - i);
        // Words need not come in source order: HTML5 moves text standing in a table ahead of it.
        m_lineStart = std::min(m_lineStart, current);
        m_lineEnd = std::max(m_lineEnd, current);
        m_lastLine = current;
        i = end;
    }
}

void HtmlBlockWalker::appendCode(const char* text, std::size_t size, int line) {
    m_code.append(text, size);
    noteWords(text, size);
    for (std::size_t i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
        } else if (!HtmlNode::isSpace(c)) {
            m_codeStart = m_codeStart == 0 ? line : std::min(m_codeStart, line);
            m_codeEnd = std::max(m_codeEnd, line);
            m_lastLine = line;
        }
    }
}

void HtmlBlockWalker::startWord(int line) {
    if (m_text.empty()) {
        m_text = m_prefix;
        m_lineStart = m_lineEnd = line;
    } else if (m_separator == Separator::Space) {
        m_text += ' ';
    } else if (m_separator == Separator::Cell) {
        m_text += " | ";
    }
    m_separator = Separator::None;
}

void HtmlBlockWalker::softBoundary() {
    if (m_itemOpen)
        raise(Separator::Space); // the paragraphs of one list item stay one paragraph
    else
        flush();
}

void HtmlBlockWalker::hardBoundary() {
    flush();
    m_itemOpen = false;
}

void HtmlBlockWalker::flush() {
    if (!m_text.empty())
        push(BlockKind::Paragraph, 0, toQString(m_text), m_lineStart, m_lineEnd, m_anchor);
    resetText();
}

void HtmlBlockWalker::resetText() {
    m_text.clear();
    m_prefix.clear();
    m_separator = Separator::None;
    m_lineStart = m_lineEnd = 0;
}

void HtmlBlockWalker::beginItem(const GumboNode* node) {
    hardBoundary();
    if (m_lists.empty() || !m_lists.back().ordered) {
        m_prefix = "- ";
    } else {
        ListState& list = m_lists.back();
        if (const GumboAttribute* value = gumbo_get_attribute(&node->v.element.attributes, "value"))
            list.next = std::atoi(value->value);
        m_prefix = std::to_string(list.next++) + ". ";
    }
    m_itemOpen = true;
}

void HtmlBlockWalker::beginCode(const GumboNode* node, const HtmlNode::Attributes& attributes) {
    hardBoundary();
    m_inCode = true;
    m_code.clear();
    m_codeStart = m_codeEnd = 0;
    std::string_view language = HtmlNode::classSuffix(attributes.cls, "language-");
    if (language.empty())
        language = HtmlNode::classSuffix(attributes.cls, "lang-");
    if (language.empty()) {
        if (const GumboNode* code = HtmlNode::childElement(node, GUMBO_TAG_CODE)) {
            const HtmlNode::Attributes codeAttributes = HtmlNode::readAttributes(code->v.element);
            language = HtmlNode::classSuffix(codeAttributes.cls, "language-");
            if (language.empty())
                language = HtmlNode::classSuffix(codeAttributes.cls, "lang-");
        }
    }
    if (language.empty() && !m_languages.empty())
        language = m_languages.back();
    m_codeLanguage = normalizeLanguage(language);
}

void HtmlBlockWalker::endCode() {
    m_inCode = false;
    std::size_t first = 0;
    while (first < m_code.size() && HtmlNode::isSpace(static_cast<unsigned char>(m_code[first])))
        ++first;
    if (first == m_code.size())
        return;
    // Drop leading blank lines but keep the indentation of the first real line.
    const std::size_t newline = m_code.rfind('\n', first);
    const std::size_t begin = newline == std::string::npos ? 0 : newline + 1;
    std::size_t end = m_code.size();
    while (end > begin && HtmlNode::isSpace(static_cast<unsigned char>(m_code[end - 1])))
        --end;
    push(BlockKind::Code, 0, toQString(std::string_view(m_code).substr(begin, end - begin)), m_codeStart,
         m_codeEnd, m_anchor);
    m_blocks.back().language = m_codeLanguage;
}

// A <dt id> opens a definition (soft heading); the <dt>s right after it (overloads) open
// more at the same level, whatever their ids. Other <dt>s are plain paragraphs.
bool HtmlBlockWalker::beginTerm(const GumboNode* node, const HtmlNode::Attributes& attributes) {
    hardBoundary();
    DefinitionState* list = owningDefinitionList(node);
    if (!list || (attributes.id.empty() && !list->open))
        return false;
    if (!list->open) {
        list->open = true;
        list->savedAnchor = m_anchor;
        list->level = Block::kMaxSectionLevel + 1 + m_openDefinitions;
        ++m_openDefinitions;
    }
    m_headingLevel = list->level;
    m_headingAnchor = attributes.id.empty() ? m_anchor : toQString(attributes.id);
    m_symbolId = toQString(attributes.id);
    m_symbolClass = toQString(HtmlNode::readAttributes(list->node->v.element).cls);
    ++m_joined;
    keepDroppables();
    return true;
}

void HtmlBlockWalker::endHeading(bool definition) {
    --m_joined;
    QString text = toQString(m_text);
    if (text.isEmpty() && definition)
        text = m_headingAnchor;
    if (!text.isEmpty()) {
        const auto symbol = definition ? SymbolNamer::fromDefinition(m_symbolId, text, m_symbolClass)
                                       : SymbolNamer::fromHeading(m_headingAnchor, text, m_symbolClass);
        push(BlockKind::Heading, m_headingLevel, std::move(text), m_lineStart, m_lineEnd, m_headingAnchor);
        if (symbol) {
            m_blocks.back().symbol = symbol->name;
            m_blocks.back().symbolKind = symbol->kind;
        }
        m_anchor = m_headingAnchor;
    }
    resetText();
}

void HtmlBlockWalker::closeDefinition(const GumboNode* node) {
    DefinitionState* list = owningDefinitionList(node);
    if (!list || !list->open)
        return;
    const int line = endLine(node);
    keepDroppables(); // the definition may have opened outside the item
    push(BlockKind::HeadingEnd, list->level, {}, line, line, m_anchor);
    m_anchor = list->savedAnchor;
    list->open = false;
    --m_openDefinitions;
}

// The innermost open <dl> when `node` (a dt, dd or dl) belongs to it.
HtmlBlockWalker::DefinitionState* HtmlBlockWalker::owningDefinitionList(const GumboNode* node) {
    if (m_definitions.empty())
        return nullptr;
    const GumboNode* list = node;
    while (list && !(list->type == GUMBO_NODE_ELEMENT && list->v.element.tag == GUMBO_TAG_DL))
        list = list->parent;
    return list == m_definitions.back().node ? &m_definitions.back() : nullptr;
}

int HtmlBlockWalker::endLine(const GumboNode* node) const {
    const GumboElement& element = node->v.element;
    return element.original_end_tag.length > 0 ? static_cast<int>(element.end_pos.line) : m_lastLine;
}

void HtmlBlockWalker::push(BlockKind kind, int level, QString text, int lineStart, int lineEnd,
                           QString anchor) {
    Block block;
    block.kind = kind;
    block.level = level;
    block.text = std::move(text);
    block.anchor = std::move(anchor);
    block.lineStart = lineStart;
    block.lineEnd = lineEnd;
    m_blocks.push_back(std::move(block));
}

void HtmlBlockWalker::openDroppable(std::uint16_t& exits) {
    m_droppables.push_back({m_blocks.size(), m_text.size(), m_separator, m_lineStart, m_lineEnd});
    exits |= kDroppable;
}

// An item or row of nothing but links (a Sphinx toctree, a genindex column) is navigation: a search
// would return it instead of the passages it points to. Code references are not links here, so
// lists of functions or constants stay.
void HtmlBlockWalker::closeDroppable() {
    const Droppable opened = m_droppables.back();
    m_droppables.pop_back();
    if (m_kept > m_droppables.size()) {
        m_kept = m_droppables.size();
        return;
    }
    m_blocks.resize(opened.blocks);
    m_text.resize(opened.text);
    m_separator = opened.separator;
    m_lineStart = opened.lineStart;
    m_lineEnd = opened.lineEnd;
}

void HtmlBlockWalker::noteWords(const char* text, std::size_t size) {
    if (m_links == 0 && m_kept < m_droppables.size() && hasLetterOrDigit(text, size))
        keepDroppables();
}

} // namespace docrag
