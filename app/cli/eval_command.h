#pragma once

#include <QStringList>

class QCommandLineParser;

namespace docrag {

class CliContext;

// docrag-cli eval --corpus C --queries Q --qrels R: retrieval quality on a BEIR-format benchmark.
// docrag-cli eval --questions Q.tsv --collection NAME: page-level quality on a documentation set.
class EvalCommand final {
public:
    static int run(CliContext& context, const QStringList& args);

private:
    static int runQuestions(CliContext& context, const QCommandLineParser& parser);
};

} // namespace docrag
