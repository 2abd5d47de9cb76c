#include "engine/rag/page_evaluator.h"
#include "engine/rag/plain_bm25.h"
#include "engine/rag/rag_engine.h"
#include "tests/support/ingested_engine.h"
#include "tests/support/temp_tree.h"

#include <QTest>

using namespace docrag;

// Page-level scores on a hand-made doc set whose answers are known, and the plain BM25 yardstick.
class TestPageEvaluator final : public QObject {
    Q_OBJECT

private slots:
    void scoresRanksAsHitsAndReciprocalRanks() {
        const PageScores s = PageEvaluator::score({1, 3, 0, 6});
        QCOMPARE(s.hitAt1, 0.25);
        QCOMPARE(s.hitAt5, 0.5);
        QCOMPARE(s.mrrAt10, (1.0 + 1.0 / 3 + 1.0 / 6) / 4);
        PageQuestion q;
        q.pages = {QStringLiteral("b.md")};
        QCOMPARE(PageEvaluator::firstAnswer({QStringLiteral("/d/a.md"), QStringLiteral("/d/b.md")}, q), 2);
        QCOMPARE(PageEvaluator::firstAnswer({QStringLiteral("/d/a.md")}, q), 0);
    }

    // Plain BM25 ranks a page by its best window, and a rarer word weighs more.
    void plainBm25RanksPagesByTheirBestWindow() {
        PlainBm25 bm25(60);
        bm25.add(QStringLiteral("kettle.md"), QStringLiteral("Boiling water in a kettle takes three minutes. "
                                                             "The kettle whistles when the water boils."));
        bm25.add(QStringLiteral("garden.md"), QStringLiteral("Water the garden in the evening. Tomatoes need "
                                                             "plenty of water, beans rather less."));
        QCOMPARE(bm25.pages(), 2);
        QVERIFY(bm25.windows() >= 4); // 60-character windows
        QCOMPARE(bm25.rank(QStringLiteral("how long does the kettle take to boil"), 5).value(0),
                 QStringLiteral("kettle.md"));
        QCOMPARE(bm25.rank(QStringLiteral("watering tomatoes"), 5).value(0), QStringLiteral("garden.md"));
        QVERIFY(bm25.rank(QStringLiteral("spaceship"), 5).isEmpty());
    }

    void evaluatesAnIngestedCollection() {
        test::TempTree tree;
        tree.write(QStringLiteral("docs/kettle.md"),
                   QStringLiteral("# Kettle\n\nBoiling water in a kettle takes three minutes.\n"));
        tree.write(QStringLiteral("docs/garden.md"),
                   QStringLiteral("# Garden\n\nWater the garden in the evening; tomatoes need plenty.\n"));
        EngineOptions options;
        options.dataDir = tree.filePath(QStringLiteral("data"));
        auto engine =
            test::ingestedEngine(options, QStringLiteral("home"), tree.filePath(QStringLiteral("docs")));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
        auto set = PageQuestionSet::parse(QStringLiteral("question\tpages\thalf\n"
                                                         "how long to boil water\tkettle.md\ttune\n"
                                                         "when should I water tomatoes\tgarden.md\ttest\n"));
        QVERIFY(set.ok());
        PageEvalOptions eval;
        eval.collection = QStringLiteral("home");
        auto report = PageEvaluator(**engine).run(set->questions(), eval);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QCOMPARE(report->questions, 2);
        QCOMPARE(report->documents, 2);
        QCOMPARE(report->ranked.hitAt1, 1.0);
        QCOMPARE(report->baseline.hitAt1, 1.0);
        QVERIFY(report->results[0].top.endsWith(QStringLiteral("kettle.md")));
        // The offline answers quote the answering pages first.
        QCOMPARE(report->extractive.firstQuote, 1.0);
        QVERIFY(report->results[1].extractiveFirst.endsWith(QStringLiteral("garden.md")));
        QVERIFY(report->extractive.quotes > 0.0);
        eval.collection = QStringLiteral("nowhere");
        QVERIFY(!PageEvaluator(**engine).run(set->questions(), eval).ok());
    }
};

QTEST_GUILESS_MAIN(TestPageEvaluator)
#include "test_page_evaluator.moc"
