#include "engine/ingest/toc_reader.h"

#include "engine/ingest/gumbo_arena.h"
#include "engine/ingest/html_depth_limiter.h"
#include "engine/ingest/html_node.h"
#include "engine/ingest/ingest_limits.h"
#include "engine/ingest/mkdocs_nav.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace docrag {
namespace {

constexpr qint64 kMaxTocBytes = 16 * 1024 * 1024;
constexpr int kMaxDepth = 300; // the recursions below stop here, whatever the markup

// A local page's absolute path, or empty for other links (the web, mail, a bare fragment).
QString pagePath(const QString& href, const QString& folder) {
    const QUrl url(href);
    if (!url.isValid() || !url.scheme().isEmpty() || url.path().isEmpty())
        return {};
    return QDir::cleanPath(QDir(folder).absoluteFilePath(url.path()));
}

QString textOf(const GumboNode* node, int depth = 0) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE)
        return QString::fromUtf8(node->v.text.text);
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth)
        return {};
    QString out;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
        out += textOf(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    return out;
}

class SphinxToc final {
public:
    explicit SphinxToc(QString folder)
        : m_folder(std::move(folder)) {}

    // Entries of the toctree items found under `node`, appended to `out` in document order.
    void collect(const GumboNode* node, std::vector<TocEntry>& out, int depth = 0) {
        if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth)
            return;
        const GumboElement& element = node->v.element;
        const HtmlNode::Attributes attributes = HtmlNode::readAttributes(element);
        if (element.tag == GUMBO_TAG_LI && !HtmlNode::classSuffix(attributes.cls, "toctree-l").empty()) {
            item(node, out, depth);
            return;
        }
        for (unsigned i = 0; i < element.children.length; ++i)
            collect(static_cast<const GumboNode*>(element.children.data[i]), out, depth + 1);
    }

private:
    // An item's own link makes an entry for a page not listed yet; what is nested under it goes under
    // that entry, or up to `out` when the link was a section of a listed page.
    void item(const GumboNode* li, std::vector<TocEntry>& out, int depth) {
        const GumboNode* link = HtmlNode::childElement(li, GUMBO_TAG_A);
        TocEntry entry;
        if (link) {
            const GumboAttribute* href = gumbo_get_attribute(&link->v.element.attributes, "href");
            entry.path = href ? pagePath(QString::fromUtf8(href->value), m_folder) : QString();
            entry.title = textOf(link).simplified();
        }
        const bool listed = entry.path.isEmpty() || m_seen.contains(entry.path);
        if (!listed)
            m_seen.insert(entry.path);
        std::vector<TocEntry>& under = listed ? out : entry.children;
        const GumboVector& children = li->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            if (child != link)
                collect(child, under, depth + 1);
        }
        if (!listed)
            out.push_back(std::move(entry));
    }

    QString m_folder;
    QSet<QString> m_seen;
};

} // namespace

std::vector<TocEntry> TocReader::fromSphinxHtml(const QByteArray& given, const QString& folder) {
    // The same guard as the loader's: hostile nesting never reaches the parser.
    const HtmlDepthLimiter::Result limited = HtmlDepthLimiter::limit(given, IngestLimits{}.maxHtmlDepth);
    const QByteArray& html = limited.html.isEmpty() ? given : limited.html;
    GumboArena arena(static_cast<std::size_t>(html.size()));
    GumboOptions options = arena.options();
    GumboOutput* output =
        gumbo_parse_with_options(&options, html.constData(), static_cast<size_t>(html.size()));
    std::vector<TocEntry> entries;
    if (output && output->root)
        SphinxToc(folder).collect(output->root, entries);
    return entries;
}

std::vector<TocEntry> TocReader::fromMarkdown(const QByteArray& markdown, const QString& folder) {
    // [text](target "title"): the inline link form; images (![...]) are not pages.
    static const QRegularExpression link(
        QStringLiteral(R"((!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\))"));
    std::vector<TocEntry> entries;
    QSet<QString> seen;
    const QString text = QString::fromUtf8(markdown);
    for (auto it = link.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!m.captured(1).isEmpty())
            continue;
        const QString path = pagePath(m.captured(3), folder);
        if (path.isEmpty() || seen.contains(path))
            continue;
        seen.insert(path);
        entries.push_back(TocEntry{path, m.captured(2).simplified(), {}});
    }
    return entries;
}

std::vector<TocEntry> TocReader::read(const QString& root) {
    const QDir dir(root);
    // Regular files of a bounded size only: a FIFO named index.html would never finish reading.
    const auto load = [&dir](const QString& name) -> QByteArray {
        const QFileInfo info(dir.filePath(name));
        QFile file(info.filePath());
        if (!info.isFile() || info.size() > kMaxTocBytes || !file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    };
    // MkDocs: its configuration beside the folder's pages, or the folder is its docs_dir.
    for (const char* name : {"mkdocs.yml", "mkdocs.yaml", "../mkdocs.yml", "../mkdocs.yaml"}) {
        if (const QByteArray config = load(QLatin1String(name)); !config.isEmpty()) {
            std::vector<TocEntry> entries =
                MkDocsNav::parse(config, QFileInfo(dir.filePath(QLatin1String(name))).absolutePath());
            if (!entries.empty())
                return entries;
        }
    }
    for (const char* name : {"contents.html", "index.html"}) {
        if (const QByteArray html = load(QLatin1String(name));
            !html.isEmpty() && html.contains("toctree-l")) {
            std::vector<TocEntry> entries = fromSphinxHtml(html, dir.absolutePath());
            if (!entries.empty())
                return entries;
        }
    }
    for (const char* name : {"README.md", "index.md", "readme.md", "Readme.md"}) {
        if (const QByteArray markdown = load(QLatin1String(name)); !markdown.isEmpty()) {
            const QString index = QDir::cleanPath(dir.absoluteFilePath(QLatin1String(name)));
            std::vector<TocEntry> entries = fromMarkdown(markdown, dir.absolutePath());
            std::erase_if(entries, [&index](const TocEntry& e) { return e.path == index; });
            if (!entries.empty()) {
                entries.insert(entries.begin(), TocEntry{index, {}, {}}); // the index itself leads
                return entries;
            }
        }
    }
    return {};
}

} // namespace docrag
