#pragma once

#include "engine/ingest/loader.h"

namespace docrag {

// reStructuredText: section titles from underlines (and overlines), literal blocks and code directives, line
// ranges.
class RstLoader final : public Loader {
protected:
    Result<ParsedDocument> parse(const QString& path, const QByteArray& bytes,
                                 BlockBudget& budget) const override;
};

} // namespace docrag
