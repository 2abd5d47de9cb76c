#include "engine/index/rank_fusion.h"

#include <QTest>

using namespace docrag;

class TestRankFusion final : public QObject {
    Q_OBJECT

private slots:
    void sumsWeightedReciprocalRanks() {
        RankFusion fusion(60.0);
        fusion.add(RankFusion::List::Lexical, {{1, 9.5}, {2, 7.0}, {3, 1.0}}, 1.0);
        fusion.add(RankFusion::List::Dense, {{3, 0.9}, {1, 0.8}}, 0.5);
        const auto ranked = fusion.ranked();
        QCOMPARE(ranked.size(), size_t(3));
        // 1: 1/61 + 0.5/62; 3: 1/63 + 0.5/61; 2: 1/62.
        QCOMPARE(ranked[0].chunkId, qint64(1));
        QVERIFY(qFuzzyCompare(ranked[0].score, 1.0 / 61 + 0.5 / 62));
        QCOMPARE(ranked[1].chunkId, qint64(3));
        QVERIFY(qFuzzyCompare(ranked[1].score, 1.0 / 63 + 0.5 / 61));
        QCOMPARE(ranked[2].chunkId, qint64(2));
        QVERIFY(qFuzzyCompare(ranked[2].score, 1.0 / 62));
        QCOMPARE(ranked[0].lexicalRank, 1);
        QCOMPARE(ranked[0].denseRank, 2);
        QCOMPARE(ranked[0].lexicalScore, 9.5);
        QCOMPARE(ranked[0].denseScore, 0.8);
        QCOMPARE(ranked[2].denseRank, 0);
    }

    void agreementBetweenListsWins() {
        // Agreement wins: second in both lists (1/3 + 1/3) beats first in only one (1/2).
        RankFusion fusion(1.0);
        fusion.add(RankFusion::List::Lexical, {{10, 1}, {20, 1}}, 1.0);
        fusion.add(RankFusion::List::Dense, {{30, 1}, {20, 1}}, 1.0);
        const auto ranked = fusion.ranked();
        // 20: 1/3 + 1/3 = 0.667; 10 and 30: 1/2 each, ties broken by id.
        QCOMPARE(ranked[0].chunkId, qint64(20));
        QCOMPARE(ranked[1].chunkId, qint64(10));
        QCOMPARE(ranked[2].chunkId, qint64(30));
    }

    void emptyListsFuseToNothing() {
        RankFusion fusion;
        fusion.add(RankFusion::List::Lexical, {}, 1.0);
        QVERIFY(fusion.ranked().empty());
    }
};

QTEST_GUILESS_MAIN(TestRankFusion)
#include "test_rank_fusion.moc"
