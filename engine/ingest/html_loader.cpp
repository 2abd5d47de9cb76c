#include "engine/ingest/html_loader.h"

#include "engine/ingest/gumbo_arena.h"
#include "engine/ingest/html_block_walker.h"
#include "engine/ingest/html_depth_limiter.h"
#include "engine/ingest/html_node.h"
#include "engine/ingest/text_decoder.h"

#include <QByteArray>
#include <QFileInfo>

#include <gumbo.h>
#include <memory>
#include <vector>

namespace docrag {
namespace {

// Removes " — Python 3.11.2 documentation" and the like; the site name says nothing about the page.
QString stripSiteSuffix(const QString& title) {
    static const QString separators[] = {QStringLiteral(" \u2014 "), QStringLiteral(" \u2013 "),
                                         QStringLiteral(" | "), QStringLiteral(" - ")};
    for (const QString& separator : separators) {
        const qsizetype at = title.lastIndexOf(separator);
        if (at <= 0)
            continue;
        const QString head = title.left(at).trimmed();
        if (!head.isEmpty())
            return head;
    }
    return title;
}

QString documentTitle(const GumboNode* html) {
    const GumboNode* head = HtmlNode::childElement(html, GUMBO_TAG_HEAD);
    const GumboNode* title = head ? HtmlNode::childElement(head, GUMBO_TAG_TITLE) : nullptr;
    if (!title)
        return {};
    QString text;
    const GumboVector& children = title->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE)
            text += QString::fromUtf8(child->v.text.text);
    }
    return stripSiteSuffix(text.simplified());
}

bool isRoleMain(const GumboElement& element) {
    const GumboAttribute* role = gumbo_get_attribute(&element.attributes, "role");
    return role && qstricmp(role->value, "main") == 0;
}

// The first <main>, else the first role="main", else the first <article>, else <body>.
const GumboNode* findContentRoot(const GumboNode* html) {
    const GumboNode* roleMain = nullptr;
    const GumboNode* article = nullptr;
    const GumboNode* body = nullptr;
    std::vector<const GumboNode*> stack{html};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        const GumboElement& element = node->v.element;
        if (element.tag == GUMBO_TAG_MAIN && !gumbo_get_attribute(&element.attributes, "hidden"))
            return node; // a page may keep alternative <main>s hidden
        if (!body && element.tag == GUMBO_TAG_BODY)
            body = node;
        if (!article && element.tag == GUMBO_TAG_ARTICLE)
            article = node;
        if (!roleMain && isRoleMain(element))
            roleMain = node;
        for (unsigned i = element.children.length; i-- > 0;) {
            const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
            if (child->type == GUMBO_NODE_ELEMENT)
                stack.push_back(child);
        }
    }
    return roleMain ? roleMain : article ? article : body ? body : html;
}

} // namespace

Result<ParsedDocument> HtmlLoader::parse(const QString& path, const QByteArray& bytes,
                                         BlockBudget& budget) const {
    ParsedDocument document;
    document.format = QStringLiteral("html");

    // gumbo wants UTF-8: valid UTF-8 goes straight in, anything else is decoded first.
    QByteArrayView input(bytes);
    if (input.startsWith(QByteArrayView("\xEF\xBB\xBF", 3)))
        input = input.sliced(3);
    QByteArray converted;
    if (!input.isValidUtf8() || TextDecoder::looksBinary(input)) {
        Result<DecodedText> decoded = TextDecoder::decode(bytes);
        if (!decoded)
            return decoded.error();
        if (const QString note = TextDecoder::noteFor(*decoded); !note.isEmpty())
            document.notes.append(note);
        converted = decoded->text.toUtf8();
        input = converted;
    }

    HtmlDepthLimiter::Result flattened = HtmlDepthLimiter::limit(input, budget.limits().maxHtmlDepth);
    if (!flattened.html.isEmpty()) {
        budget.noteFlattened(flattened.deepest);
        converted = std::move(flattened.html);
        input = converted;
    }

    GumboArena arena(static_cast<std::size_t>(input.size()));
    const GumboOptions options = arena.options();
    // Freed with the arena, at the end of this function.
    const GumboOutput* output =
        gumbo_parse_with_options(&options, input.data(), static_cast<std::size_t>(input.size()));
    if (!output)
        return Error{ErrorCode::Parse, QStringLiteral("the HTML parser gave up on this file")};

    const GumboNode* root = findContentRoot(output->root);
    const GumboTag rootTag = root->v.element.tag;
    HtmlBlockWalker walker(rootTag != GUMBO_TAG_BODY && rootTag != GUMBO_TAG_HTML);
    walker.stopAfter(static_cast<std::size_t>(budget.limits().maxBlocks()));
    walker.walk(root);
    // The walker takes back navigation it already wrote, so the budget sees only what is kept.
    for (Block& block : walker.takeBlocks()) {
        if (!budget.append(document.blocks, std::move(block)))
            break;
    }

    document.title = documentTitle(output->root);
    if (document.title.isEmpty()) {
        for (const Block& block : document.blocks) {
            if (block.kind == BlockKind::Heading && block.level == 1) {
                document.title = block.text;
                break;
            }
        }
    }
    if (document.title.isEmpty())
        document.title = QFileInfo(path).completeBaseName();
    return document;
}

} // namespace docrag
