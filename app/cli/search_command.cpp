#include "app/cli/search_command.h"

#include "app/cli/cli_context.h"
#include "app/cli/cli_json.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <unistd.h>

namespace docrag {
namespace {

QString highlighted(const Hit& hit, bool ansi) {
    if (!ansi || hit.snippetHighlights.isEmpty())
        return hit.snippet;
    QString out;
    int at = 0;
    for (const auto& [start, length] : hit.snippetHighlights) {
        out += hit.snippet.mid(at, start - at) + QStringLiteral("\033[1m") + hit.snippet.mid(start, length) +
               QStringLiteral("\033[0m");
        at = start + length;
    }
    return out + hit.snippet.mid(at);
}

// "why: bm25 #3 (11.20), vectors #12 (0.541); score 1.3100 = bm25 0.9100 + trigrams 0.3000 + ..."
QString explanation(const Hit& h) {
    auto rank = [](int r, double score, int decimals) {
        return r > 0 ? QStringLiteral("#%1 (%2)").arg(r).arg(QString::number(score, 'f', decimals))
                     : QStringLiteral("not found");
    };
    QStringList parts;
    for (const auto& [name, value] : h.scoreParts) {
        if (value != 0.0)
            parts << QStringLiteral("%1 %2").arg(name, QString::number(value, 'f', 4));
    }
    return QStringLiteral("why: bm25 %1, vectors %2; score %3 = %4")
        .arg(rank(h.lexicalRank, h.lexicalScore, 2), rank(h.denseRank, h.denseScore, 3),
             QString::number(h.score, 'f', 4),
             parts.isEmpty() ? QStringLiteral("0") : parts.join(QStringLiteral(" + ")));
}

} // namespace

void SearchCommand::addSearchOptions(QCommandLineParser& parser, const QString& modeOption) {
    parser.addOption({QStringLiteral("k"), QStringLiteral("Number of results (default 5)."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("collection"),
                      QStringLiteral("Search only this collection (repeatable)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("doc-type"), QStringLiteral("Search only collections of this doc type."),
                      QStringLiteral("type")});
    parser.addOption({modeOption, QStringLiteral("Retrieval: hybrid (default), bm25 or dense."),
                      QStringLiteral("mode"), QStringLiteral("hybrid")});
}

QString SearchCommand::readSearchOptions(const QCommandLineParser& parser, const QString& modeOption,
                                         SearchOptions& options) {
    bool ok = false;
    options.k = parser.value(QStringLiteral("k")).toInt(&ok);
    if (!ok || options.k < 1 || options.k > 1000)
        return QStringLiteral("-k takes a number from 1 to 1000");
    options.collections = parser.values(QStringLiteral("collection"));
    options.docType = parser.value(QStringLiteral("doc-type"));
    if (const QString bad = readMode(parser, modeOption, options.mode); !bad.isEmpty())
        return bad;
    options.candidates = std::max(options.candidates, options.k);
    return {};
}

QString SearchCommand::readMode(const QCommandLineParser& parser, const QString& modeOption,
                                SearchMode& mode) {
    const QString name = parser.value(modeOption);
    if (name == QLatin1String("hybrid"))
        mode = SearchMode::Hybrid;
    else if (name == QLatin1String("bm25"))
        mode = SearchMode::Lexical;
    else if (name == QLatin1String("dense"))
        mode = SearchMode::Dense;
    else
        return QStringLiteral("unknown mode \"%1\" (hybrid, bm25 or dense)").arg(name);
    return {};
}

int SearchCommand::run(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("query"), QStringLiteral("What to look for."),
                                 QStringLiteral("QUERY..."));
    addSearchOptions(parser, QStringLiteral("mode"));
    context.addGuideOption(parser);
    parser.addOption(
        {QStringLiteral("explain"),
         QStringLiteral("Show why each result ranked: its BM25 and vector ranks and each signal's share "
                        "of its score.")});
    if (!context.parse(parser, args, QStringLiteral("Search the ingested documentation.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    const QString query = parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
    if (query.isEmpty())
        return context.usage(QStringLiteral("give a query"));
    SearchOptions options;
    if (const QString bad = readSearchOptions(parser, QStringLiteral("mode"), options); !bad.isEmpty())
        return context.usage(bad);
    options.explain = parser.isSet(QStringLiteral("explain"));

    RagEngine* engine = context.engineWithGuide();
    if (!engine)
        return kExitFailure;
    QElapsedTimer timer;
    timer.start();
    auto hits = engine->search(query, options);
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (!hits)
        return context.failWith(hits.error());

    QTextStream& out = context.out();
    if (context.json()) {
        QJsonArray results;
        for (size_t i = 0; i < hits->size(); ++i)
            results.append(CliJson::hit((*hits)[i], static_cast<int>(i) + 1));
        context.printJson(QJsonDocument(QJsonObject{{QStringLiteral("query"), query},
                                                    {QStringLiteral("latency_ms"), ms},
                                                    {QStringLiteral("results"), results}}));
        return kExitOk;
    }
    if (hits->empty()) {
        out << "No results for \"" << query << "\".\n";
        return kExitOk;
    }
    const bool ansi = isatty(STDOUT_FILENO);
    for (size_t i = 0; i < hits->size(); ++i) {
        const Hit& h = (*hits)[i];
        out << (i + 1) << ". [" << QString::number(h.score, 'f', 4) << "] " << h.collection << "  " << h.path
            << '\n';
        out << "   " << (h.headingPath.isEmpty() ? h.title : h.title + QStringLiteral(" > ") + h.headingPath);
        if (const QString location = h.locationLabel(); !location.isEmpty())
            out << "  (" << location << ')';
        out << '\n' << "   " << highlighted(h, ansi) << '\n';
        if (options.explain)
            out << "   " << explanation(h) << '\n';
        out << '\n';
    }
    out << hits->size() << " results in " << QString::number(ms, 'f', 1) << " ms\n";
    return kExitOk;
}

} // namespace docrag
