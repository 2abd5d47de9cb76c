#pragma once

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli eval --corpus C --queries Q --qrels R: retrieval quality on a BEIR-format benchmark.
class EvalCommand final {
public:
    static int run(CliContext& context, const QStringList& args);
};

} // namespace docrag
