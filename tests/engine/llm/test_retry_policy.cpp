#include "engine/llm/retry_policy.h"

#include <QTest>

using namespace docrag;

class TestRetryPolicy final : public QObject {
    Q_OBJECT

private slots:
    void backsOffExponentiallyWithJitterUpToTheCap() {
        const RetryPolicy policy(500, 8000);
        QCOMPARE(policy.delayMs(0, 0.0), 250); // half of the base, at the least
        QCOMPARE(policy.delayMs(0, 0.999), 499);
        QCOMPARE(policy.delayMs(1, 0.0), 500);
        QCOMPARE(policy.delayMs(3, 0.0), 2000);
        QCOMPARE(policy.delayMs(10, 0.0), 4000); // capped at 8000, jittered down to half at the least
        QVERIFY(policy.delayMs(10, 0.999) <= 8000);
        QVERIFY(policy.delayMs(2, 0.3) != policy.delayMs(2, 0.7)); // jitter spreads clients apart
    }

    void neverSoonerThanTheServerAsked() {
        const RetryPolicy policy(500, 8000);
        QCOMPARE(policy.delayMs(0, 0.0, 3000), 3000);
        QCOMPARE(policy.delayMs(4, 0.999, 10), policy.delayMs(4, 0.999)); // backoff wins when longer
    }

    void readsRetryAfterInEveryForm() {
        const QDateTime now = QDateTime(QDate(2026, 11, 28), QTime(10, 0, 0), Qt::UTC);
        QCOMPARE(RetryPolicy::serverDelayMs("2", {}, now), std::optional<int>(2000));
        QCOMPARE(RetryPolicy::serverDelayMs("0.5", {}, now), std::optional<int>(500));
        QCOMPARE(RetryPolicy::serverDelayMs({}, "1234", now), std::optional<int>(1234));
        QCOMPARE(RetryPolicy::serverDelayMs("9", "20", now), std::optional<int>(20)); // ms is more precise
        QCOMPARE(RetryPolicy::serverDelayMs("Sat, 28 Nov 2026 10:00:07 GMT", {}, now),
                 std::optional<int>(7000));
        QCOMPARE(RetryPolicy::serverDelayMs("Sat, 28 Nov 2026 09:00:00 GMT", {}, now), std::optional<int>(0));
        QCOMPARE(RetryPolicy::serverDelayMs("soon", {}, now), std::nullopt);
        QCOMPARE(RetryPolicy::serverDelayMs({}, {}, now), std::nullopt);
    }

    void retriesOnlyWhatCanSucceedLater() {
        for (int status : {408, 429, 500, 502, 503, 504})
            QVERIFY(RetryPolicy::isRetryableStatus(status));
        for (int status : {200, 400, 401, 403, 404, 422})
            QVERIFY(!RetryPolicy::isRetryableStatus(status));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "test_retry_policy.moc"
