#pragma once

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli bench --queries FILE: a concurrent load test of the engine in this process.
class BenchCommand final {
public:
    static int run(CliContext& context, const QStringList& args);
};

} // namespace docrag
