#include "engine/ingest/html_node.h"

namespace docrag {
namespace {

bool isEmptyElement(const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        if (static_cast<const GumboNode*>(children.data[i])->type != GUMBO_NODE_WHITESPACE)
            return false;
    }
    return true;
}

// Empty <a id>/<span id> targets that Sphinx and hand-written pages put before headings.
bool isEmptyMarker(const GumboNode* node) {
    const GumboTag tag = node->v.element.tag;
    return (tag == GUMBO_TAG_A || tag == GUMBO_TAG_SPAN) && isEmptyElement(node);
}

// True when only empty markers come before `node` among its parent's element children.
bool isLeadingChild(const GumboNode* node) {
    const GumboVector& siblings = node->parent->v.element.children;
    for (std::size_t i = 0; i < node->index_within_parent; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (sibling->type == GUMBO_NODE_ELEMENT && !isEmptyMarker(sibling))
            return false;
    }
    return true;
}

const GumboNode* previousElementSibling(const GumboNode* node) {
    const GumboVector& siblings = node->parent->v.element.children;
    for (std::size_t i = node->index_within_parent; i-- > 0;) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (sibling->type == GUMBO_NODE_ELEMENT)
            return sibling;
        if (sibling->type != GUMBO_NODE_WHITESPACE && sibling->type != GUMBO_NODE_COMMENT)
            return nullptr;
    }
    return nullptr;
}

// The id of the section a heading opens: <section id="x"><h2>, also through a <header> or <hgroup>.
QString sectionAnchor(const GumboNode* heading) {
    const GumboNode* child = heading;
    const GumboNode* parent = heading->parent;
    while (parent && parent->type == GUMBO_NODE_ELEMENT) {
        const GumboTag tag = parent->v.element.tag;
        const bool section = tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_ARTICLE;
        if ((!section && tag != GUMBO_TAG_HEADER && tag != GUMBO_TAG_HGROUP) || !isLeadingChild(child))
            break;
        if (section) {
            const GumboAttribute* id = gumbo_get_attribute(&parent->v.element.attributes, "id");
            return id ? QString::fromUtf8(id->value) : QString();
        }
        child = parent;
        parent = parent->parent;
    }
    return {};
}

QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

HtmlNode::Attributes HtmlNode::readAttributes(const GumboElement& element) {
    Attributes out;
    for (unsigned i = 0; i < element.attributes.length; ++i) {
        const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        const std::string_view name(attr->name);
        if (name == "id")
            out.id = attr->value;
        else if (name == "class")
            out.cls = attr->value;
        else if (name == "role")
            out.role = attr->value;
        else if (name == "name")
            out.name = attr->value;
        else if (name == "href")
            out.href = attr->value;
        else if (name == "hidden")
            out.hidden = true;
    }
    return out;
}

bool HtmlNode::hasClass(std::string_view classes, std::string_view wanted) {
    std::size_t pos = classes.find(wanted);
    while (pos != std::string_view::npos) {
        const std::size_t end = pos + wanted.size();
        const bool startOk = pos == 0 || isSpace(static_cast<unsigned char>(classes[pos - 1]));
        const bool endOk = end == classes.size() || isSpace(static_cast<unsigned char>(classes[end]));
        if (startOk && endOk)
            return true;
        pos = classes.find(wanted, end);
    }
    return false;
}

std::string_view HtmlNode::classSuffix(std::string_view classes, std::string_view prefix) {
    std::size_t pos = 0;
    while (pos < classes.size()) {
        while (pos < classes.size() && isSpace(static_cast<unsigned char>(classes[pos])))
            ++pos;
        std::size_t end = pos;
        while (end < classes.size() && !isSpace(static_cast<unsigned char>(classes[end])))
            ++end;
        const std::string_view token = classes.substr(pos, end - pos);
        if (token.size() > prefix.size() && token.substr(0, prefix.size()) == prefix)
            return token.substr(prefix.size());
        pos = end;
    }
    return {};
}

const GumboNode* HtmlNode::childElement(const GumboNode* parent, GumboTag tag) {
    const GumboVector& children = parent->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == tag)
            return child;
    }
    return nullptr;
}

QString HtmlNode::headingAnchor(const GumboNode* heading, const Attributes& attributes) {
    if (!attributes.id.empty())
        return toQString(attributes.id);
    if (QString section = sectionAnchor(heading); !section.isEmpty())
        return section;
    const GumboVector& children = heading->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type != GUMBO_NODE_ELEMENT || child->v.element.tag != GUMBO_TAG_A)
            continue;
        const Attributes link = readAttributes(child->v.element);
        if (hasClass(link.cls, "headerlink") && link.href.size() > 1 && link.href.front() == '#')
            return toQString(link.href.substr(1));
    }
    if (const GumboNode* previous = previousElementSibling(heading); previous && isEmptyMarker(previous)) {
        const Attributes marker = readAttributes(previous->v.element);
        return toQString(marker.id.empty() ? marker.name : marker.id);
    }
    return {};
}

// The class, not the <code> alone, tells a reference from navigation: a toctree or "contents" entry
// whose title is a literal holds a plain <code class="docutils literal">; Sphinx adds "xref" only
// where a role (:func:, :const:, :option: ...) points at an object.
bool HtmlNode::isCodeReference(const GumboNode* link) {
    const GumboNode* code = nullptr;
    const GumboVector& children = link->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_COMMENT)
            continue;
        if (code || child->type != GUMBO_NODE_ELEMENT || child->v.element.tag != GUMBO_TAG_CODE)
            return false;
        code = child;
    }
    return code && hasClass(readAttributes(code->v.element).cls, "xref");
}

} // namespace docrag
