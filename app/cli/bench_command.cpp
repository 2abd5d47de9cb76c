#include "app/cli/bench_command.h"

#include "app/cli/cli_context.h"
#include "app/cli/cli_json.h"
#include "app/cli/search_command.h"
#include "engine/core/query_file.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include <atomic>
#include <mutex>
#include <thread>

namespace docrag {
namespace {

int positive(const QCommandLineParser& parser, const QString& name, int fallback, bool* ok) {
    if (!parser.isSet(name))
        return fallback;
    const int value = parser.value(name).toInt(ok);
    *ok = *ok && value > 0;
    return value;
}

} // namespace

int BenchCommand::run(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("queries"),
                      QStringLiteral("File of queries: one per line, or JSON lines."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("concurrency"), QStringLiteral("Requests in parallel (default 1)."),
                      QStringLiteral("C")});
    parser.addOption({QStringLiteral("requests"), QStringLiteral("Requests in all (default: one per query)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("warmup"), QStringLiteral("Unmeasured requests first (default 10)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("mode"),
                      QStringLiteral("search (default) or ask (whole answers, not stored in the history)."),
                      QStringLiteral("mode"), QStringLiteral("search")});
    parser.addOption(
        {QStringLiteral("no-cache"), QStringLiteral("ask: never answer from the response cache.")});
    SearchCommand::addSearchOptions(parser, QStringLiteral("retrieval"));
    context.addModelOptions(parser);
    if (!context.parse(parser, args, QStringLiteral("Load-test the engine with a file of queries.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    if (!parser.isSet(QStringLiteral("queries")))
        return context.usage(QStringLiteral("--queries FILE is required"));
    const QString benchMode = parser.value(QStringLiteral("mode"));
    if (benchMode != QLatin1String("search") && benchMode != QLatin1String("ask"))
        return context.usage(QStringLiteral("unknown bench mode \"%1\" (search or ask)").arg(benchMode));
    SearchOptions options;
    if (const QString bad = SearchCommand::readSearchOptions(parser, QStringLiteral("retrieval"), options);
        !bad.isEmpty())
        return context.usage(bad);
    bool ok = true;
    const int concurrency = positive(parser, QStringLiteral("concurrency"), 1, &ok);
    if (!ok)
        return context.usage(QStringLiteral("--concurrency takes a positive number"));
    auto queries = QueryFile::read(parser.value(QStringLiteral("queries")));
    if (!queries)
        return context.failWith(queries.error());
    const int requests = positive(parser, QStringLiteral("requests"), static_cast<int>(queries->size()), &ok);
    if (!ok)
        return context.usage(QStringLiteral("--requests takes a positive number"));
    const int warmup =
        parser.isSet(QStringLiteral("warmup")) ? parser.value(QStringLiteral("warmup")).toInt() : 10;

    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    const bool useCache = !parser.isSet(QStringLiteral("no-cache"));
    // For generated answers: the time DocRag takes before the model request is on the wire, and to
    // the first token.
    std::mutex modelMutex;
    std::vector<double> requestSent;
    std::vector<double> firstToken;
    const auto request = [&](const QString& query) -> Status {
        if (benchMode == QLatin1String("search")) {
            auto hits = engine->search(query, options);
            return hits ? Status() : Status(hits.error());
        }
        AskRequest ask;
        ask.question = query;
        ask.search = options;
        ask.useCache = useCache;
        ask.remember = false;
        auto answer = engine->ask(ask).result();
        if (!answer)
            return answer.error();
        std::lock_guard lock(modelMutex);
        if (answer->requestSentMs >= 0)
            requestSent.push_back(static_cast<double>(answer->requestSentMs));
        if (answer->firstTokenMs >= 0 && !answer->fromCache && !answer->extractive)
            firstToken.push_back(static_cast<double>(answer->firstTokenMs));
        return Status();
    };
    for (int i = 0; i < warmup; ++i)
        (void)request(queries->at(i % queries->size()));
    requestSent.clear();
    firstToken.clear();

    std::atomic_int next = 0;
    std::atomic_int failed = 0;
    std::mutex samplesMutex;
    std::vector<double> samples;
    QString firstError;
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> workers;
    for (int t = 0; t < concurrency; ++t) {
        workers.emplace_back([&] {
            std::vector<double> mine;
            for (int i = next++; i < requests; i = next++) {
                QElapsedTimer timer;
                timer.start();
                const Status done = request(queries->at(i % queries->size()));
                const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
                if (!done) {
                    ++failed;
                    std::lock_guard lock(samplesMutex);
                    if (firstError.isEmpty())
                        firstError = done.error().message;
                    continue;
                }
                mine.push_back(ms);
            }
            std::lock_guard lock(samplesMutex);
            samples.insert(samples.end(), mine.begin(), mine.end());
        });
    }
    for (std::thread& w : workers)
        w.join();
    const double seconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
    const LatencySummary latency = Percentiles::summarize(samples);
    const double rps = static_cast<double>(requests) / std::max(seconds, 1e-9);
    const double errorRate = static_cast<double>(failed) / requests;

    const LatencySummary sent = Percentiles::summarize(requestSent);
    const LatencySummary first = Percentiles::summarize(firstToken);
    if (context.json()) {
        QJsonObject json{
            {QStringLiteral("mode"), benchMode},
            {QStringLiteral("concurrency"), concurrency},
            {QStringLiteral("total"), requests},
            {QStringLiteral("ok"), requests - failed.load()},
            {QStringLiteral("failed"), failed.load()},
            {QStringLiteral("error_rate"), errorRate},
            {QStringLiteral("requests_per_second"), rps},
            {QStringLiteral("wall_seconds"), seconds},
            {QStringLiteral("latency"), CliJson::latency(latency)},
        };
        if (!requestSent.empty()) {
            json.insert(QStringLiteral("request_sent"), CliJson::latency(sent));
            json.insert(QStringLiteral("first_token"), CliJson::latency(first));
        }
        context.printJson(QJsonDocument(json));
    } else {
        QTextStream& out = context.out();
        auto ms = [](double v) { return QString::number(v, 'f', 3) + QStringLiteral(" ms"); };
        out << "bench " << benchMode << ": " << requests << " requests, concurrency " << concurrency << '\n'
            << "  ok " << (requests - failed) << ", failed " << failed << ", error rate "
            << QString::number(errorRate * 100, 'f', 2) << "%\n"
            << "  latency avg " << ms(latency.avg) << ", p50 " << ms(latency.p50) << ", p95 "
            << ms(latency.p95) << ", p99 " << ms(latency.p99) << ", max " << ms(latency.max) << '\n'
            << "  " << QString::number(rps, 'f', 1) << " requests/s over " << QString::number(seconds, 'f', 2)
            << " s\n";
        if (!requestSent.empty()) {
            out << "  model request sent after p50 " << ms(sent.p50) << ", p95 " << ms(sent.p95) << ", max "
                << ms(sent.max) << " (time DocRag adds)\n"
                << "  first token after p50 " << ms(first.p50) << ", p95 " << ms(first.p95) << '\n';
        }
        if (!firstError.isEmpty())
            out << "  first error: " << firstError << '\n';
    }
    return failed > 0 ? kExitFailure : kExitOk;
}

} // namespace docrag
