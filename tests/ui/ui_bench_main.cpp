// docrag-ui-bench: how long the desktop window's event loop ever waits while the engine works. Ingests a
// documentation folder through the window's background ingest, then streams an answer from a fake
// OpenAI-compatible server, and reports the longest gap between two ticks of a 5 ms timer in each phase.
// Run by scripts/bench-ui; not a test (figures go to BENCHMARKS.md).
// Usage: docrag-ui-bench DOCS_DIR
#include "engine/metrics/memory_probe.h"
#include "engine/rag/rag_engine.h"
#include "tests/support/fake_openai_server.h"
#include "ui/chat/chat_pane.h"
#include "ui/ingest/ingest_task.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace docrag;

namespace {

// The longest wait between two ticks, less the tick's own interval: what a user would feel as a stall.
class GapProbe final {
public:
    GapProbe() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kTickMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0) {
                m_longest = std::max(m_longest, now - m_last);
                ++m_ticks;
            }
            m_last = now;
        });
    }
    void start() {
        m_longest = 0;
        m_ticks = 0;
        m_last = 0;
        m_clock.start();
        m_timer.start();
    }
    double stop() {
        m_timer.stop();
        return std::max<double>(0.0, static_cast<double>(m_longest) / 1e6 - kTickMs);
    }
    int ticks() const { return m_ticks; }

private:
    static constexpr int kTickMs = 5;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    int m_ticks = 0;
};

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: docrag-ui-bench DOCS_DIR\n");
        return 2;
    }
    QTemporaryDir data;
    test::FakeOpenAiServer server;
    server.setChatReply(QStringLiteral("word ").repeated(400) + QStringLiteral("[1]"));
    server.setStreamTokenDelay(2);
    EngineOptions options;
    options.dataDir = data.path();
    OpenAiConfig openai;
    openai.baseUrl = QUrl(server.baseUrl());
    options.openai = openai;
    auto engine = RagEngine::open(options);
    if (!engine) {
        std::fprintf(stderr, "%s\n", qPrintable(engine.error().message));
        return 1;
    }
    MainWindow window(**engine);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QTest::qWait(500);

    GapProbe probe;
    QElapsedTimer phase;
    IngestRequest request;
    request.collection = QStringLiteral("docs");
    request.paths = {QString::fromLocal8Bit(argv[1])};
    probe.start();
    phase.start();
    window.ingestTask().start(request);
    if (!QTest::qWaitFor([&] { return !window.ingestTask().isRunning(); }, 600000))
        return 1;
    const double ingestMs = static_cast<double>(phase.elapsed());
    const double ingestGap = probe.stop();
    const int ingestTicks = probe.ticks();

    QTest::qWait(300);
    probe.start();
    phase.start();
    window.chatPane()->ask(QStringLiteral("How do I create a virtual environment?"));
    if (!QTest::qWaitFor([&] { return !window.chatPane()->isAnswering(); }, 60000))
        return 1;
    const double answerMs = static_cast<double>(phase.elapsed());
    const double answerGap = probe.stop();
    std::printf("{\"ingest_ms\": %.0f, \"ingest_longest_gap_ms\": %.1f, \"ingest_ticks\": %d, "
                "\"answer_ms\": %.0f, \"answer_longest_gap_ms\": %.1f, \"answer_ticks\": %d, "
                "\"resident_mb\": %.0f}\n",
                ingestMs, ingestGap, ingestTicks, answerMs, answerGap, probe.ticks(),
                static_cast<double>(MemoryProbe::residentBytes()) / 1e6);
    return 0;
}
