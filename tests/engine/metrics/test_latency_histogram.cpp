#include "engine/metrics/latency_histogram.h"
#include "engine/metrics/percentiles.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace docrag;

class TestLatencyHistogram final : public QObject {
    Q_OBJECT

private:
    // Within the histogram's resolution (an eighth of a doubling) of the exact value.
    static bool close(double approx, double exact) {
        return std::abs(approx - exact) <= exact * 0.045 + 1e-9;
    }

private slots:
    void emptyIsZero() {
        LatencyHistogram h;
        QCOMPARE(h.count(), qint64(0));
        QCOMPARE(h.percentile(95), 0.0);
        QCOMPARE(h.meanMicros(), 0.0);
    }

    void oneValueIsExact() {
        LatencyHistogram h;
        h.add(1234);
        for (double p : {1.0, 50.0, 99.0, 100.0})
            QCOMPARE(h.percentile(p), 1234.0);
        QCOMPARE(h.minMicros(), qint64(1234));
        QCOMPARE(h.maxMicros(), qint64(1234));
    }

    // 1, 2, ..., 100 ms: nearest rank gives exactly 50, 95 and 99 ms; the histogram is within 4.5 %.
    void percentilesOfAKnownSeries() {
        LatencyHistogram h;
        std::vector<double> exact;
        for (int ms = 1; ms <= 100; ++ms) {
            h.add(ms * 1000);
            exact.push_back(ms * 1000.0);
        }
        QCOMPARE(h.count(), qint64(100));
        QCOMPARE(h.meanMicros(), 50500.0);
        for (double p : {50.0, 95.0, 99.0}) {
            const double want = Percentiles::nearestRank(exact, p);
            QVERIFY2(close(h.percentile(p), want),
                     qPrintable(QStringLiteral("p%1: %2 against %3").arg(p).arg(h.percentile(p)).arg(want)));
        }
        QCOMPARE(h.percentile(100), 100000.0); // clamped to the largest sample
        QCOMPARE(h.percentile(0.5), 1000.0);   // and to the smallest
    }

    // A long tail: 990 fast calls and 10 slow ones. p99 is fast, p99.9 is slow.
    void aTailIsNotAveragedAway() {
        LatencyHistogram h;
        for (int i = 0; i < 990; ++i)
            h.add(2000);
        for (int i = 0; i < 10; ++i)
            h.add(900000);
        QVERIFY(close(h.percentile(99), 2000));
        QVERIFY(close(h.percentile(99.9), 900000));
    }

    void mergingIsAddingAllSamples() {
        LatencyHistogram a;
        LatencyHistogram b;
        LatencyHistogram all;
        for (int i = 1; i <= 300; ++i) {
            (i % 3 ? a : b).add(i * 37);
            all.add(i * 37);
        }
        a.merge(b);
        QCOMPARE(a.count(), all.count());
        QCOMPARE(a.minMicros(), all.minMicros());
        QCOMPARE(a.maxMicros(), all.maxMicros());
        QCOMPARE(a.meanMicros(), all.meanMicros());
        for (double p : {10.0, 50.0, 90.0, 99.0})
            QCOMPARE(a.percentile(p), all.percentile(p));
    }

    void binsCoverMicrosecondsToMinutes() {
        QCOMPARE(LatencyHistogram::binOf(0), 0);
        QCOMPARE(LatencyHistogram::binOf(1), 0);
        QVERIFY(LatencyHistogram::binOf(1000) < LatencyHistogram::binOf(1100));
        QCOMPARE(LatencyHistogram::binOf(qint64(1) << 40), LatencyHistogram::kBins - 1);
        for (int bin = 0; bin + 1 < LatencyHistogram::kBins; ++bin)
            QVERIFY(LatencyHistogram::upperBound(bin) / LatencyHistogram::lowerBound(bin) < 1.091);
    }

    // What the database keeps per operation and minute: the same histogram back, in a few dozen bytes.
    void storedFormRoundTrips() {
        LatencyHistogram empty;
        QCOMPARE(LatencyHistogram::fromBytes(empty.toBytes())->count(), qint64(0));
        LatencyHistogram h;
        std::mt19937 rng(3);
        std::lognormal_distribution<double> spread(std::log(2000.0), 0.5);
        for (int i = 0; i < 60; ++i)
            h.add(static_cast<qint64>(spread(rng)));
        h.add(0);
        h.add(900'000'000'000);
        const QByteArray bytes = h.toBytes();
        QVERIFY2(bytes.size() < 80, qPrintable(QString::number(bytes.size())));
        const auto back = LatencyHistogram::fromBytes(bytes);
        QVERIFY(back);
        QCOMPARE(back->count(), h.count());
        QCOMPARE(back->minMicros(), h.minMicros());
        QCOMPARE(back->maxMicros(), h.maxMicros());
        QCOMPARE(back->meanMicros(), h.meanMicros());
        for (double p : {10.0, 50.0, 95.0, 99.0})
            QCOMPARE(back->percentile(p), h.percentile(p));
        QCOMPARE(back->toBytes(), bytes);
    }

    void damagedStoredFormsAreRefused() {
        LatencyHistogram h;
        h.add(10);
        h.add(5000);
        const QByteArray bytes = h.toBytes();
        QVERIFY(!LatencyHistogram::fromBytes(QByteArray()));
        QVERIFY(!LatencyHistogram::fromBytes(QByteArray(1, '\x02') + bytes.mid(1))); // another format
        QVERIFY(!LatencyHistogram::fromBytes(bytes.chopped(1)));                     // cut short
        QVERIFY(!LatencyHistogram::fromBytes(bytes + QByteArray(1, '\x7f') + QByteArray(1, '\x01')));
        QVERIFY(!LatencyHistogram::fromBytes(bytes + QByteArray(10, '\xff'))); // a varint that never ends
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "test_latency_histogram.moc"
