#pragma once

#include "engine/core/result.h"

#include <QStringList>

namespace docrag {

// A file of queries for load tests and benchmarks (`docrag-cli bench --queries`, `lookup --keystrokes`,
// the benchmark tools): one query per line, `#` starts a comment; JSON lines (BEIR's queries.jsonl) give
// their "text" or "query" field.
class QueryFile final {
public:
    // Io when the file cannot be read, InvalidArgument when it holds no query.
    static Result<QStringList> read(const QString& path);
};

} // namespace docrag
