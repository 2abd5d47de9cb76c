#pragma once

#include "engine/core/parsed_document.h"
#include "engine/core/result.h"
#include "engine/ingest/block_budget.h"
#include "engine/ingest/ingest_limits.h"

#include <QByteArray>
#include <QString>

namespace docrag {

// Turns the bytes of one file into structured text with source locations.
// Implementations are stateless and called concurrently from pool threads.
// An Error with ErrorCode::Unsupported means "skip this file" (the message says why);
// any other error means the file failed.
class Loader {
public:
    virtual ~Loader() = default;

    // Within the limits: a loader stops where the file has produced all the blocks and text it may, and
    // the document's notes say where.
    Result<ParsedDocument> load(const QString& path, const QByteArray& bytes,
                                const IngestLimits& limits = {}) const {
        BlockBudget budget(limits);
        Result<ParsedDocument> parsed = parse(path, bytes, budget);
        if (parsed)
            budget.annotate(*parsed);
        return parsed;
    }

protected:
    // Every block goes through budget.append(); once it returns false the loader stops.
    virtual Result<ParsedDocument> parse(const QString& path, const QByteArray& bytes,
                                         BlockBudget& budget) const = 0;
};

} // namespace docrag
