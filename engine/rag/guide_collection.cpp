#include "engine/rag/guide_collection.h"

#include "engine/rag/rag_engine.h"

#include <QFileInfo>

namespace docrag {

QString GuideCollection::name() {
    return QStringLiteral("DocRag guide");
}

QString GuideCollection::docType() {
    return QStringLiteral("docrag");
}

IngestRequest GuideCollection::request(const QString& folder) {
    IngestRequest request;
    request.collection = name();
    request.docType = docType();
    request.paths = {folder};
    // The guide is its Markdown pages; anything else dropped beside them is not part of it.
    request.scan.includePatterns = {QStringLiteral("*.md")};
    return request;
}

Status GuideCollection::forgetOtherFolders(RagEngine& engine, const QString& folder) {
    auto collections = engine.collections();
    if (!collections)
        return collections.error();
    // The scanner stores canonical roots: compare like with like.
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    for (const CollectionInfo& info : *collections) {
        if (info.collection.name != name())
            continue;
        const QStringList& roots = info.collection.rootPaths;
        if (roots.isEmpty() || (roots.size() == 1 && roots.front() == canonical))
            return {};
        return engine.removeCollection(name());
    }
    return {};
}

Result<std::optional<IngestReport>> GuideCollection::ingestIfEmpty(RagEngine& engine, const QString& folder,
                                                                   const std::function<void()>& before) {
    if (folder.isEmpty() || engine.readOnly())
        return std::optional<IngestReport>();
    auto any = engine.hasCollections();
    if (!any)
        return any.error();
    if (*any)
        return std::optional<IngestReport>();
    if (before)
        before();
    auto report = engine.ingest(request(folder));
    if (!report)
        return report.error();
    return std::optional<IngestReport>(std::move(*report));
}

} // namespace docrag
