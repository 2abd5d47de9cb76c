#include "engine/core/tsan.h"
#include "engine/index/vector_index_manager.h"
#include "engine/rag/rag_engine.h"
#include "tests/support/stack_dump.h"
#include "tests/support/synthetic_pages.h"
#include "tests/support/temp_tree.h"
#include "tests/support/watchdog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>

using namespace docrag;

namespace {

// Sanitizer builds run several times slower: they stretch the time limits by DOCRAG_TIME_SCALE.
int timeScale() {
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("DOCRAG_TIME_SCALE", &ok);
    return ok && fromEnv > 0 ? fromEnv : 1;
}

int stressSeconds() {
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("DOCRAG_STRESS_SECONDS", &ok);
    return ok && fromEnv > 0 ? std::max(4, fromEnv / 4) : 8;
}

} // namespace

// One engine, many things at once, as in the desktop app: ingests of several collections while
// questions and searches run, one index file removed and another damaged meanwhile, with pools of one
// and two threads. A watchdog fails the test with every thread's stack if anything stalls for 10 s.
class TestEngineStress final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;

    IngestRequest request(const QString& topic) const {
        IngestRequest r;
        r.collection = topic;
        r.paths = {m_tree.filePath(topic)};
        return r;
    }

private slots:
    void initTestCase() {
        test::StackDump::printOnCrash();
        for (const QString& topic : {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma"),
                                     QStringLiteral("delta")})
            test::SyntheticPages::write(m_tree, topic, topic, 150);
        test::SyntheticPages::write(m_tree, QStringLiteral("huge"), QStringLiteral("huge"), 3000);
    }

    void questionsDuringIngestsWithBrokenIndexes_data() {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("2 threads") << 2;
    }
    void questionsDuringIngestsWithBrokenIndexes() {
        QFETCH(int, threads);
        test::Watchdog watchdog(10000 * timeScale());
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data-%1").arg(threads));
        options.threads = threads;
        auto opened = RagEngine::open(options);
        QVERIFY(opened.ok());
        RagEngine& engine = **opened;
        QVERIFY(engine.ingest(request(QStringLiteral("alpha"))).ok());
        QVERIFY(engine.ingest(request(QStringLiteral("beta"))).ok());
        const QString indexes = options.dataDir + QStringLiteral("/indexes");

        std::atomic_bool stop = false;
        std::mutex failuresMutex;
        QStringList failures;
        const auto fail = [&](const QString& what) {
            std::lock_guard lock(failuresMutex);
            failures << what;
        };
        std::atomic<int> done = 0;
        std::vector<std::thread> readers;
        for (int r = 0; r < 3; ++r) {
            readers.emplace_back([&, r] {
                for (int round = 0; !stop.load(); ++round) {
                    const QString question =
                        QStringLiteral("Which flag changes the %1 module at stage %2?")
                            .arg(r == 0 ? QStringLiteral("alpha") : QStringLiteral("beta"))
                            .arg(round % 4);
                    if ((round + r) % 2 == 0) {
                        auto hits = engine.search(question, SearchOptions{});
                        if (!hits || hits->empty())
                            fail(QStringLiteral("search: ") +
                                 (hits ? QStringLiteral("no hits") : hits.error().message));
                    } else {
                        AskRequest ask;
                        ask.question = question;
                        ask.useCache = false;
                        auto answer = engine.ask(ask).result();
                        Tsan::acquire();
                        if (!answer)
                            fail(QStringLiteral("ask: ") + answer.error().message);
                    }
                    watchdog.kick(QStringLiteral("questions and searches"));
                    ++done;
                }
            });
        }
        // Two ingests at once, on the engine's long pool, as the desktop app runs them.
        auto gamma =
            engine.runLong([&engine, r = request(QStringLiteral("gamma"))] { return engine.ingest(r); });
        auto delta =
            engine.runLong([&engine, r = request(QStringLiteral("delta"))] { return engine.ingest(r); });
        QElapsedTimer clock;
        clock.start();
        bool broken = false;
        while (clock.elapsed() < stressSeconds() * 1000) {
            if (!broken && clock.elapsed() > 1000) {
                // As after a crash: one index file gone, another damaged.
                QVERIFY(QFile::remove(indexes + QStringLiteral("/collection-1.hnsw")));
                QFile damaged(indexes + QStringLiteral("/collection-2.hnsw"));
                QVERIFY(damaged.open(QIODevice::ReadWrite));
                damaged.seek(damaged.size() / 2);
                damaged.write("damaged in the middle");
                damaged.close();
                broken = true;
            }
            QThread::msleep(50);
            if (gamma.isFinished() && delta.isFinished())
                watchdog.kick(QStringLiteral("questions after the ingests"));
        }
        stop = true;
        for (std::thread& t : readers)
            t.join();
        const auto g = gamma.result();
        const auto d = delta.result();
        Tsan::acquire();
        QVERIFY2(g.ok(), qPrintable(g.ok() ? QString() : g.error().message));
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 10).join(QLatin1Char('\n'))));
        QVERIFY(done.load() > 10);
        QVERIFY(engine.indexes().waitForRebuilds(20000));
        // Everything ends as it should: four complete collections, indexes rebuilt and current.
        auto all = engine.collections();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), size_t(4));
        for (const CollectionInfo& c : *all) {
            QCOMPARE(c.stats.indexed, qint64(150));
            QCOMPARE(c.ingest, CollectionInfo::Ingest::Complete);
        }
        SearchOptions alphaOnly;
        alphaOnly.collections = {QStringLiteral("alpha")};
        alphaOnly.mode = SearchMode::Dense;
        auto dense = engine.search(QStringLiteral("alpha module job 40"), alphaOnly);
        QVERIFY(dense.ok() && !dense->empty());
        // This engine still holds the index in memory; another one (another process) finds the file
        // missing, answers meanwhile, and rebuilds it in the background.
        auto second = RagEngine::open(options);
        QVERIFY(second.ok());
        auto fromSecond = (*second)->search(QStringLiteral("alpha module job 40"), alphaOnly);
        QVERIFY(fromSecond.ok() && !fromSecond->empty());
        QVERIFY((*second)->indexes().waitForRebuilds(20000));
        QVERIFY(QFile::exists(indexes + QStringLiteral("/collection-1.hnsw")));
    }

    // Quitting while an ingest runs, a question is answered and an index is rebuilt in the background
    // ends within 2 s, cancelling the work cleanly; the next start resumes.
    void quittingDuringWorkEndsWithinTwoSeconds() {
        test::Watchdog watchdog(10000 * timeScale());
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data-quit"));
        options.threads = 2;
        {
            auto opened = RagEngine::open(options);
            QVERIFY(opened.ok());
            QVERIFY((*opened)->ingest(request(QStringLiteral("alpha"))).ok());
        }
        QVERIFY(QFile::remove(options.dataDir + QStringLiteral("/indexes/collection-1.hnsw")));
        auto opened = RagEngine::open(options);
        QVERIFY(opened.ok());
        std::unique_ptr<RagEngine> engine = std::move(*opened);
        RagEngine* e = engine.get();
        auto ingest = engine->runLong([e, r = request(QStringLiteral("huge"))] { return e->ingest(r); });
        AskRequest ask;
        ask.question = QStringLiteral("Which flag changes the alpha module?");
        auto answer = engine->ask(ask);
        (void)engine->search(QStringLiteral("alpha flag"), SearchOptions{}); // starts the rebuild
        QThread::msleep(500);
        QVERIFY(!ingest.isFinished());
        QElapsedTimer clock;
        clock.start();
        engine.reset();
        const qint64 quitMs = clock.elapsed();
        QVERIFY2(quitMs < 2000 * timeScale(), qPrintable(QStringLiteral("quitting took %1 ms").arg(quitMs)));
        QVERIFY(ingest.isFinished());
        const auto report = ingest.result();
        Tsan::acquire();
        QVERIFY(report.ok());
        QVERIFY(report->cancelled);

        auto again = RagEngine::open(options);
        QVERIFY(again.ok());
        auto all = (*again)->collections();
        QVERIFY(all.ok());
        bool interrupted = false;
        for (const CollectionInfo& c : *all)
            interrupted |=
                c.collection.name == QLatin1String("huge") && c.ingest == CollectionInfo::Ingest::Interrupted;
        QVERIFY(interrupted);
    }
};

QTEST_GUILESS_MAIN(TestEngineStress)
#include "test_engine_stress.moc"
