#pragma once

#include "engine/ingest/loader.h"

namespace docrag {

// reStructuredText: section titles from underlines (and overlines), literal blocks and code directives, line
// ranges.
class RstLoader final : public Loader {
public:
    Result<ParsedDocument> load(const QString& path, const QByteArray& bytes) const override;
};

} // namespace docrag
