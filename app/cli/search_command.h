#pragma once

#include "engine/index/hybrid_retriever.h"

#include <QCommandLineParser>
#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli search QUERY: hybrid search with citations.
class SearchCommand final {
public:
    static int run(CliContext& context, const QStringList& args);

    // Shared with bench: -k, --collection, --doc-type and the retrieval mode (hybrid|bm25|dense), whose
    // option is --mode for search and --retrieval for bench (where --mode means search or ask).
    static void addSearchOptions(QCommandLineParser& parser, const QString& modeOption);
    // Returns an error message for a bad value, empty when the options are valid.
    static QString readSearchOptions(const QCommandLineParser& parser, const QString& modeOption,
                                     SearchOptions& options);
    // The retrieval mode alone (hybrid|bm25|dense), for eval too; an error message for a bad value.
    static QString readMode(const QCommandLineParser& parser, const QString& modeOption, SearchMode& mode);
};

} // namespace docrag
