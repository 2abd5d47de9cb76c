#include "engine/metrics/performance_monitor.h"
#include "engine/rag/statistics_keeper.h"
#include "engine/store/database.h"
#include "engine/store/stats_store.h"
#include "tests/support/manual_clock.h"
#include "tests/support/temp_tree.h"

#include <QSqlQuery>
#include <QTest>

#include <cmath>
#include <random>

using namespace docrag;
using Operation = PerformanceMonitor::Operation;

namespace {

const OperationStats& find(const std::vector<OperationStats>& all, const QString& name) {
    static const OperationStats none;
    for (const OperationStats& o : all) {
        if (o.name == name)
            return o;
    }
    return none;
}

qint64 rows(Database& db) {
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM stat_minutes")) && q.next() ? q.value(0).toLongLong()
                                                                                   : -1;
}

// One process's monitor and keeper on a database of its own.
struct Fixture final {
    test::TempTree dir;
    std::unique_ptr<Database> db = Database::open(dir.filePath(QStringLiteral("s.sqlite3"))).value();
    test::ManualClock clock;
    PerformanceMonitor monitor{clock};
    StatisticsKeeper keeper{*db, monitor, clock};
};

} // namespace

// Every process keeps its timings in the database, so the last hour and day show whatever process did
// the work; the table keeps a week, in bounded size.
class TestStatisticsKeeper final : public QObject {
    Q_OBJECT

private slots:
    // Two processes (two monitors) on one data folder: what both stored adds up, with what one has not
    // stored yet.
    void everyProcessCountsInTheHistory() {
        test::TempTree dir;
        auto db = Database::open(dir.filePath(QStringLiteral("s.sqlite3")));
        QVERIFY(db);
        test::ManualClock clock;
        PerformanceMonitor desktop(clock);
        PerformanceMonitor cli(clock);
        StatisticsKeeper desktopKeeper(**db, desktop, clock);
        StatisticsKeeper cliKeeper(**db, cli, clock);
        for (int i = 0; i < 30; ++i)
            desktop.record(Operation::Retrieval, 2000);
        QVERIFY(desktopKeeper.save().ok());
        clock.advanceMs(61'000);
        for (int i = 0; i < 10; ++i)
            cli.record(Operation::Retrieval, 40'000);
        QVERIFY(cliKeeper.save().ok());
        desktop.record(Operation::Retrieval, 2000); // not stored yet
        desktop.record(Operation::Answer, 900'000);

        const auto seen = desktopKeeper.history(60);
        QVERIFY(seen);
        const OperationStats& retrieval = find(*seen, QStringLiteral("retrieval"));
        QCOMPARE(retrieval.count, qint64(41));
        QCOMPARE(retrieval.perMinute.size(), size_t(2));
        QCOMPARE(retrieval.perMinute[0].count, qint64(30));
        QCOMPARE(retrieval.perMinute[1].count, qint64(11));
        QVERIFY(std::abs(retrieval.p95Ms - 40.0) < 40.0 * 0.05);
        QCOMPARE(find(*seen, QStringLiteral("answer")).count, qint64(1));
        // The other process sees what was stored.
        QCOMPARE(find(cliKeeper.history(60).value(), QStringLiteral("retrieval")).count, qint64(40));
        // A second save of the same minute merges into it.
        QVERIFY(desktopKeeper.save().ok());
        QCOMPARE(find(cliKeeper.history(60).value(), QStringLiteral("retrieval")).count, qint64(41));
        // Older than the window: not in the last hour, still in the last day.
        clock.advanceMs(2 * 3600'000);
        QCOMPARE(find(cliKeeper.history(60).value(), QStringLiteral("retrieval")).count, qint64(0));
        QCOMPARE(find(cliKeeper.history(24 * 60).value(), QStringLiteral("retrieval")).count, qint64(41));
    }

    // A save that fails (here the table is gone) loses nothing: the minutes stay for the next one.
    void aFailedSaveKeepsTheMinutes() {
        Fixture f;
        std::unique_ptr<Database>& db = f.db;
        PerformanceMonitor& monitor = f.monitor;
        StatisticsKeeper& keeper = f.keeper;
        monitor.record(Operation::FtsQuery, 1000);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE stat_minutes RENAME TO away")));
        QVERIFY(!keeper.save().ok());
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE away RENAME TO stat_minutes")));
        QVERIFY(keeper.save().ok());
        QCOMPARE(rows(*db), qint64(1));
        QVERIFY(monitor.unsaved().empty());
    }

    // A week of one request per second (a search: retrieval, full-text and vector query each), saved
    // every minute: the table stays under 5 MB and keeps no more than a week.
    void aWeekOfOneRequestASecondStaysSmall() {
        Fixture f;
        // Named references, not a structured binding: the lambdas below capture them (C++20 clang 14).
        std::unique_ptr<Database>& db = f.db;
        test::ManualClock& clock = f.clock;
        PerformanceMonitor& monitor = f.monitor;
        StatisticsKeeper& keeper = f.keeper;
        std::mt19937 rng(11);
        std::lognormal_distribution<double> fts(std::log(1500.0), 0.6);
        std::lognormal_distribution<double> dense(std::log(600.0), 0.4);
        const auto day = [&] {
            for (int minute = 0; minute < 24 * 60; ++minute) {
                for (int second = 0; second < 60; ++second) {
                    const auto f = static_cast<qint64>(fts(rng));
                    const auto d = static_cast<qint64>(dense(rng));
                    monitor.record(Operation::FtsQuery, f);
                    monitor.record(Operation::VectorQuery, d);
                    monitor.record(Operation::Retrieval, std::max(f, d) + 300);
                    clock.advanceMs(1000);
                }
                if (Status s = keeper.save(); !s)
                    return s;
            }
            return Status();
        };
        for (int d = 0; d < 7; ++d)
            QVERIFY(day().ok());
        const qint64 week = rows(*db);
        QVERIFY2(week >= 3 * StatisticsKeeper::kKeptMinutes - 3 && week <= 3 * StatisticsKeeper::kKeptMinutes,
                 qPrintable(QString::number(week)));
        auto bytes = keeper.storedBytes();
        QVERIFY(bytes);
        QVERIFY2(*bytes < 5 * 1024 * 1024, qPrintable(QString::number(*bytes)));
        QVERIFY(day().ok());
        QVERIFY(rows(*db) <= 3 * StatisticsKeeper::kKeptMinutes);
        QVERIFY(*keeper.storedBytes() < 5 * 1024 * 1024);
        qInfo("a week of one search a second: %lld rows, %lld bytes", static_cast<long long>(rows(*db)),
              static_cast<long long>(*keeper.storedBytes()));
        // The window ends with the minute the clock is in, which nothing recorded yet: the day's last 1,439.
        const auto lastDay = keeper.history(24 * 60);
        QVERIFY(lastDay);
        QCOMPARE(find(*lastDay, QStringLiteral("retrieval")).count, qint64(24 * 3600 - 60));
    }
};

QTEST_GUILESS_MAIN(TestStatisticsKeeper)
#include "test_statistics_keeper.moc"
