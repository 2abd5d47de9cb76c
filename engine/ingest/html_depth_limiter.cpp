#include "engine/ingest/html_depth_limiter.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace docrag {
namespace {

bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

// A tag name lower-cased into a small buffer: every name the lists below hold is shorter than it, so a
// longer name is in none of them. Looked up by length and bytes: this runs for every tag of every page,
// where a case-insensitive comparison with each name (strlen, then a compare) took 4 % of the Qt docs'
// ingest.
class TagName final {
public:
    explicit TagName(QByteArrayView name) {
        if (name.size() > static_cast<qsizetype>(m_lower.size()))
            return;
        for (qsizetype i = 0; i < name.size(); ++i) {
            const char c = name[i];
            m_lower[static_cast<size_t>(i)] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
        }
        m_size = static_cast<size_t>(name.size());
    }
    bool isOneOf(std::initializer_list<std::string_view> names) const {
        const std::string_view lower(m_lower.data(), m_size);
        return m_size > 0 && std::find(names.begin(), names.end(), lower) != names.end();
    }

private:
    std::array<char, 12> m_lower{};
    size_t m_size = 0;
};

// Void elements, those whose end tag may be left out, and those a parser closes when another opens (a,
// button, nobr, form): none of them makes the tree deeper by nesting.
bool counts(const TagName& name) {
    return !name.isOneOf(
        {"area",    "base",     "br",      "col",   "embed",    "hr",    "img",    "input",    "link",
         "meta",    "param",    "source",  "track", "wbr",      "p",     "li",     "dt",       "dd",
         "tr",      "td",       "th",      "tbody", "thead",    "tfoot", "option", "optgroup", "colgroup",
         "caption", "rb",       "rt",      "rtc",   "rp",       "html",  "head",   "body",     "frame",
         "keygen",  "basefont", "bgsound", "image", "menuitem", "a",     "nobr",   "button",   "form"});
}

// Elements whose content is text up to their end tag: a "<div>" inside a script is no element.
bool isRawText(const TagName& name) {
    return name.isOneOf(
        {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"});
}

// The end of a tag that starts at `from` ('<'): the index after its '>', quotes respected.
qsizetype tagEnd(QByteArrayView html, qsizetype from) {
    char quote = 0;
    for (qsizetype i = from + 1; i < html.size(); ++i) {
        const char c = html[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return html.size();
}

qsizetype find(QByteArrayView html, qsizetype from, const char* what) {
    const qsizetype at = html.indexOf(QByteArrayView(what), from);
    return at < 0 ? html.size() : at + static_cast<qsizetype>(std::strlen(what));
}

// Scans the tags once; with `out`, copies everything but the tags that open or close elements deeper
// than `maxDepth`. Returns the deepest nesting seen.
int scan(QByteArrayView html, int maxDepth, QByteArray* out) {
    int depth = 0;
    int deepest = 0;
    qsizetype copied = 0; // html[copied, i) is still to be copied
    const auto drop = [&](qsizetype from, qsizetype to) {
        if (out)
            out->append(html.sliced(copied, from - copied));
        copied = to;
    };
    qsizetype i = 0;
    while (i < html.size()) {
        const qsizetype lt = html.indexOf('<', i);
        if (lt < 0 || lt + 1 >= html.size())
            break;
        const char next = html[lt + 1];
        if (html.sliced(lt).startsWith("<!--")) {
            i = find(html, lt + 4, "-->");
            continue;
        }
        if (next == '!' || next == '?') {
            i = tagEnd(html, lt);
            continue;
        }
        const bool closing = next == '/';
        qsizetype nameEnd = lt + (closing ? 2 : 1);
        while (nameEnd < html.size() && isNameChar(html[nameEnd]))
            ++nameEnd;
        const QByteArrayView name = html.sliced(lt + (closing ? 2 : 1), nameEnd - lt - (closing ? 2 : 1));
        if (name.isEmpty() || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z'))) {
            i = lt + 1; // "a < b", "<3": text
            continue;
        }
        const TagName tag(name);
        const qsizetype end = tagEnd(html, lt);
        const bool selfClosing = end >= 2 && html[end - 2] == '/';
        if (closing) {
            if (counts(tag)) {
                if (depth > maxDepth)
                    drop(lt, end);
                depth = std::max(0, depth - 1);
            }
            i = end;
            continue;
        }
        if (isRawText(tag)) {
            // Its content, up to its end tag (in any case), is not markup.
            qsizetype at = end;
            while ((at = html.indexOf("</", at)) >= 0) {
                const QByteArrayView candidate =
                    html.sliced(at + 2).first(std::min(name.size(), html.size() - at - 2));
                if (candidate.compare(name, Qt::CaseInsensitive) == 0)
                    break;
                at += 2;
            }
            i = at < 0 ? html.size() : tagEnd(html, at);
            continue;
        }
        if (!selfClosing && counts(tag)) {
            ++depth;
            deepest = std::max(deepest, depth);
            if (depth > maxDepth)
                drop(lt, end);
        }
        i = end;
    }
    if (out)
        out->append(html.sliced(copied));
    return deepest;
}

} // namespace

HtmlDepthLimiter::Result HtmlDepthLimiter::limit(QByteArrayView html, int maxDepth) {
    Result result;
    result.deepest = scan(html, maxDepth, nullptr);
    if (result.deepest > maxDepth) {
        result.html.reserve(html.size());
        scan(html, maxDepth, &result.html);
    }
    return result;
}

} // namespace docrag
