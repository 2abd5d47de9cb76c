#include "engine/llm/rate_limiter.h"
#include "tests/support/manual_clock.h"

#include <QTest>

using namespace docrag;

class TestRateLimiter final : public QObject {
    Q_OBJECT

private slots:
    void spacesRequestsEvenly() {
        test::ManualClock clock;
        RateLimiter limiter(clock, 10.0); // one every 100 ms
        QCOMPARE(limiter.reserveMs(), qint64(0));
        QCOMPARE(limiter.reserveMs(), qint64(100));
        QCOMPARE(limiter.reserveMs(), qint64(200));
        clock.advanceMs(1000);
        QCOMPARE(limiter.reserveMs(), qint64(0)); // idle time is not saved up beyond the burst
        QCOMPARE(limiter.reserveMs(), qint64(100));
    }

    void allowsABurst() {
        test::ManualClock clock;
        RateLimiter limiter(clock, 10.0, 3);
        clock.advanceMs(5000);
        QCOMPARE(limiter.reserveMs(), qint64(0));
        QCOMPARE(limiter.reserveMs(), qint64(0));
        QCOMPARE(limiter.reserveMs(), qint64(0));
        QCOMPARE(limiter.reserveMs(), qint64(100));
    }

    void noLimitNoWait() {
        test::ManualClock clock;
        RateLimiter limiter(clock, 0.0);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(limiter.reserveMs(), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "test_rate_limiter.moc"
