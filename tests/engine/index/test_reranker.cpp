#include "engine/index/reranker.h"

#include <QTest>

using namespace docrag;

class TestReranker final : public QObject {
    Q_OBJECT

private:
    static std::vector<RerankCandidate> candidates(const QStringList& texts) {
        std::vector<RerankCandidate> out;
        for (const QString& text : texts)
            out.push_back(RerankCandidate{text, 1.0, 0.0});
        return out;
    }

    // One score per candidate: the sum of its parts.
    static std::vector<double> scoresOf(const RerankWeights& weights, const QString& query,
                                        const std::vector<RerankCandidate>& candidates) {
        std::vector<double> out;
        for (const RerankParts& p : Reranker(weights).parts(query, candidates))
            out.push_back(p.total());
        return out;
    }

private slots:
    void wordFormsThatStemmingMissesStillCount() {
        // Equal BM25: only the character n-grams tell "metastases" and "metastatic" apart from noise.
        RerankWeights w;
        w.phrase = 0.0;
        const auto scores = scoresOf(w, QStringLiteral("metastases of skin tumours"),
                                     candidates({QStringLiteral("Unrelated prose about gardening and soil."),
                                                 QStringLiteral("Metastatic dissemination of skin tumors."),
                                                 QStringLiteral("Another filler sentence on weather.")}));
        QCOMPARE(scores.size(), size_t(3));
        QVERIFY(scores[1] > scores[0]);
        QVERIFY(scores[1] > scores[2]);
    }

    void gramsSharedByEveryCandidateCarryNoWeight() {
        RerankWeights w;
        w.lexical = 0.0;
        w.phrase = 0.0;
        // "protein" is in every candidate: its grams have the lowest idf in the pool, so the candidate
        // with the rarer query word wins.
        const auto scores = scoresOf(
            w, QStringLiteral("protein kinase"),
            candidates({QStringLiteral("protein folding protein"),
                        QStringLiteral("protein kinase signalling"), QStringLiteral("protein structure")}));
        QVERIFY(scores[1] > scores[0]);
        QVERIFY(scores[1] > scores[2]);
        QCOMPARE(*std::max_element(scores.begin(), scores.end()), w.trigrams + w.fourgrams);
    }

    void phrasesRewardWordsKeptTogether() {
        RerankWeights w;
        w.lexical = 0.0;
        w.trigrams = 0.0;
        w.fourgrams = 0.0;
        w.phrase = 1.0;
        const auto scores = scoresOf(w, QStringLiteral("virtual environment"),
                                     candidates({QStringLiteral("an environment that is virtual"),
                                                 QStringLiteral("create a virtual environment"),
                                                 QStringLiteral("virtual environments in Python")}));
        QCOMPARE(scores[0], 0.0);
        QCOMPARE(scores[1], 1.0);
        QCOMPARE(scores[2], 1.0); // "environments" shares its first five letters
    }

    void lexicalAndDenseAreRelativeToTheBest() {
        RerankWeights w;
        w.trigrams = w.fourgrams = w.phrase = 0.0;
        w.lexical = 1.0;
        w.dense = 0.5;
        std::vector<RerankCandidate> c = {{QStringLiteral("a"), 10.0, 0.2}, {QStringLiteral("b"), 5.0, 0.4}};
        const auto scores = scoresOf(w, QStringLiteral("query"), c);
        QCOMPARE(scores[0], 1.0 + 0.25);
        QCOMPARE(scores[1], 0.5 + 0.5);
        QVERIFY(scoresOf(RerankWeights(), QStringLiteral("x"), {}).empty());
    }
};

QTEST_GUILESS_MAIN(TestReranker)
#include "test_reranker.moc"
