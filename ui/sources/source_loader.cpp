#include "ui/sources/source_loader.h"

#include "engine/core/hashing.h"
#include "engine/ingest/text_decoder.h"
#include "engine/rag/rag_engine.h"

#include <QFile>
#include <QFileInfo>

namespace docrag {
namespace {

// Larger files are shown as their chunks: the viewer must stay responsive.
constexpr qint64 kMaxShownBytes = 8 * 1024 * 1024;

QString chunksAsText(const std::vector<Chunk>& chunks) {
    QStringList parts;
    int page = 0;
    for (const Chunk& c : chunks) {
        if (c.page > 0 && c.page != page) {
            page = c.page;
            parts << SourceLoader::tr("— page %1 —").arg(page);
        }
        parts << c.text;
    }
    return parts.join(QStringLiteral("\n\n"));
}

} // namespace

SourceView::Format SourceLoader::formatFor(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        return SourceView::Format::Markdown;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm") || suffix == QLatin1String("xhtml"))
        return SourceView::Format::Html;
    static const QStringList prose = {QStringLiteral("txt"), QStringLiteral("rst"), QStringLiteral("text"),
                                      QStringLiteral("pdf"), QString()};
    return prose.contains(suffix) ? SourceView::Format::PlainText : SourceView::Format::Code;
}

Result<SourceView> SourceLoader::load(RagEngine& engine, const Document& document,
                                      std::vector<Chunk>& chunks) {
    auto stored = engine.chunks(document.id);
    if (!stored)
        return stored.error();
    chunks = std::move(*stored);
    SourceView view;
    view.document = document;
    view.format = formatFor(document.path);
    if (auto collection = engine.collection(document.collectionId))
        view.roots = collection->rootPaths;
    QFile file(document.path);
    const bool pdf =
        QFileInfo(document.path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0;
    if (pdf || !file.exists() || file.size() > kMaxShownBytes || !file.open(QIODevice::ReadOnly)) {
        // PDFs, and files gone or too large: the text as ingested, chunk by chunk.
        view.format = SourceView::Format::PlainText;
        view.content = chunksAsText(chunks);
        if (!pdf && !file.exists())
            view.notice = tr("The file is no longer on disk; showing the text as it was ingested.");
        return view;
    }
    auto decoded = TextDecoder::decode(file.readAll());
    if (!decoded)
        return decoded.error();
    view.content = decoded->text;
    return view;
}

Result<SourceView> SourceLoader::forChunk(RagEngine& engine, qint64 documentId, qint64 chunkId) {
    auto document = engine.document(documentId);
    if (!document)
        return document.error();
    std::vector<Chunk> chunks;
    auto view = load(engine, *document, chunks);
    if (!view)
        return view;
    for (const Chunk& c : chunks) {
        if (c.id == chunkId || chunkId == 0) {
            view->target = c;
            view->targetFound = true;
            break;
        }
    }
    return view;
}

Result<SourceView> SourceLoader::forSource(RagEngine& engine, const Source& source) {
    auto collections = engine.collections();
    if (!collections)
        return collections.error();
    std::optional<Document> document;
    for (const CollectionInfo& info : *collections) {
        if (info.collection.name != source.collection)
            continue;
        auto documents = engine.documents(info.collection.id);
        if (!documents)
            return documents.error();
        for (Document& d : *documents) {
            if (d.path == source.path)
                document = std::move(d);
        }
    }
    Chunk snapshot;
    snapshot.id = source.chunkId;
    snapshot.text = source.excerpt;
    snapshot.headingPath = source.headingPath;
    snapshot.locStart = source.locStart;
    snapshot.locEnd = source.locEnd;
    snapshot.anchor = source.anchor;
    snapshot.page = source.page;
    if (!document) {
        SourceView view;
        view.document.path = source.path;
        view.document.title = source.title;
        view.content = source.excerpt;
        view.target = snapshot;
        view.targetFound = true;
        view.changed = true;
        view.notice = tr("This document is no longer in the collection “%1”. Showing the passage as "
                         "it was when the answer was given.")
                          .arg(source.collection);
        return view;
    }
    std::vector<Chunk> chunks;
    auto view = load(engine, *document, chunks);
    if (!view)
        return view;
    // A chunk id is never reused and a chunk's text never changes under its id: the same id is the same
    // passage. A search may have merged it with its neighbours, so the excerpt can be longer than it.
    for (const Chunk& c : chunks) {
        if (c.id == source.chunkId) {
            view->target = c;
            view->target.text = source.excerpt;
            view->target.locStart = source.locStart > 0 ? source.locStart : c.locStart;
            view->target.locEnd = std::max(source.locEnd, c.locEnd);
            view->targetFound = true;
            return view;
        }
    }
    // Re-ingested since: the same text under a new id, or every chunk of the cited lines still in it.
    if (const Chunk* same = unchangedPassage(chunks, source)) {
        view->target = *same;
        view->target.text = source.excerpt;
        view->target.locEnd = std::max(source.locEnd, same->locEnd);
        view->targetFound = true;
        return view;
    }
    view->changed = true;
    view->target = snapshot;
    // Its old lines would point at other text now; its words may still be there, moved.
    view->target.locStart = view->target.locEnd = 0;
    view->targetFound = true;
    view->notice = tr("The source changed since the answer was given: the cited passage is not in "
                      "the document as it was. It read:\n%1")
                       .arg(source.excerpt.left(400));
    return view;
}

const Chunk* SourceLoader::unchangedPassage(const std::vector<Chunk>& chunks, const Source& source) {
    for (const Chunk& c : chunks) {
        if (Hashing::xxh3(QStringView(c.text)) == source.textHash)
            return &c;
    }
    if (source.locStart <= 0 || source.locEnd < source.locStart)
        return nullptr;
    // A merged passage: each chunk joined into it ends with its own words (its start may be the overlap
    // the excerpt holds once), so the end of every chunk of the cited lines must be in the excerpt.
    const QString excerpt = source.excerpt.simplified();
    const Chunk* first = nullptr;
    for (const Chunk& c : chunks) {
        if (c.locStart < source.locStart || c.locEnd > source.locEnd || c.locStart <= 0)
            continue;
        const QString text = c.text.simplified();
        if (!excerpt.contains(text.right(std::min<qsizetype>(text.size(), 300))))
            return nullptr;
        if (!first) {
            if (!excerpt.startsWith(text.left(std::min<qsizetype>(text.size(), 200))))
                return nullptr;
            first = &c;
        }
    }
    return first;
}

} // namespace docrag
