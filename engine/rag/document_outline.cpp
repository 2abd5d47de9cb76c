#include "engine/rag/document_outline.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <map>

namespace docrag {
namespace {

QString titleOf(const Document& d) {
    return d.title.isEmpty() ? QFileInfo(d.path).fileName() : d.title;
}

class OutlineBuilder final {
public:
    explicit OutlineBuilder(const std::vector<Document>& documents) {
        for (const Document& d : documents) {
            if (d.status == DocumentStatus::Indexed)
                m_byPath.insert(QDir::cleanPath(d.path), &d);
        }
    }

    // Entries of the table of contents that are documents of the collection; the children of one that is
    // not (a page left out of the ingest) take its place.
    void fromToc(const std::vector<TocEntry>& entries, std::vector<OutlineNode>& out) {
        for (const TocEntry& entry : entries) {
            const Document* d = entry.path.isEmpty() ? nullptr : m_byPath.value(entry.path);
            if (!d && entry.path.isEmpty() && !entry.title.isEmpty()) {
                // A section of the contents (not a page): a folder-like node, if it holds any document.
                OutlineNode section{0, entry.title, {}, {}};
                fromToc(entry.children, section.children);
                if (!section.children.empty())
                    out.push_back(std::move(section));
                continue;
            }
            if (!d) {
                fromToc(entry.children, out);
                continue;
            }
            m_byPath.remove(entry.path);
            OutlineNode node{d->id, titleOf(*d), d->path, {}};
            fromToc(entry.children, node.children);
            out.push_back(std::move(node));
        }
    }

    // What the table of contents left out, under folders relative to the root that holds each document.
    void byFolder(const QStringList& roots, std::vector<OutlineNode>& out) {
        Folder top;
        for (const Document* d : m_byPath) {
            QString relative = d->path;
            for (const QString& root : roots) {
                const QString prefix = QDir::cleanPath(root) + QLatin1Char('/');
                if (d->path.startsWith(prefix)) {
                    relative = d->path.mid(prefix.size());
                    if (roots.size() > 1)
                        relative = QFileInfo(root).fileName() + QLatin1Char('/') + relative;
                    break;
                }
            }
            QStringList parts = relative.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            if (parts.isEmpty())
                continue;
            parts.removeLast();
            Folder* at = &top;
            QString path = roots.size() == 1 ? QDir::cleanPath(roots.front()) : QString();
            for (const QString& part : parts) {
                path += QLatin1Char('/') + part;
                Folder& next = at->folders[part];
                next.path = path;
                at = &next;
            }
            at->files.push_back(d);
        }
        append(top, out);
    }

private:
    struct Folder final {
        QString path;
        std::map<QString, Folder> folders;
        std::vector<const Document*> files;
    };

    static void append(Folder& folder, std::vector<OutlineNode>& out) {
        std::sort(folder.files.begin(), folder.files.end(), [](const Document* a, const Document* b) {
            const int order = QString::compare(titleOf(*a), titleOf(*b), Qt::CaseInsensitive);
            return order != 0 ? order < 0 : a->path < b->path;
        });
        for (const Document* d : folder.files)
            out.push_back(OutlineNode{d->id, titleOf(*d), d->path, {}});
        for (auto& [name, sub] : folder.folders) {
            OutlineNode node{0, name, sub.path, {}};
            append(sub, node.children);
            out.push_back(std::move(node));
        }
    }

    QHash<QString, const Document*> m_byPath;
};

} // namespace

std::vector<OutlineNode> DocumentOutline::build(const QStringList& roots,
                                                const std::vector<Document>& documents,
                                                const std::vector<TocEntry>& toc) {
    OutlineBuilder builder(documents);
    std::vector<OutlineNode> out;
    builder.fromToc(toc, out);
    builder.byFolder(roots, out);
    return out;
}

} // namespace docrag
