// docrag-bench-live: how long a saved edit takes to reach the top of a search in a collection kept in
// sync. scripts/bench-live drives it (BENCHMARKS.md, "Live collections").
//
//   docrag-bench-live DATA_DIR COLLECTION FOLDER EDITS
//
// follows COLLECTION (whose files are in FOLDER, a copy the benchmark may change) with the application's
// LiveCollections, then EDITS times: writes a new sentence with a made-up word into one HTML page, and
// searches (the application's hybrid defaults) for that sentence until the page is the top hit. Prints the
// latencies, save to top hit, as JSON.
#include "engine/core/process_memory.h"
#include "engine/rag/live_collections.h"
#include "engine/rag/rag_engine.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace docrag;

namespace {

int fail(const QString& message) {
    std::fprintf(stderr, "docrag-bench-live: %s\n", qPrintable(message));
    return 1;
}

// Waits, the event loop running (the watcher's events and the syncs' results arrive through it).
bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(1);
    }
    return true;
}

const QStringList kSentences = {
    QStringLiteral("Setting %1 to true makes the parser skip every comment line."),
    QStringLiteral("The %1 flag limits how many sockets one worker may open at once."),
    QStringLiteral("Call %1 before forking so that the child inherits a clean lock table."),
    QStringLiteral("Our deployment guide says %1 must never exceed the disk quota of the tenant."),
    QStringLiteral("When %1 is unset, timestamps are printed in the local time zone of the server."),
    QStringLiteral("Use %1 to compress archived invoices with the slower but smaller algorithm."),
    QStringLiteral("The printer driver reads %1 to pick the paper tray for envelopes."),
    QStringLiteral("Migrating a legacy schema requires %1 to be enabled on the replica first."),
    QStringLiteral("Our style guide forbids %1 in public headers because it breaks the ABI."),
    QStringLiteral("The garden irrigation controller waters the roses when %1 reports dry soil."),
    QStringLiteral("Passing %1 to the renderer draws shadows beneath translucent toolbars."),
    QStringLiteral("Audit logs rotate nightly unless %1 holds the retention period in weeks."),
    QStringLiteral("The violin tuner app calibrates its microphone with %1 at startup."),
    QStringLiteral("Shipping containers are weighed twice when %1 flags a customs inspection."),
    QStringLiteral("A kitchen timer built on %1 rings three short beeps and one long one."),
    QStringLiteral("Telescope mounts track the moon smoothly once %1 compensates for backlash."),
    QStringLiteral("The bakery queue system prints tickets for %1 customers in braille too."),
    QStringLiteral("Glacier measurements are averaged hourly by %1 to smooth sensor noise."),
    QStringLiteral("Chess clocks add an increment per move when %1 selects the Fischer mode."),
    QStringLiteral("The museum audio guide switches to Portuguese when %1 detects the badge."),
};

// Pages of the reference that have a heading to write after, spread over the doc set.
QStringList pagesOf(const QString& folder, int count) {
    QStringList pages;
    QDirIterator it(folder, {QStringLiteral("*.html")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        pages << it.next();
    pages.sort();
    QStringList chosen;
    const qsizetype step = std::max<qsizetype>(1, pages.size() / (count * 2));
    for (qsizetype i = step; i < pages.size() && chosen.size() < count; i += step) {
        QFile file(pages[i]);
        if (QFileInfo(pages[i]).fileName().startsWith(QLatin1String("genindex")))
            continue; // an index of names, not a page anyone edits
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains("</h1>"))
            chosen << pages[i];
    }
    return chosen;
}

// The new sentence goes right after the page's title, inside its main text.
bool edit(const QString& page, const QString& sentence) {
    QFile file(page);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray html = file.readAll();
    file.close();
    const qsizetype at = html.indexOf("</h1>");
    if (at < 0)
        return false;
    html.insert(at + 5, "\n<p>" + sentence.toUtf8() + "</p>\n");
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(html) == html.size();
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto at = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

} // namespace

int main(int argc, char** argv) {
    ProcessMemory::configure();
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5)
        return fail(QStringLiteral("usage: docrag-bench-live DATA_DIR COLLECTION FOLDER EDITS"));
    const QString collection = args[2];
    const int edits = args[4].toInt();
    EngineOptions options;
    options.dataDir = args[1];
    auto opened = RagEngine::open(options);
    if (!opened)
        return fail(opened.error().message);
    RagEngine& engine = **opened;

    LiveCollections live(engine);
    int syncs = 0;
    bool watched = false;
    QString why;
    QObject::connect(&live, &LiveCollections::syncFinished,
                     [&](const LiveCollections::Outcome&) { ++syncs; });
    QObject::connect(&live, &LiveCollections::following, [&](const QString&, bool w, const QString& reason) {
        watched = w;
        why = reason;
    });
    live.follow({collection});
    if (!waitFor([&] { return syncs == 1; }, 120000))
        return fail(QStringLiteral("the first rescan did not end"));
    if (!watched)
        return fail(QStringLiteral("the collection is not watched: %1").arg(why));

    const QStringList pages = pagesOf(args[3], edits);
    if (pages.size() < edits)
        return fail(QStringLiteral("only %1 pages to edit in %2").arg(pages.size()).arg(args[3]));
    std::vector<double> latencies;
    QJsonArray each;
    SearchOptions search; // the application's defaults: hybrid, k 5
    for (int i = 0; i < edits; ++i) {
        // Each sentence its own: a search for one must not find the pages edited before it.
        const QString sentence = kSentences[i % kSentences.size()].arg(QStringLiteral("zqx%1kumquat").arg(i));
        QElapsedTimer timer;
        timer.start();
        if (!edit(pages[i], sentence))
            return fail(QStringLiteral("cannot edit %1").arg(pages[i]));
        const bool top = waitFor(
            [&] {
                auto hits = engine.search(sentence, search);
                return hits && !hits->empty() && hits->front().path == pages[i];
            },
            30000);
        if (!top)
            return fail(QStringLiteral("%1 never became the top hit").arg(pages[i]));
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        latencies.push_back(ms);
        each.append(QJsonObject{{QStringLiteral("page"), QDir(args[3]).relativeFilePath(pages[i])},
                                {QStringLiteral("ms"), ms}});
        // Let the sync of this edit settle, so that edits are timed one at a time.
        waitFor([&] { return !live.isSyncing(); }, 30000);
        QThread::msleep(500);
    }
    const QJsonObject json{{QStringLiteral("edits"), edits},
                           {QStringLiteral("median_ms"), percentile(latencies, 0.5)},
                           {QStringLiteral("p95_ms"), percentile(latencies, 0.95)},
                           {QStringLiteral("max_ms"), percentile(latencies, 1.0)},
                           {QStringLiteral("syncs"), syncs},
                           {QStringLiteral("each"), each}};
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
