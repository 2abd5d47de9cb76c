#pragma once

#include "engine/core/result.h"

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli bench --queries FILE: a concurrent load test of the engine in this process.
class BenchCommand final {
public:
    static int run(CliContext& context, const QStringList& args);
    // One query per line (# starts a comment); JSON lines (BEIR queries.jsonl) give their "text" or
    // "query" field. Also what `lookup --keystrokes` types. InvalidArgument when the file holds none.
    static Result<QStringList> readQueries(const QString& path);
};

} // namespace docrag
