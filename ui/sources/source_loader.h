#pragma once

#include "engine/core/result.h"
#include "engine/core/source.h"
#include "ui/sources/source_view.h"

#include <QCoreApplication>

namespace docrag {

class RagEngine;

// Reads what the source viewer shows, on whatever thread calls it (the engine's pool): the cited document
// from disk, decoded, with the cited chunk found again even after a re-ingest gave it a new id.
class SourceLoader final {
    Q_DECLARE_TR_FUNCTIONS(SourceLoader)

public:
    // The document a citation points to. A chunk that changed or vanished since the answer still gives
    // a view: the snapshot in `source` is shown with a notice.
    static Result<SourceView> forSource(RagEngine& engine, const Source& source);
    // A document of the library, at one of its chunks (0: the first).
    static Result<SourceView> forChunk(RagEngine& engine, qint64 documentId, qint64 chunkId);

    static SourceView::Format formatFor(const QString& path);

    // A chunk of a re-ingested document that still holds the cited passage, or nothing when it changed.
    static const Chunk* unchangedPassage(const std::vector<Chunk>& chunks, const Source& source);

private:
    // The document's text as the viewer shows it; its chunks, in order, into `chunks`.
    static Result<SourceView> load(RagEngine& engine, const Document& document, std::vector<Chunk>& chunks);
};

} // namespace docrag
