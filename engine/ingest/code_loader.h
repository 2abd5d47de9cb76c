#pragma once

#include "engine/ingest/loader.h"

namespace docrag {

// Source code: the language from the file extension, code blocks split at blank lines, line ranges.
class CodeLoader final : public Loader {
public:
    // "python" for "py", "cpp" for "hpp", ...; empty when the suffix is not source code.
    static QString languageForSuffix(const QString& lowerSuffix);

protected:
    Result<ParsedDocument> parse(const QString& path, const QByteArray& bytes,
                                 BlockBudget& budget) const override;
};

} // namespace docrag
