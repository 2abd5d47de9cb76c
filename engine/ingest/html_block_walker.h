#pragma once

#include "engine/core/block.h"
#include "engine/ingest/html_node.h"

#include <QString>

#include <algorithm>
#include <cstdint>
#include <gumbo.h>
#include <string>
#include <string_view>
#include <vector>

namespace docrag {

// Walks an HTML content root with an explicit stack (pages can nest arbitrarily deep) and turns it
// into blocks. Text is gathered as UTF-8 and converted once per block. A list item or table row
// whose visible text is all link text (punctuation between links aside) is taken back when it
// closes, so navigation lists cost one pass, not a look-ahead per item. Links rendered as code
// references (HtmlNode::isCodeReference) count as words: API lists are content, not navigation.
class HtmlBlockWalker final {
public:
    explicit HtmlBlockWalker(bool rootIsSectioning);

    // A walk ends once this many blocks are written (a file's budget holds no more).
    void stopAfter(std::size_t blocks) { m_stopAfter = blocks; }
    void walk(const GumboNode* root);
    std::vector<Block> takeBlocks() { return std::move(m_blocks); }

private:
    enum class Kind : std::uint8_t;
    enum Exit : std::uint16_t {
        kSoft = 1 << 0,
        kHard = 1 << 1,
        kSpace = 1 << 2,
        kHeading = 1 << 3,
        kCode = 1 << 4,
        kRow = 1 << 5,
        kItem = 1 << 6,
        kList = 1 << 7,
        kTerm = 1 << 8,
        kDefinition = 1 << 9,
        kDefinitionList = 1 << 10,
        kLanguage = 1 << 11,
        kSectioning = 1 << 12,
        kLink = 1 << 13,
        kDroppable = 1 << 14,
        kToctree = 1 << 15,
    };
    enum class Separator : std::uint8_t { None, Space, Cell };
    struct Frame final {
        const GumboNode* node;
        unsigned next;
        std::uint16_t exits;
    };
    struct ListState final {
        bool ordered = false;
        int next = 1;
    };
    struct DefinitionState final {
        const GumboNode* node = nullptr;
        int level = 0;
        bool open = false;
        QString savedAnchor;
    };
    // Where the output stood when a list item or table row opened, to take it back if the item
    // turns out to be all links.
    struct Droppable final {
        std::size_t blocks = 0;
        std::size_t text = 0;
        Separator separator = Separator::None;
        int lineStart = 0;
        int lineEnd = 0;
    };

    static Kind kindOf(GumboTag tag);
    static bool isSkipped(GumboTag tag, const HtmlNode::Attributes& attributes);

    bool enter(const GumboNode* node, std::uint16_t& exits);
    void enterContext(const GumboNode* node, const HtmlNode::Attributes& attributes, std::uint16_t& exits);
    bool enterJoined(Kind kind, std::uint16_t& exits);
    bool enterBlock(Kind kind, const GumboNode* node, const HtmlNode::Attributes& attributes,
                    std::uint16_t& exits);
    void leave(const Frame& frame);
    void appendText(const GumboText& text);
    void appendCode(const char* text, std::size_t size, int line);
    void startWord(int line);
    void raise(Separator separator) { m_separator = std::max(m_separator, separator); }
    void softBoundary();
    void hardBoundary();
    void flush();
    void resetText();
    void beginItem(const GumboNode* node);
    void beginCode(const GumboNode* node, const HtmlNode::Attributes& attributes);
    void endCode();
    bool beginTerm(const GumboNode* node, const HtmlNode::Attributes& attributes);
    void endHeading(bool definition);
    void closeDefinition(const GumboNode* node);
    DefinitionState* owningDefinitionList(const GumboNode* node);
    int endLine(const GumboNode* node) const;
    void push(BlockKind kind, int level, QString text, int lineStart, int lineEnd, QString anchor);
    void openDroppable(std::uint16_t& exits);
    void closeDroppable();
    // Every open item or row is kept: it holds words outside links, or structure (headings).
    void keepDroppables() { m_kept = m_droppables.size(); }
    void noteWords(const char* text, std::size_t size);

    std::vector<Block> m_blocks;
    std::size_t m_stopAfter = SIZE_MAX;
    std::string m_text; // the paragraph, heading, term or table row being gathered
    std::string m_prefix;
    Separator m_separator = Separator::None;
    int m_lineStart = 0;
    int m_lineEnd = 0;
    int m_lastLine = 0;
    std::string m_code;
    QString m_codeLanguage;
    int m_codeStart = 0;
    int m_codeEnd = 0;
    bool m_inCode = false;
    int m_joined = 0; // > 0 while a heading, term or row gathers everything below it as one line
    bool m_inRow = false;
    bool m_itemOpen = false; // a list item's paragraph may still take more text
    int m_sectioning = 0;
    int m_openDefinitions = 0;
    int m_headingLevel = 0;
    QString m_headingAnchor;
    QString m_symbolId;    // the open definition's own id: empty for an overload's <dt>
    QString m_symbolClass; // the open heading's class, or the open definition's list's
    QString m_anchor;
    std::vector<ListState> m_lists;
    std::vector<DefinitionState> m_definitions;
    std::vector<std::string_view> m_languages;
    std::vector<Droppable> m_droppables; // the open list items and table rows, innermost last
    std::size_t m_kept = 0;              // how many of them, from the outermost, are kept
    int m_links = 0;                     // open <a href> elements, code references outside toctrees aside
    int m_toctree = 0;                   // open Sphinx toctree entries (<li class="toctree-lN">)
};

} // namespace docrag
