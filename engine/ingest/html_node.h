#pragma once

#include <QString>

#include <gumbo.h>
#include <string_view>

namespace docrag {

// What the HTML loader asks of single gumbo nodes: their attributes and class tokens, their
// children, the id a heading is reached by, and whether a link is a reference to code.
class HtmlNode final {
public:
    HtmlNode() = delete;

    // The attributes the loader reads; views into gumbo's strings, valid as long as the parse.
    struct Attributes final {
        std::string_view id;
        std::string_view name;
        std::string_view cls;
        std::string_view role;
        std::string_view href;
        bool hidden = false;
    };

    static Attributes readAttributes(const GumboElement& element);

    // ASCII whitespace as HTML defines it (no U+00A0).
    static bool isSpace(unsigned char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    static bool hasClass(std::string_view classes, std::string_view wanted);
    // The rest of the first class token that starts with `prefix` ("highlight-python3" -> "python3").
    static std::string_view classSuffix(std::string_view classes, std::string_view prefix);

    static const GumboNode* childElement(const GumboNode* parent, GumboTag tag);

    // The fragment id that reaches a heading: its own id, that of the section it opens, its
    // Sphinx headerlink, or an empty <a id>/<a name>/<span id> marker right before it.
    static QString headingAnchor(const GumboNode* heading, const Attributes& attributes);

    // A link whose whole content is a cross-reference rendered as code, as Sphinx renders the
    // :func:, :class:, :const:, :c:func: ... roles: <a href><code class="xref ...">name()</code></a>.
    static bool isCodeReference(const GumboNode* link);
};

} // namespace docrag
