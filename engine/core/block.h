#pragma once

#include <QString>

namespace docrag {

enum class BlockKind {
    Heading,    // a section title; `level` 1..6 (hard boundary) or a definition (soft, see below)
    HeadingEnd, // closes the soft heading of `level` (e.g. the end of an HTML <dl> entry)
    Paragraph,  // prose, list items, table rows
    Code,       // a literal or fenced block, kept verbatim
};

// One structural unit of a loaded document with the place it came from, so that
// a chunk built from blocks can cite lines, a page or an HTML anchor.
struct Block final {
    // Levels above this are "soft" headings: API definitions (HTML <dt id>, reST
    // directives) that start their own chunk and extend the heading path, but nest
    // inside the real section structure.
    static constexpr int kMaxSectionLevel = 6;

    BlockKind kind = BlockKind::Paragraph;
    int level = 0;
    QString text;
    QString language;  // code blocks: "python", "cpp", ...; empty when unknown
    QString anchor;    // HTML fragment id in effect (a heading's own id for headings)
    int lineStart = 0; // 1-based source line range; 0 when unknown
    int lineEnd = 0;
    int page = 0; // 1-based page of paged formats (PDF); 0 otherwise
    // A heading that defines an API name (a Sphinx object description, a Markdown heading in code):
    // the name and its kind, for the symbol index. Empty otherwise.
    QString symbol;
    QString symbolKind;

    bool isSoftHeading() const { return kind == BlockKind::Heading && level > kMaxSectionLevel; }
};

} // namespace docrag
