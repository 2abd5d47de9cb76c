#include "app/cli/lookup_command.h"

#include "app/cli/cli_context.h"
#include "app/cli/cli_json.h"
#include "engine/core/query_file.h"
#include "engine/index/symbol_index.h"
#include "engine/metrics/percentiles.h"
#include "engine/rag/rag_engine.h"
#include "engine/rag/symbol_lookup.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace docrag {
namespace {

QJsonObject toJson(const SymbolHit& hit, int rank) {
    return QJsonObject{{QStringLiteral("rank"), rank},
                       {QStringLiteral("name"), hit.symbol.name},
                       {QStringLiteral("kind"), hit.symbol.kind},
                       {QStringLiteral("collection"), hit.collection},
                       {QStringLiteral("path"), hit.path},
                       {QStringLiteral("title"), hit.title},
                       {QStringLiteral("anchor"), hit.symbol.anchor},
                       {QStringLiteral("line"), hit.symbol.line},
                       {QStringLiteral("document_id"), hit.documentId}};
}

// Every prefix of every name in the file is looked up, as a person typing it would, `rounds` times.
int timeKeystrokes(CliContext& context, RagEngine& engine, const QString& path, int rounds, int limit) {
    auto names = QueryFile::read(path);
    if (!names)
        return names.error().code == ErrorCode::InvalidArgument ? context.usage(names.error().message)
                                                                : context.failWith(names.error());
    QElapsedTimer timer;
    timer.start();
    auto index = engine.symbols().index();
    if (!index)
        return context.failWith(index.error());
    const double loadMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    // The index's lookup alone, then the engine's call as the type-ahead makes it (with the check that
    // the index is current, on this thread's connection).
    std::vector<double> latencies;
    std::vector<double> throughEngine;
    for (int round = 0; round < rounds; ++round) {
        for (const QString& name : *names) {
            for (qsizetype typed = 1; typed <= name.size(); ++typed) {
                timer.restart();
                const auto hits = (*index)->lookup(QStringView(name).first(typed), limit);
                latencies.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
                Q_UNUSED(hits);
                timer.restart();
                const auto engineHits = engine.lookupSymbols(name.first(typed), limit);
                throughEngine.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
                if (!engineHits)
                    return context.failWith(engineHits.error());
            }
        }
    }
    const LatencySummary s = Percentiles::summarize(std::move(latencies));
    const LatencySummary e = Percentiles::summarize(std::move(throughEngine));
    const auto symbols = static_cast<qint64>((*index)->size());
    if (context.json()) {
        context.printJson(
            QJsonDocument(QJsonObject{{QStringLiteral("symbols"), symbols},
                                      {QStringLiteral("index_load_ms"), loadMs},
                                      {QStringLiteral("keystrokes"), CliJson::latency(s)},
                                      {QStringLiteral("through_engine"), CliJson::latency(e)}}));
        return kExitOk;
    }
    QTextStream& out = context.out();
    out << symbols << " symbols, index built in " << QString::number(loadMs, 'f', 1) << " ms\n"
        << s.count << " keystrokes: avg " << QString::number(s.avg, 'f', 3) << " ms, p50 "
        << QString::number(s.p50, 'f', 3) << " ms, p95 " << QString::number(s.p95, 'f', 3) << " ms, p99 "
        << QString::number(s.p99, 'f', 3) << " ms, max " << QString::number(s.max, 'f', 3) << " ms\n"
        << "through the engine: avg " << QString::number(e.avg, 'f', 3) << " ms, p50 "
        << QString::number(e.p50, 'f', 3) << " ms, p95 " << QString::number(e.p95, 'f', 3) << " ms, p99 "
        << QString::number(e.p99, 'f', 3) << " ms\n";
    return kExitOk;
}

} // namespace

int LookupCommand::run(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The API name, or its start."),
                                 QStringLiteral("NAME"));
    parser.addOption({QStringLiteral("k"), QStringLiteral("Number of results (default 10)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("collection"), QStringLiteral("Only this collection (repeatable)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("keystrokes"),
                      QStringLiteral("Time a lookup for every prefix of each name in FILE (one per line) "
                                     "instead."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("rounds"),
                      QStringLiteral("With --keystrokes: passes over the file (default 5)."),
                      QStringLiteral("N"), QStringLiteral("5")});
    if (!context.parse(parser, args,
                       QStringLiteral("Find API names (functions, classes, ...) by what is typed.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    bool ok = false;
    const int limit = parser.value(QStringLiteral("k")).toInt(&ok);
    if (!ok || limit < 1 || limit > 1000)
        return context.usage(QStringLiteral("-k takes a number from 1 to 1000"));
    const int rounds = parser.value(QStringLiteral("rounds")).toInt(&ok);
    if (!ok || rounds < 1)
        return context.usage(QStringLiteral("--rounds takes a positive number"));
    const QString name = parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
    const bool timing = parser.isSet(QStringLiteral("keystrokes"));
    if (name.isEmpty() && !timing)
        return context.usage(QStringLiteral("give a name, or --keystrokes FILE"));

    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    if (timing)
        return timeKeystrokes(context, *engine, parser.value(QStringLiteral("keystrokes")), rounds, limit);
    QElapsedTimer timer;
    timer.start();
    auto hits = engine->lookupSymbols(name, limit, parser.values(QStringLiteral("collection")));
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (!hits)
        return context.failWith(hits.error());
    if (context.json()) {
        QJsonArray results;
        for (size_t i = 0; i < hits->size(); ++i)
            results.append(toJson((*hits)[i], static_cast<int>(i) + 1));
        context.printJson(QJsonDocument(QJsonObject{{QStringLiteral("name"), name},
                                                    {QStringLiteral("latency_ms"), ms},
                                                    {QStringLiteral("results"), results}}));
        return kExitOk;
    }
    QTextStream& out = context.out();
    if (hits->empty()) {
        out << "No API names match \"" << name << "\".\n";
        return kExitOk;
    }
    for (size_t i = 0; i < hits->size(); ++i) {
        const SymbolHit& h = (*hits)[i];
        out << (i + 1) << ". " << h.symbol.name << "  (" << h.symbol.kind << ")  " << h.collection << "  "
            << h.path;
        if (!h.symbol.anchor.isEmpty())
            out << '#' << h.symbol.anchor;
        else if (h.symbol.line > 0)
            out << "  line " << h.symbol.line;
        out << '\n';
    }
    return kExitOk;
}

} // namespace docrag
