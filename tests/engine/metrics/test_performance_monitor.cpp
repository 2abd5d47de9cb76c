#include "engine/metrics/performance_monitor.h"
#include "tests/support/manual_clock.h"

#include <QJsonArray>
#include <QTest>

#include <thread>
#include <vector>

using namespace docrag;
using Operation = PerformanceMonitor::Operation;

class TestPerformanceMonitor final : public QObject {
    Q_OBJECT

private slots:
    void everyOperationIsListedEvenUncalled() {
        test::ManualClock clock;
        PerformanceMonitor monitor(clock);
        const PerformanceSnapshot snap = monitor.snapshot();
        QCOMPARE(snap.operations.size(), size_t(PerformanceMonitor::kOperations));
        QVERIFY(snap.operation(QStringLiteral("retrieval")));
        QCOMPARE(snap.operation(QStringLiteral("retrieval"))->count, qint64(0));
        QVERIFY(snap.toJson().value(QLatin1String("operations")).toArray().size() ==
                PerformanceMonitor::kOperations);
    }

    void countsAndPercentilesPerOperation() {
        test::ManualClock clock;
        PerformanceMonitor monitor(clock);
        for (int ms = 1; ms <= 100; ++ms)
            monitor.record(Operation::Retrieval, ms * 1000);
        monitor.record(Operation::Answer, 1500 * 1000);
        const PerformanceSnapshot snap = monitor.snapshot();
        const OperationStats* r = snap.operation(QStringLiteral("retrieval"));
        QCOMPARE(r->count, qint64(100));
        QCOMPARE(r->avgMs, 50.5);
        QCOMPARE(r->minMs, 1.0);
        QCOMPARE(r->maxMs, 100.0);
        QVERIFY(std::abs(r->p50Ms - 50.0) < 50.0 * 0.045);
        QVERIFY(std::abs(r->p95Ms - 95.0) < 95.0 * 0.045);
        QCOMPARE(snap.operation(QStringLiteral("answer"))->count, qint64(1));
        QCOMPARE(snap.operation(QStringLiteral("answer"))->p99Ms, 1500.0);
    }

    // The window is the last hour, kept per minute: older minutes drop out, memory does not grow.
    void theWindowIsTheLastHour() {
        test::ManualClock clock;
        PerformanceMonitor monitor(clock);
        monitor.record(Operation::FtsQuery, 10'000);
        clock.advanceMs(30 * 60'000);
        monitor.record(Operation::FtsQuery, 20'000);
        monitor.record(Operation::FtsQuery, 30'000);
        PerformanceSnapshot snap = monitor.snapshot();
        const OperationStats* fts = snap.operation(QStringLiteral("fts_query"));
        QCOMPARE(fts->count, qint64(3));
        QCOMPARE(fts->perMinute.size(), size_t(2));
        QCOMPARE(fts->perMinute[0].count, qint64(1));
        QCOMPARE(fts->perMinute[1].count, qint64(2));
        QVERIFY(fts->perMinute[0].minuteStartMs < fts->perMinute[1].minuteStartMs);
        QCOMPARE(fts->perMinute[1].avgMs, 25.0);

        clock.advanceMs(31 * 60'000); // the first call is now more than an hour old
        snap = monitor.snapshot();
        fts = snap.operation(QStringLiteral("fts_query"));
        QCOMPARE(fts->count, qint64(2));
        QCOMPARE(fts->minMs, 20.0);

        // The slot the first minute used is reused sixty minutes later, starting empty.
        clock.advanceMs(29 * 60'000);
        monitor.record(Operation::FtsQuery, 40'000);
        snap = monitor.snapshot();
        fts = snap.operation(QStringLiteral("fts_query"));
        QCOMPARE(fts->count, qint64(1));
        QCOMPARE(fts->maxMs, 40.0);
    }

    void slowOperationsAreKeptNewestFirstAndCapped() {
        test::ManualClock clock;
        PerformanceMonitor monitor(clock);
        monitor.setSlowThreshold(Operation::Retrieval, 100'000);
        monitor.record(Operation::Retrieval, 99'000, QStringLiteral("fast enough"));
        monitor.record(Operation::Retrieval, 250'000, QStringLiteral("how do I read a file"));
        clock.advanceMs(1000);
        monitor.record(Operation::Retrieval, 300'000, QStringLiteral("second"));
        PerformanceSnapshot snap = monitor.snapshot();
        QCOMPARE(snap.slowOperations.size(), size_t(2));
        QCOMPARE(snap.slowOperations[0].context, QStringLiteral("second"));
        QCOMPARE(snap.slowOperations[1].durationMs, 250.0);
        QCOMPARE(snap.slowOperations[1].thresholdMs, 100.0);
        for (int i = 0; i < 150; ++i)
            monitor.record(Operation::Retrieval, 500'000);
        QCOMPARE(monitor.snapshot().slowOperations.size(), PerformanceMonitor::kSlowKept);
    }

    void scopedTimersUseTheClock() {
        test::ManualClock clock;
        PerformanceMonitor monitor(clock);
        {
            auto timer = monitor.time(Operation::VectorQuery);
            clock.advanceMs(7);
        }
        QCOMPARE(monitor.snapshot().operation(QStringLiteral("vector_query"))->maxMs, 7.0);
        // No monitor, no effect: the engine's parts time themselves only when given one.
        { PerformanceMonitor::ScopedTimer none(nullptr, Operation::VectorQuery); }
    }

    void manyThreadsRecordAtOnce() {
        test::ManualClock clock;
        PerformanceMonitor monitor(clock);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&monitor] {
                for (int i = 0; i < 5000; ++i)
                    monitor.record(Operation::DatabaseTransaction, 100 + i % 50);
            });
        }
        for (std::thread& t : threads)
            t.join();
        QCOMPARE(monitor.snapshot().operation(QStringLiteral("db_transaction"))->count, qint64(20000));
    }
};

QTEST_GUILESS_MAIN(TestPerformanceMonitor)
#include "test_performance_monitor.moc"
