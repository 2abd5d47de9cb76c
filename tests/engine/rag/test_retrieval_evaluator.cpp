#include "engine/metrics/beir_dataset.h"
#include "engine/rag/rag_engine.h"
#include "engine/rag/retrieval_evaluator.h"
#include "tests/support/temp_tree.h"

#include <QTest>

using namespace docrag;

class TestRetrievalEvaluator final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;

    Result<BeirDataset> dataset() {
        m_tree.write(QStringLiteral("beir/corpus.jsonl"),
                     QStringLiteral("{\"_id\": \"10\", \"title\": \"Axolotl regeneration\", \"text\": "
                                    "\"Axolotls regrow limbs & <tails>.\"}\n"
                                    "{\"_id\": \"a/b\", \"title\": \"Tardigrade survival\", \"text\": "
                                    "\"Tardigrades survive vacuum.\"}\n"
                                    "{\"_id\": \"30\", \"title\": \"Octopus cognition\", \"text\": "
                                    "\"Octopuses solve puzzles.\"}\n"));
        m_tree.write(QStringLiteral("beir/queries.jsonl"),
                     QStringLiteral("{\"_id\": \"q1\", \"text\": \"axolotl limb regeneration\"}\n"
                                    "{\"_id\": \"q2\", \"text\": \"tardigrade vacuum\"}\n"
                                    "{\"_id\": \"q3\", \"text\": \"quantum chromodynamics\"}\n"));
        m_tree.write(QStringLiteral("beir/qrels.tsv"),
                     QStringLiteral("query-id\tcorpus-id\tscore\nq1\t10\t1\nq2\ta/b\t1\nq3\t30\t1\n"));
        return BeirDataset::load(m_tree.filePath(QStringLiteral("beir/corpus.jsonl")),
                                 m_tree.filePath(QStringLiteral("beir/queries.jsonl")),
                                 m_tree.filePath(QStringLiteral("beir/qrels.tsv")));
    }

private slots:
    void idsSurviveTheTripThroughFileNames() {
        for (const QString& id : {QStringLiteral("123"), QStringLiteral("a/b c"), QStringLiteral("x.y%z"),
                                  QStringLiteral("..")}) {
            const QString name = RetrievalEvaluator::fileNameFor(id);
            QVERIFY(!name.contains(QLatin1Char('/')));
            QCOMPARE(RetrievalEvaluator::documentIdFor(QStringLiteral("/some/dir/") + name), id);
        }
    }

    void scoresEveryJudgedQuery() {
        auto data = dataset();
        QVERIFY(data.ok());
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine = RagEngine::open(options);
        QVERIFY(engine.ok());
        EvalOptions eval;
        eval.collection = QStringLiteral("tiny");
        auto report = RetrievalEvaluator(**engine).run(*data, eval);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QCOMPARE(report->queries, 3);
        QCOMPARE(report->documents, 3);
        QCOMPARE(report->ingest.count(FileOutcome::Indexed), 3);
        // q1 and q2 find their document first; q3 shares no word with its document, which only the dense
        // search can bring up (below the others), so it adds less than a first place.
        QVERIFY(report->ndcgAt10 >= 2.0 / 3.0 && report->ndcgAt10 < 1.0);
        QVERIFY(report->mrrAt10 >= 2.0 / 3.0 && report->mrrAt10 < 1.0);
        QCOMPARE(report->latency.count, size_t(3));

        // A second evaluation reuses the collection: nothing is ingested again.
        auto again = RetrievalEvaluator(**engine).run(*data, eval);
        QVERIFY(again.ok());
        QCOMPARE(again->ingest.count(FileOutcome::Unchanged), 3);
        QCOMPARE(again->ndcgAt10, report->ndcgAt10);

        // Only bm25: the same first two queries.
        eval.search.mode = SearchMode::Lexical;
        auto bm25 = RetrievalEvaluator(**engine).run(*data, eval);
        QVERIFY(bm25.ok());
        QVERIFY(qFuzzyCompare(bm25->ndcgAt10, 2.0 / 3.0));
        QVERIFY(qFuzzyCompare(bm25->recallAt100, 2.0 / 3.0));
    }
};

QTEST_GUILESS_MAIN(TestRetrievalEvaluator)
#include "test_retrieval_evaluator.moc"
