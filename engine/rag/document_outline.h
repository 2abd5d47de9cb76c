#pragma once

#include "engine/core/document.h"
#include "engine/ingest/toc_reader.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace docrag {

// A node of a collection's tree in the library: a document, or a folder of documents.
struct OutlineNode final {
    qint64 documentId = 0; // 0 for a folder
    QString title;
    QString path;
    std::vector<OutlineNode> children;
};

// The tree a docs browser shows for a collection: its documents in the order of the doc set's table of
// contents, nested as it nests them; then the documents it does not list, by folder (the files of a
// folder by title, then its subfolders by name).
class DocumentOutline final {
public:
    // `toc` is what TocReader found in the collection's folders; only indexed documents are shown.
    static std::vector<OutlineNode> build(const QStringList& roots, const std::vector<Document>& documents,
                                          const std::vector<TocEntry>& toc);
};

} // namespace docrag
