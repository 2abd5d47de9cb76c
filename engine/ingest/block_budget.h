#pragma once

#include "engine/core/block.h"
#include "engine/core/parsed_document.h"
#include "engine/ingest/ingest_limits.h"

#include <vector>

namespace docrag {

// What one file may still add to its document while a loader reads it. Long blocks are split here, and
// once the file has given as many blocks or as much text as its limits allow, the loader is told to stop:
// a hostile file costs what a large ordinary one does, and its status says where it was cut.
class BlockBudget final {
public:
    explicit BlockBudget(const IngestLimits& limits);

    const IngestLimits& limits() const { return m_limits; }

    // Adds the block, in pieces of at most maxBlockChars cut at white space where there is some.
    // False once the budget is spent (the block may have been kept in part): the loader stops there.
    bool append(std::vector<Block>& blocks, Block block);
    bool spent() const { return m_spentAtLine >= 0; }

    // For markup flattened before parsing: how deep it went.
    void noteFlattened(int depth) { m_flattenedDepth = std::max(m_flattenedDepth, depth); }

    // Adds a note to the per-file status for each cap that applied.
    void annotate(ParsedDocument& document) const;

    // The note of a file cut short by a cap on `what` ("10000 passages"), from `line` (0: unknown) on,
    // and whether a note is one: the chunker's cap and the loader's are told alike.
    static QString capNote(const QString& what, int line);
    static bool isCapNote(const QString& note);

private:
    void spend(int line, const char* what);

    IngestLimits m_limits;
    qint64 m_blocks = 0;
    qint64 m_chars = 0;
    qint64 m_splitBlocks = 0;
    int m_spentAtLine = -1; // the line where the budget ran out (0 when unknown), -1 while it lasts
    const char* m_spentOn = "";
    int m_flattenedDepth = 0;
};

} // namespace docrag
