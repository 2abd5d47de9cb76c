#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace docrag {

// One entry of a doc set's table of contents: a document (absolute path, no fragment) and what is
// listed under it.
// A section that is not a page itself (MkDocs' "- Guides:") has a title and no path.
struct TocEntry final {
    QString path;
    QString title;
    std::vector<TocEntry> children;
};

// The order a doc set declares for its pages: MkDocs' nav (mkdocs.yml), Sphinx's toctree (contents.html,
// or index.html when it holds the toctree), else the order of the links of a README.md or index.md. Each
// document appears once, where it is first listed; links to sections of a page already listed lift their
// children up.
class TocReader final {
public:
    // The table of contents found in the folder `root`; empty when it declares none.
    static std::vector<TocEntry> read(const QString& root);
    // Sphinx's nested <li class="toctree-lN"> lists; hrefs resolve against `folder`.
    static std::vector<TocEntry> fromSphinxHtml(const QByteArray& given, const QString& folder);
    // Inline Markdown links to local pages, in order, one level.
    static std::vector<TocEntry> fromMarkdown(const QByteArray& markdown, const QString& folder);
};

} // namespace docrag
