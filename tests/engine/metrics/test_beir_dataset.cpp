#include "engine/metrics/beir_dataset.h"
#include "tests/support/temp_tree.h"

#include <QTest>

using namespace docrag;

class TestBeirDataset final : public QObject {
    Q_OBJECT

private slots:
    void loadsCorpusQueriesAndJudgements() {
        test::TempTree t;
        t.write(QStringLiteral("corpus.jsonl"),
                QStringLiteral(
                    "{\"_id\": \"d1\", \"title\": \"Alpha\", \"text\": \"First.\", \"metadata\": {}}\n\n"
                    "{\"_id\": \"d/2\", \"title\": \"\", \"text\": \"Second.\"}\n"));
        t.write(QStringLiteral("queries.jsonl"),
                QStringLiteral("{\"_id\": \"q1\", \"text\": \"first?\"}\n"
                               "{\"_id\": \"q2\", \"text\": \"unjudged\"}\n"
                               "{\"_id\": \"q3\", \"text\": \"second?\"}\n"));
        t.write(QStringLiteral("qrels.tsv"),
                QStringLiteral("query-id\tcorpus-id\tscore\nq1\td1\t1\nq3\td/2\t2\nq3\td1\t0\n"));
        auto data = BeirDataset::load(t.filePath(QStringLiteral("corpus.jsonl")),
                                      t.filePath(QStringLiteral("queries.jsonl")),
                                      t.filePath(QStringLiteral("qrels.tsv")));
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
        QCOMPARE(data->corpus().size(), size_t(2));
        QCOMPARE(data->corpus()[1].id, QStringLiteral("d/2"));
        QCOMPARE(data->corpus()[0].title, QStringLiteral("Alpha"));
        QCOMPARE(data->queries().size(), size_t(2)); // q2 has no judgements
        QCOMPARE(data->queries()[1].text, QStringLiteral("second?"));
        QCOMPARE(data->judgements(QStringLiteral("q3")).value(QStringLiteral("d/2")), 2);
        QCOMPARE(data->judgements(QStringLiteral("q3")).value(QStringLiteral("d1")), 0);
        QVERIFY(data->judgements(QStringLiteral("nope")).isEmpty());
    }

    void badFilesNameTheLine() {
        test::TempTree t;
        t.write(QStringLiteral("corpus.jsonl"),
                QStringLiteral("{\"_id\": \"d1\", \"text\": \"ok\"}\nnot json\n"));
        t.write(QStringLiteral("queries.jsonl"), QStringLiteral("{\"_id\": \"q1\", \"text\": \"x\"}\n"));
        t.write(QStringLiteral("qrels.tsv"), QStringLiteral("query-id\tcorpus-id\tscore\nq1\td1\t1\n"));
        auto data = BeirDataset::load(t.filePath(QStringLiteral("corpus.jsonl")),
                                      t.filePath(QStringLiteral("queries.jsonl")),
                                      t.filePath(QStringLiteral("qrels.tsv")));
        QVERIFY(!data.ok());
        QVERIFY2(data.error().message.contains(QLatin1String("corpus.jsonl:2")),
                 qPrintable(data.error().message));

        t.write(QStringLiteral("qrels.tsv"), QStringLiteral("query-id\tcorpus-id\tscore\nq1\td1\n"));
        t.write(QStringLiteral("corpus.jsonl"), QStringLiteral("{\"_id\": \"d1\", \"text\": \"ok\"}\n"));
        data = BeirDataset::load(t.filePath(QStringLiteral("corpus.jsonl")),
                                 t.filePath(QStringLiteral("queries.jsonl")),
                                 t.filePath(QStringLiteral("qrels.tsv")));
        QVERIFY(!data.ok());
        QVERIFY(data.error().message.contains(QLatin1String("qrels.tsv:2")));
        t.write(QStringLiteral("qrels.tsv"), QStringLiteral("query-id\tcorpus-id\tscore\nq1\td1\t1\n"));
        QCOMPARE(BeirDataset::load(t.filePath(QStringLiteral("missing")),
                                   t.filePath(QStringLiteral("queries.jsonl")),
                                   t.filePath(QStringLiteral("qrels.tsv")))
                     .error()
                     .code,
                 ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestBeirDataset)
#include "test_beir_dataset.moc"
