#include "app/cli/info_commands.h"

#include "app/cli/cli_context.h"
#include "app/cli/cli_json.h"
#include "engine/rag/rag_engine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace docrag {
namespace {

QString megabytes(qint64 bytes) {
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

void printCollection(QTextStream& out, const CollectionInfo& info) {
    const Collection& c = info.collection;
    out << c.name;
    if (!c.docType.isEmpty())
        out << "  [" << c.docType << ']';
    out << "\n  " << info.stats.indexed << " documents indexed";
    if (info.stats.skipped > 0 || info.stats.failed > 0)
        out << " (" << info.stats.skipped << " skipped, " << info.stats.failed << " failed)";
    out << ", " << info.stats.chunks << " chunks, " << megabytes(info.stats.bytes) << '\n';
    out << "  embedder " << c.embedderId << ", updated "
        << QDateTime::fromMSecsSinceEpoch(c.updatedAtMs).toString(Qt::ISODate) << '\n';
    for (const QString& root : c.rootPaths)
        out << "  from " << root << '\n';
    if (c.keepInSync)
        out << "  kept in sync with its folders while `docrag-cli watch` or the desktop app runs; last "
               "synced "
            << (c.syncedAtMs > 0 ? QDateTime::fromMSecsSinceEpoch(c.syncedAtMs).toString(Qt::ISODate)
                                 : QStringLiteral("never"))
            << '\n';
    if (info.ingest == CollectionInfo::Ingest::Interrupted)
        out << "  INTERRUPTED: " << c.filesDone << " of " << c.filesTotal
            << " files done; resume with: docrag-cli ingest --resume --collection \"" << c.name << "\"\n";
    else if (info.ingest == CollectionInfo::Ingest::Running)
        out << "  being ingested now: " << c.filesDone << " of " << c.filesTotal << " files done\n";
}

QString milliseconds(double ms) {
    return QString::number(ms, 'f', ms < 10 ? 2 : 1) + QStringLiteral(" ms");
}

// The operations any process did in the last hour and day, from the database's statistics.
void printHistory(QTextStream& out, const std::vector<OperationStats>& hour,
                  const std::vector<OperationStats>& day) {
    out << "Timings         every process on this data folder: last hour | last 24 hours\n";
    bool any = false;
    for (size_t i = 0; i < day.size() && i < hour.size(); ++i) {
        if (day[i].count == 0)
            continue;
        any = true;
        out << "  " << day[i].name.leftJustified(15) << ' ';
        if (hour[i].count > 0)
            out << hour[i].count << " calls, p95 " << milliseconds(hour[i].p95Ms);
        else
            out << "none";
        out << " | " << day[i].count << " calls, avg " << milliseconds(day[i].avgMs) << ", p95 "
            << milliseconds(day[i].p95Ms) << ", max " << milliseconds(day[i].maxMs) << '\n';
    }
    if (!any)
        out << "  nothing recorded in the last 24 hours\n";
}

} // namespace

int InfoCommands::collections(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    const QCommandLineOption watch(
        QStringLiteral("watch"),
        QStringLiteral(
            "Keep this collection in sync with its folders while `docrag-cli watch` or the desktop "
            "app runs (repeatable)."),
        QStringLiteral("name"));
    const QCommandLineOption unwatch(QStringLiteral("unwatch"),
                                     QStringLiteral("Stop keeping this collection in sync (repeatable)."),
                                     QStringLiteral("name"));
    parser.addOptions({watch, unwatch});
    if (!context.parse(parser, args,
                       QStringLiteral("List the collections, or choose which follow their folders.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("collections takes no arguments"));
    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    for (const auto& [option, keep] : {std::pair{&watch, true}, std::pair{&unwatch, false}}) {
        for (const QString& name : parser.values(*option)) {
            if (Status s = engine->setKeepInSync(name, keep); !s)
                return context.failWith(s.error());
        }
    }
    auto all = engine->collections();
    if (!all)
        return context.failWith(all.error());
    if (context.json()) {
        QJsonArray list;
        for (const CollectionInfo& info : *all)
            list.append(CliJson::collection(info));
        context.printJson(QJsonDocument(QJsonObject{{QStringLiteral("collections"), list}}));
        return kExitOk;
    }
    if (all->empty())
        context.out() << "No collections yet. Add one with: docrag-cli ingest PATH --collection NAME\n";
    for (const CollectionInfo& info : *all)
        printCollection(context.out(), info);
    return kExitOk;
}

int InfoCommands::remove(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The collection to remove."),
                                 QStringLiteral("NAME"));
    if (!context.parse(parser, args, QStringLiteral("Remove a collection and everything ingested into it.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    if (parser.positionalArguments().size() != 1)
        return context.usage(QStringLiteral("give exactly one collection name"));
    const QString name = parser.positionalArguments().constFirst();
    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    if (Status s = engine->removeCollection(name); !s)
        return context.failWith(s.error());
    if (context.json())
        context.printJson(QJsonDocument(QJsonObject{{QStringLiteral("removed"), name}}));
    else
        context.out() << "Removed collection \"" << name << "\".\n";
    return kExitOk;
}

int InfoCommands::stats(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    if (!context.parse(parser, args, QStringLiteral("Show what is stored and how big it is.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("stats takes no arguments"));
    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    auto stats = engine->stats();
    if (!stats)
        return context.failWith(stats.error());
    const PerformanceSnapshot performance = engine->performanceSnapshot();
    // Timings of every process that used the data folder (this one has done nothing yet).
    auto lastHour = engine->performanceHistory(60);
    auto lastDay = engine->performanceHistory(24 * 60);
    if (!lastHour || !lastDay)
        return context.failWith(lastHour ? lastDay.error() : lastHour.error());
    auto historyBytes = engine->statisticsBytes();
    if (!historyBytes)
        return context.failWith(historyBytes.error());
    if (context.json()) {
        QJsonObject json = CliJson::stats(*stats);
        // The same snapshot as the desktop dashboard's; its timings are those of this process.
        json.insert(QStringLiteral("performance"), performance.toJson());
        json.insert(QStringLiteral("history"),
                    QJsonObject{{QStringLiteral("last_hour"), PerformanceSnapshot::operationsJson(*lastHour)},
                                {QStringLiteral("last_day"), PerformanceSnapshot::operationsJson(*lastDay)},
                                {QStringLiteral("stored_bytes"), *historyBytes}});
        context.printJson(QJsonDocument(json));
        return kExitOk;
    }
    QTextStream& out = context.out();
    qint64 documents = 0;
    qint64 chunks = 0;
    for (const CollectionInfo& c : stats->collections) {
        documents += c.stats.indexed;
        chunks += c.stats.chunks;
    }
    out << "Data directory  " << stats->dataDir << '\n'
        << "Database        " << megabytes(stats->databaseBytes) << " (schema " << stats->schemaVersion
        << ")\n"
        << "Vector indexes  " << megabytes(stats->indexBytes) << '\n'
        << "Embedder        " << stats->embedderId << '\n'
        << "Collections     " << stats->collections.size() << ", " << documents << " documents, " << chunks
        << " chunks\n";
    out << "Memory          " << megabytes(performance.residentBytes) << " resident (this process)\n"
        << "Logs            " << megabytes(performance.logBytes) << '\n';
    for (const CacheStats& cache : performance.caches) {
        out << "Cache           " << cache.name << ": " << cache.hits << " hits, " << cache.misses
            << " misses\n";
    }
    printHistory(out, *lastHour, *lastDay);
    for (const CollectionInfo& info : stats->collections)
        printCollection(out, info);
    return kExitOk;
}

} // namespace docrag
