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
    if (info.ingest == CollectionInfo::Ingest::Interrupted)
        out << "  INTERRUPTED: " << c.filesDone << " of " << c.filesTotal
            << " files done; resume with: docrag-cli ingest --resume --collection \"" << c.name << "\"\n";
    else if (info.ingest == CollectionInfo::Ingest::Running)
        out << "  being ingested now: " << c.filesDone << " of " << c.filesTotal << " files done\n";
}

} // namespace

int InfoCommands::collections(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    if (!context.parse(parser, args, QStringLiteral("List the collections.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("collections takes no arguments"));
    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
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
    if (context.json()) {
        QJsonObject json = CliJson::stats(*stats);
        // The same snapshot as the desktop dashboard's; its timings are those of this process.
        json.insert(QStringLiteral("performance"), performance.toJson());
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
    for (const CollectionInfo& info : stats->collections)
        printCollection(out, info);
    return kExitOk;
}

} // namespace docrag
