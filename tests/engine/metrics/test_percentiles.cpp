#include "engine/metrics/percentiles.h"

#include <QTest>

using namespace docrag;

class TestPercentiles final : public QObject {
    Q_OBJECT

private slots:
    void nearestRankOnHandComputedSamples() {
        // 1..20: p50 is the 10th value, p95 the 19th, p99 the 20th.
        std::vector<double> samples;
        for (int i = 20; i >= 1; --i)
            samples.push_back(i);
        QCOMPARE(Percentiles::nearestRank(samples, 50), 10.0);
        QCOMPARE(Percentiles::nearestRank(samples, 95), 19.0);
        QCOMPARE(Percentiles::nearestRank(samples, 99), 20.0);
        QCOMPARE(Percentiles::nearestRank(samples, 0), 1.0);
        QCOMPARE(Percentiles::nearestRank({7.5}, 99), 7.5);
        QCOMPARE(Percentiles::nearestRank({}, 50), 0.0);
    }

    void summaryOfSamples() {
        const LatencySummary s = Percentiles::summarize({4, 1, 3, 2});
        QCOMPARE(s.count, size_t(4));
        QCOMPARE(s.avg, 2.5);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 4.0);
        QCOMPARE(s.p50, 2.0);
        QCOMPARE(s.p95, 4.0);
    }
};

QTEST_GUILESS_MAIN(TestPercentiles)
#include "test_percentiles.moc"
