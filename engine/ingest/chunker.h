#pragma once

#include "engine/core/chunk.h"
#include "engine/core/parsed_document.h"

#include <vector>

namespace docrag {

struct ChunkerOptions final {
    int targetTokens = 320; // a chunk closes once the next block would pass this
    int maxTokens = 640;    // a code block up to this size stays whole in one chunk
    int overlapTokens = 48; // text carried into the next chunk when a section is split
    // An API definition (soft heading) starts its own chunk only once the current one holds this
    // much: runs of one-line definitions (constants, small methods) share a chunk instead of
    // making thousands of fragments that are too small to retrieve well.
    int minTokens = 64;
};

// Cuts a parsed document into retrievable chunks: a heading always starts a new chunk (an API
// definition does unless the current chunk is still small), sections are split by a token budget with some
// overlap, code blocks stay whole where they fit, and every chunk keeps its heading path and source location
// (lines, page, anchor).
class Chunker final {
public:
    explicit Chunker(ChunkerOptions options = {});

    // At most `maxChunks` chunks when it is positive; `cappedAtLine` then tells where the document was
    // cut (the line from which nothing is in a chunk, 0 when unknown), or -1 when it was not.
    std::vector<Chunk> chunk(const ParsedDocument& document, int maxChunks = 0,
                             int* cappedAtLine = nullptr) const;
    const ChunkerOptions& options() const { return m_options; }

    // What the embedder sees: the title and heading path give a chunk the context its text lacks.
    static QString embedText(const QString& title, const QString& headingPath, const QString& text);

private:
    ChunkerOptions m_options;
};

} // namespace docrag
