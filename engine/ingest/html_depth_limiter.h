#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace docrag {

// Keeps hostile markup from reaching the HTML parser: gumbo takes time quadratic in the depth of nested
// elements (100,000 nested divs: 16 s), so tags that would open elements deeper than a limit are taken
// out before it parses, and the text inside them stays. Elements whose end tag may be left out (p, li,
// td, ...) and void ones do not count, so ordinary pages nest nowhere near the limit.
class HtmlDepthLimiter final {
public:
    struct Result final {
        QByteArray html; // empty when nothing had to change: parse the input as it is
        int deepest = 0; // the deepest nesting seen
    };

    static Result limit(QByteArrayView html, int maxDepth);
};

} // namespace docrag
