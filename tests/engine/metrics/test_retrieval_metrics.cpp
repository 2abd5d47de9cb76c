#include "engine/metrics/retrieval_metrics.h"

#include <QTest>

#include <cmath>

using namespace docrag;

// Hand-computed examples, as trec_eval (ndcg_cut, recall, recip_rank) defines the measures.
class TestRetrievalMetrics final : public QObject {
    Q_OBJECT

private slots:
    void ndcgWithBinaryJudgements() {
        const Judgements rel = {{QStringLiteral("a"), 1}, {QStringLiteral("b"), 1}};
        // Relevant at ranks 1 and 3: DCG = 1 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3).
        const double expected = 1.5 / (1.0 + 1.0 / std::log2(3.0));
        QVERIFY(qFuzzyCompare(RetrievalMetrics::ndcgAtK({"a", "x", "b"}, rel, 10), expected));
        QCOMPARE(RetrievalMetrics::ndcgAtK({"a", "b"}, rel, 10), 1.0);
        QCOMPARE(RetrievalMetrics::ndcgAtK({"x", "y"}, rel, 10), 0.0);
        // The cut: b at rank 3 does not count at k = 2.
        QVERIFY(qFuzzyCompare(RetrievalMetrics::ndcgAtK({"a", "x", "b"}, rel, 2),
                              1.0 / (1.0 + 1.0 / std::log2(3.0))));
    }

    void ndcgWithGradedJudgements() {
        const Judgements rel = {{QStringLiteral("a"), 2}, {QStringLiteral("b"), 1}, {QStringLiteral("c"), 0}};
        // Ranking b, a: DCG = 1 + 2/log2(3); ideal a, b: 2 + 1/log2(3). Gain is linear in the grade.
        const double dcg = 1.0 + 2.0 / std::log2(3.0);
        const double idcg = 2.0 + 1.0 / std::log2(3.0);
        QVERIFY(qFuzzyCompare(RetrievalMetrics::ndcgAtK({"b", "a", "c"}, rel, 10), dcg / idcg));
    }

    void recallCountsRelevantOnly() {
        const Judgements rel = {{QStringLiteral("a"), 1},
                                {QStringLiteral("b"), 1},
                                {QStringLiteral("c"), 1},
                                {QStringLiteral("z"), 0}};
        QVERIFY(qFuzzyCompare(RetrievalMetrics::recallAtK({"a", "z", "x", "c"}, rel, 100), 2.0 / 3.0));
        QVERIFY(qFuzzyCompare(RetrievalMetrics::recallAtK({"a", "z", "x", "c"}, rel, 2), 1.0 / 3.0));
        QCOMPARE(RetrievalMetrics::recallAtK({"a"}, Judgements{}, 100), 0.0);
    }

    void reciprocalRankOfTheFirstRelevant() {
        const Judgements rel = {{QStringLiteral("b"), 1}, {QStringLiteral("d"), 1}};
        QCOMPARE(RetrievalMetrics::reciprocalRankAtK({"a", "b", "d"}, rel, 10), 0.5);
        QCOMPARE(RetrievalMetrics::reciprocalRankAtK({"b"}, rel, 10), 1.0);
        QCOMPARE(RetrievalMetrics::reciprocalRankAtK({"a", "c", "b"}, rel, 2), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestRetrievalMetrics)
#include "test_retrieval_metrics.moc"
