#pragma once

#include "engine/core/block.h"
#include "engine/core/symbol.h"

#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace docrag {

struct SymbolName final {
    QString name;
    QString kind;
};

// Reads API names out of the ways doc generators mark a definition. The loaders call it with what
// they parsed; it knows nothing of HTML or Markdown syntax.
class SymbolNamer final {
public:
    // A definition list entry: Sphinx writes `<dl class="py method"><dt id="str.startswith">`.
    // `listClass` is the list's class: its first word is the domain (py, c, cpp, js, std, rst), its
    // second the kind. Lists without a domain (a glossary) name nothing.
    static std::optional<SymbolName> fromDefinition(QStringView id, QStringView text, QStringView listClass);
    // An HTML heading: qdoc marks members `<h3 class="fn" id="append-1">` (the kind in the id's suffix:
    // "-enum", "-typedef", "-var"), Sphinx puts a module's page in a section with id "module-os.path".
    static std::optional<SymbolName> fromHeading(QStringView id, QStringView text, QStringView headingClass);
    // A Markdown heading whose code span names an API: "Class: `fs.Dir`", "`fs.readFile(path)`". `before`
    // is the heading's text before the span.
    static std::optional<SymbolName> fromCode(QStringView before, QStringView code);
    // The name a signature defines: the identifier before its "(", else (when it has no parentheses)
    // its first qualified name ("enum QString::SectionFlag"), or its first name if `qualified` is false.
    static QString nameInSignature(QStringView text, bool qualified);
    // "os.path.join", "QString::append", "snake_case": names joined by "." or "::".
    static bool isIdentifier(QStringView name);
    // The symbols of a loaded document's headings, the first of each name and kind only: overloads
    // share a name and the first is where a reader wants to land.
    static std::vector<Symbol> symbolsOf(const std::vector<Block>& blocks);
};

} // namespace docrag
