// docrag-ui-memory: the desktop window's resident memory with a library open and in use. Opens the real
// MainWindow on DATA_DIR (its collections as they are), runs searches over every collection the way the
// window's views do (RagEngine::run on the engine's pool), then asks questions in the chat (offline:
// extractive answers), shows the dashboard and prints what it and the kernel say. Run by
// scripts/bench-memory; not a test (figures go to BENCHMARKS.md).
// Usage: docrag-ui-memory DATA_DIR QUERIES_FILE [SEARCHES [ANSWERS]]
#include "engine/core/process_memory.h"
#include "engine/core/query_file.h"
#include "engine/metrics/memory_probe.h"
#include "engine/rag/rag_engine.h"
#include "ui/chat/chat_pane.h"
#include "ui/dashboard/dashboard_view.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

using namespace docrag;

namespace {

// What holds the resident memory, by mapping (a file, or "anonymous" for the heaps), largest first: to
// stderr, so that the figure on stdout stays one JSON line.
void printMappings(const char* when) {
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return;
    std::map<QString, std::pair<qint64, int>> byName; // kB resident, mappings
    QString current;
    for (const QByteArray& line : smaps.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (!fields[0].endsWith(':') &&
            fields[0].contains('-')) { // "start-end perms offset dev inode [path]"
            current = fields.size() >= 6 ? QString::fromUtf8(fields[5]) : QStringLiteral("anonymous");
            ++byName[current].second;
        } else if (line.startsWith("Rss:")) {
            byName[current].first += line.mid(4).trimmed().split(' ').value(0).toLongLong();
        }
    }
    std::vector<std::pair<qint64, QString>> sorted;
    for (const auto& [name, value] : byName)
        sorted.emplace_back(value.first, QStringLiteral("%1 (%2 mappings)").arg(name).arg(value.second));
    std::sort(sorted.rbegin(), sorted.rend());
    std::fprintf(stderr, "resident %s:\n", when);
    for (size_t i = 0; i < sorted.size() && i < 8; ++i)
        std::fprintf(stderr, "  %8.1f MB  %s\n", static_cast<double>(sorted[i].first) / 1024.0,
                     qPrintable(sorted[i].second));
}

double megabytes(qint64 bytes) {
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

} // namespace

int main(int argc, char** argv) {
    ProcessMemory::configure();
    QApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: docrag-ui-memory DATA_DIR QUERIES_FILE [SEARCHES [ANSWERS]]\n");
        return 2;
    }
    const auto read = QueryFile::read(QString::fromLocal8Bit(argv[2]));
    const int searches = argc > 3 ? std::atoi(argv[3]) : 100;
    const int answers = argc > 4 ? std::atoi(argv[4]) : 10;
    if (!read) {
        std::fprintf(stderr, "%s\n", qPrintable(read.error().message));
        return 2;
    }
    const QStringList& queries = *read;
    EngineOptions options;
    options.dataDir = QString::fromLocal8Bit(argv[1]);
    auto engine = RagEngine::open(options);
    if (!engine) {
        std::fprintf(stderr, "%s\n", qPrintable(engine.error().message));
        return 1;
    }
    RagEngine& rag = **engine;
    MainWindow window(rag);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QTest::qWait(500);
    const qint64 shown = MemoryProbe::residentBytes();

    int failed = 0;
    for (int i = 0; i < searches; ++i) {
        const QString query = queries.at(i % queries.size());
        auto future = rag.run([&rag, query] { return rag.search(query, SearchOptions{}).ok(); });
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, 60000))
            return 1;
        failed += future.result() ? 0 : 1;
    }
    const qint64 searched = MemoryProbe::residentBytes();
    printMappings("after the searches");
    for (int i = 0; i < answers; ++i) {
        window.chatPane()->ask(queries.at((i * 7 + 3) % queries.size()));
        if (!QTest::qWaitFor([&] { return !window.chatPane()->isAnswering(); }, 60000))
            return 1;
    }
    const qint64 answered = MemoryProbe::residentBytes();
    printMappings("after the answers");

    DashboardView* dashboard = window.dashboard();
    QSignalSpy refreshed(dashboard, &DashboardView::refreshed);
    dashboard->refresh();
    if (!QTest::qWaitFor([&] { return refreshed.count() > 0; }, 10000))
        return 1;
    auto collections = rag.collections();
    std::printf(
        "{\"collections\": %d, \"searches\": %d, \"failed_searches\": %d, \"answers\": %d, "
        "\"resident_mb_shown\": %.1f, \"resident_mb_after_searches\": %.1f, "
        "\"resident_mb_after_answers\": %.1f, \"dashboard_resident_mb\": %.1f, \"peak_resident_mb\": %.1f}\n",
        collections ? static_cast<int>(collections->size()) : -1, searches, failed, answers, megabytes(shown),
        megabytes(searched), megabytes(answered), megabytes(dashboard->lastSnapshot().residentBytes),
        megabytes(MemoryProbe::peakResidentBytes()));
    return failed == 0 ? 0 : 1;
}
