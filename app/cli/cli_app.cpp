#include "app/cli/cli_app.h"

#include "app/cli/ask_command.h"
#include "app/cli/bench_command.h"
#include "app/cli/cli_context.h"
#include "app/cli/eval_command.h"
#include "app/cli/feedback_command.h"
#include "app/cli/health_command.h"
#include "app/cli/history_command.h"
#include "app/cli/info_commands.h"
#include "app/cli/ingest_command.h"
#include "app/cli/library_command.h"
#include "app/cli/lookup_command.h"
#include "app/cli/search_command.h"
#include "app/cli/watch_command.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <functional>
#include <map>

namespace docrag {
namespace {

using Command = std::function<int(CliContext&, const QStringList&)>;

struct CommandInfo final {
    Command run;
    const char* summary;
};

const std::map<QString, CommandInfo>& commands() {
    static const std::map<QString, CommandInfo> table = {
        {QStringLiteral("ingest"),
         {&IngestCommand::run, "ingest PATH... --collection NAME   add or update documentation"}},
        {QStringLiteral("collections"),
         {&InfoCommands::collections,
          "collections [--watch NAME]         list collections, choose which follow their folders"}},
        {QStringLiteral("watch"),
         {&WatchCommand::run,
          "watch [NAME...]                    keep collections in step with their folders"}},
        {QStringLiteral("library"),
         {&LibraryCommand::run,
          "library subscribe|sync|status URL  replicas of a team library (PostgreSQL)"}},
        {QStringLiteral("remove"),
         {&InfoCommands::remove, "remove NAME                        remove a collection"}},
        {QStringLiteral("search"),
         {&SearchCommand::run, "search QUERY [-k N]                search with citations"}},
        {QStringLiteral("lookup"),
         {&LookupCommand::run, "lookup NAME                        API names by what is typed"}},
        {QStringLiteral("ask"),
         {&AskCommand::run, "ask QUESTION [--stream]            an answer with citations"}},
        {QStringLiteral("history"),
         {&HistoryCommand::run, "history [ID]                       past conversations"}},
        {QStringLiteral("stats"),
         {&InfoCommands::stats, "stats                              sizes, counts, timings, caches"}},
        {QStringLiteral("health"),
         {&HealthCommand::run, "health                             check database, indexes, model server"}},
        {QStringLiteral("feedback"),
         {&FeedbackCommand::run, "feedback give ID up|down | report  feedback on answers, and the team's"}},
        {QStringLiteral("bench"),
         {&BenchCommand::run, "bench --queries FILE               load-test search"}},
        {QStringLiteral("eval"),
         {&EvalCommand::run, "eval --corpus --queries --qrels    retrieval quality on a BEIR benchmark"}},
    };
    return table;
}

void printUsage(QTextStream& stream) {
    stream << "Usage: docrag-cli COMMAND [options]\n\nCommands:\n";
    for (const auto& [name, info] : commands())
        stream << "  " << info.summary << '\n';
    stream << "\nCommon options: --data-dir DIR, --json, --verbose, --help\n"
              "docrag-cli --version prints the version.\n"
              "Exit codes: 0 ok, 1 failure, 2 bad usage.\n";
}

// The command is the first argument that is neither an option nor the value of --data-dir.
qsizetype commandIndex(const QStringList& arguments) {
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (a == QLatin1String("--data-dir")) {
            ++i;
            continue;
        }
        if (!a.startsWith(QLatin1Char('-')))
            return i;
    }
    return -1;
}

} // namespace

int CliApp::run(const QStringList& arguments) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    const qsizetype at = commandIndex(arguments);
    if (at < 0) {
        if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
            printUsage(out);
            return kExitOk;
        }
        if (arguments.contains(QLatin1String("--version"))) {
            out << "docrag-cli " << QCoreApplication::applicationVersion() << '\n';
            return kExitOk;
        }
        err << "docrag-cli: no command given\n";
        printUsage(err);
        return kExitUsage;
    }
    const QString name = arguments[at];
    const auto found = commands().find(name);
    if (found == commands().end()) {
        err << "docrag-cli: unknown command \"" << name << "\" (see docrag-cli --help)\n";
        return kExitUsage;
    }
    QStringList rest = arguments;
    rest.removeAt(at);
    CliContext context(name, out, err);
    return found->second.run(context, rest);
}

} // namespace docrag
