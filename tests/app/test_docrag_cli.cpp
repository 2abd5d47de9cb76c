#include "tests/support/read_fixture.h"
#include "tests/support/temp_tree.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace docrag;

namespace {

QString cliPath() {
    const QString fromEnv = qEnvironmentVariable("DOCRAG_CLI");
    return fromEnv.isEmpty() ? QCoreApplication::applicationDirPath() + QStringLiteral("/../app/docrag-cli")
                             : fromEnv;
}

struct Run final {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runProgram(const QString& program, const QStringList& args, int timeoutMs = 60000) {
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(timeoutMs))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Run run(const QStringList& args, int timeoutMs = 60000) {
    return runProgram(cliPath(), args, timeoutMs);
}

QJsonObject json(const Run& r) {
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

// docrag-cli as a user meets it: a real process, real files, exit codes and one-line errors.
class TestDocragCli final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    QString m_data;

private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath()));
        m_data = m_tree.filePath(QStringLiteral("data"));
        m_tree.write(
            QStringLiteral("docs/guide.md"),
            QStringLiteral("# Guide\n\n## Adding documentation\n\nUse the ingest command to add a folder "
                           "of Markdown or HTML files.\n\n## Privacy\n\nNothing leaves your machine.\n"));
        m_tree.write(QStringLiteral("docs/image.png"), QByteArray("\x89PNG", 4));
    }

    void usageErrorsExitWithTwo() {
        Run none = run({});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains("no command given"));
        QCOMPARE(run({QStringLiteral("frobnicate")}).exitCode, 2);
        Run noCollection = run({QStringLiteral("ingest"), m_tree.filePath(QStringLiteral("docs")),
                                QStringLiteral("--data-dir"), m_data});
        QCOMPARE(noCollection.exitCode, 2);
        QVERIFY(noCollection.err.contains("--collection NAME is required"));
        QCOMPARE(run({QStringLiteral("search"), QStringLiteral("x"), QStringLiteral("-k"),
                      QStringLiteral("zero"), QStringLiteral("--data-dir"), m_data})
                     .exitCode,
                 2);
        QCOMPARE(
            run({QStringLiteral("search"), QStringLiteral("--bogus"), QStringLiteral("--data-dir"), m_data})
                .exitCode,
            2);
        QCOMPARE(run({QStringLiteral("--help")}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("search"), QStringLiteral("--help")}).exitCode, 0);
    }

    void ingestThenSearchWithCitations() {
        Run ingest = run({QStringLiteral("ingest"), m_tree.filePath(QStringLiteral("docs")),
                          QStringLiteral("--collection"), QStringLiteral("guide"),
                          QStringLiteral("--data-dir"), m_data, QStringLiteral("--json")});
        QCOMPARE(ingest.exitCode, 0);
        const QJsonObject report = json(ingest);
        QCOMPARE(report.value(QLatin1String("files")).toObject().value(QLatin1String("indexed")).toInt(), 1);
        QCOMPARE(report.value(QLatin1String("files")).toObject().value(QLatin1String("skipped")).toInt(), 1);

        Run search = run({QStringLiteral("search"), QStringLiteral("how do I add my own documentation?"),
                          QStringLiteral("--data-dir"), m_data, QStringLiteral("--json")});
        QCOMPARE(search.exitCode, 0);
        const QJsonArray results = json(search).value(QLatin1String("results")).toArray();
        QVERIFY(!results.isEmpty());
        const QJsonObject top = results.first().toObject();
        QCOMPARE(top.value(QLatin1String("rank")).toInt(), 1);
        QCOMPARE(top.value(QLatin1String("heading_path")).toString(), QStringLiteral("Adding documentation"));
        QCOMPARE(top.value(QLatin1String("anchor")).toString(), QStringLiteral("adding-documentation"));
        QCOMPARE(top.value(QLatin1String("line_start")).toInt(), 5);
        QVERIFY(top.value(QLatin1String("path")).toString().endsWith(QLatin1String("docs/guide.md")));

        Run text =
            run({QStringLiteral("search"), QStringLiteral("privacy"), QStringLiteral("--data-dir"), m_data});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("1. ["));
        QVERIFY(text.out.contains("Guide > Privacy"));
        QVERIFY(text.out.contains("#privacy"));
    }

    void askAnswersAndHistoryRemembers() {
        Run ask = run({QStringLiteral("ask"), QStringLiteral("How do I add documentation?"),
                       QStringLiteral("--data-dir"), m_data, QStringLiteral("--json")});
        QCOMPARE(ask.exitCode, 0);
        const QJsonObject answer = json(ask);
        QVERIFY(answer.value(QLatin1String("extractive")).toBool());
        QVERIFY(answer.value(QLatin1String("answer")).toString().contains(QLatin1String("ingest command")));
        QVERIFY(answer.value(QLatin1String("answer")).toString().contains(QLatin1String("[1]")));
        const QJsonObject source = answer.value(QLatin1String("sources")).toArray().first().toObject();
        QCOMPARE(source.value(QLatin1String("location")).toString(),
                 QStringLiteral("line 5, #adding-documentation"));
        const qint64 conversation = answer.value(QLatin1String("conversation_id")).toInteger();

        Run stream = run({QStringLiteral("ask"), QStringLiteral("does anything leave my machine"),
                          QStringLiteral("--stream"), QStringLiteral("--conversation"),
                          QString::number(conversation), QStringLiteral("--data-dir"), m_data});
        QCOMPARE(stream.exitCode, 0);
        QVERIFY(stream.out.contains("Nothing leaves your machine. [1]"));
        QVERIFY(stream.out.contains("extractive answer, offline"));
        QVERIFY(stream.out.contains("Sources:\n  [1] "));

        Run history = run({QStringLiteral("history"), QString::number(conversation),
                           QStringLiteral("--data-dir"), m_data, QStringLiteral("--json")});
        QCOMPARE(history.exitCode, 0);
        const QJsonArray messages = json(history).value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages[2].toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("does anything leave my machine"));
        Run list = run({QStringLiteral("history"), QStringLiteral("--data-dir"), m_data});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains("How do I add documentation?"));
        Run missing =
            run({QStringLiteral("history"), QStringLiteral("9999"), QStringLiteral("--data-dir"), m_data});
        QCOMPARE(missing.exitCode, 1);
        Run empty = run({QStringLiteral("ask"), QStringLiteral("--data-dir"), m_data});
        QCOMPARE(empty.exitCode, 2);
    }

    // A real OpenAI-compatible server process (the fake one of the tests) on 127.0.0.1.
    void askStreamsFromAModelServer() {
        QProcess server;
        server.start(QStringLiteral(DOCRAG_FAKE_OPENAI_SERVER),
                     {QStringLiteral("--token-delay"), QStringLiteral("30"), QStringLiteral("--reply"),
                      QStringLiteral("Run the ingest command on a folder [1].")});
        QVERIFY(server.waitForReadyRead(10000));
        const QString url = QStringLiteral("http://127.0.0.1:%1/v1").arg(server.readLine().trimmed().toInt());

        QProcess ask;
        ask.start(cliPath(), {QStringLiteral("ask"), QStringLiteral("How do I add documentation?"),
                              QStringLiteral("--stream"), QStringLiteral("--no-cache"),
                              QStringLiteral("--base-url"), url, QStringLiteral("--model"),
                              QStringLiteral("fake-chat"), QStringLiteral("--data-dir"), m_data});
        // The first words are on stdout while the answer is still being written.
        QVERIFY(ask.waitForReadyRead(10000));
        const QByteArray first = ask.readAllStandardOutput();
        QVERIFY(ask.state() == QProcess::Running);
        QVERIFY(!first.contains("Sources:"));
        QVERIFY(ask.waitForFinished(20000));
        const QByteArray out = first + ask.readAllStandardOutput();
        QCOMPARE(ask.exitCode(), 0);
        QVERIFY2(out.startsWith("Run the ingest command on a folder [1]."), out.constData());
        QVERIFY(out.contains("generated by fake-chat"));
        QVERIFY(out.contains("Sources:\n  [1] "));

        Run embed =
            run({QStringLiteral("ingest"), m_tree.filePath(QStringLiteral("docs")),
                 QStringLiteral("--collection"), QStringLiteral("remote"), QStringLiteral("--embedder"),
                 QStringLiteral("openai"), QStringLiteral("--base-url"), url, QStringLiteral("--data-dir"),
                 m_tree.filePath(QStringLiteral("data-remote")), QStringLiteral("--json")});
        QCOMPARE(embed.exitCode, 0);
        QVERIFY(json(embed)
                    .value(QLatin1String("model_server"))
                    .toObject()
                    .value(QLatin1String("requests"))
                    .toInt() >= 1);
        server.kill();
        server.waitForFinished();

        // The server is gone: one clear line, exit 1, and the question is in the history.
        Run down = run({QStringLiteral("ask"), QStringLiteral("Is the server down?"),
                        QStringLiteral("--base-url"), url, QStringLiteral("--data-dir"), m_data});
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.err.contains("cannot reach 127.0.0.1"), down.err.constData());
        QCOMPARE(down.err.count('\n'), 1);
        Run history = run({QStringLiteral("history"), QStringLiteral("--search"),
                           QStringLiteral("server down"), QStringLiteral("--data-dir"), m_data});
        QVERIFY(history.out.contains("Is the server down?"));

        Run noServer = run({QStringLiteral("ingest"), m_tree.filePath(QStringLiteral("docs")),
                            QStringLiteral("--collection"), QStringLiteral("x"), QStringLiteral("--embedder"),
                            QStringLiteral("openai"), QStringLiteral("--offline"),
                            QStringLiteral("--data-dir"), m_data});
        QCOMPARE(noServer.exitCode, 2);
        Run badUrl = run({QStringLiteral("ask"), QStringLiteral("x"), QStringLiteral("--base-url"),
                          QStringLiteral("ftp://x"), QStringLiteral("--data-dir"), m_data});
        QCOMPARE(badUrl.exitCode, 2);
    }

    void failuresAreOneLineAndExitWithOne() {
        Run missing = run({QStringLiteral("search"), QStringLiteral("x"), QStringLiteral("--collection"),
                           QStringLiteral("nope"), QStringLiteral("--data-dir"), m_data});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.err.count('\n'), 1);
        QVERIFY(missing.err.contains("no collection named \"nope\""));
        Run noPath =
            run({QStringLiteral("ingest"), m_tree.filePath(QStringLiteral("absent")),
                 QStringLiteral("--collection"), QStringLiteral("x"), QStringLiteral("--data-dir"), m_data});
        QCOMPARE(noPath.exitCode, 1);
        QVERIFY(noPath.err.contains("no such file or directory"));
        QCOMPARE(run({QStringLiteral("remove"), QStringLiteral("nope"), QStringLiteral("--data-dir"), m_data})
                     .exitCode,
                 1);
    }

    void collectionsStatsAndRemove() {
        QCOMPARE(run({QStringLiteral("ingest"), m_tree.filePath(QStringLiteral("docs")),
                      QStringLiteral("--collection"), QStringLiteral("spare"), QStringLiteral("--data-dir"),
                      m_data})
                     .exitCode,
                 0);
        const QJsonObject stats = json(
            run({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data}));
        QVERIFY(stats.value(QLatin1String("chunks")).toInt() >= 4);
        QVERIFY(stats.value(QLatin1String("database_bytes")).toInteger() > 0);
        QCOMPARE(stats.value(QLatin1String("collections")).toArray().size(), 2);

        QCOMPARE(
            run({QStringLiteral("remove"), QStringLiteral("spare"), QStringLiteral("--data-dir"), m_data})
                .exitCode,
            0);
        const QJsonObject list = json(run(
            {QStringLiteral("collections"), QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data}));
        const QJsonArray names = list.value(QLatin1String("collections")).toArray();
        QCOMPARE(names.size(), 1);
        QCOMPARE(names.first().toObject().value(QLatin1String("name")).toString(), QStringLiteral("guide"));
    }

    void healthAndTheStatsSnapshot() {
        const Run healthy = run({QStringLiteral("health"), QStringLiteral("--data-dir"), m_data});
        QCOMPARE(healthy.exitCode, 0);
        QVERIFY2(healthy.out.contains("healthy"), healthy.out.constData());
        const QJsonObject report = json(
            run({QStringLiteral("health"), QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data}));
        QCOMPARE(report.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(report.value(QLatin1String("checks")).toArray().size(), 5);
        // A model server that is not there: the check fails and so does the command.
        const Run dead = run({QStringLiteral("health"), QStringLiteral("--base-url"),
                              QStringLiteral("http://127.0.0.1:9/v1"), QStringLiteral("--timeout"),
                              QStringLiteral("500"), QStringLiteral("--data-dir"), m_data});
        QCOMPARE(dead.exitCode, 1);
        QVERIFY(dead.out.contains("UNHEALTHY"));

        const QJsonObject stats = json(
            run({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--data-dir"), m_data}));
        const QJsonObject performance = stats.value(QLatin1String("performance")).toObject();
        QVERIFY(performance.value(QLatin1String("gauges"))
                    .toObject()
                    .value(QLatin1String("resident_bytes"))
                    .toInteger() > 0);
        QCOMPARE(performance.value(QLatin1String("operations")).toArray().size(), 8);
        QVERIFY(performance.contains(QLatin1String("caches")));
    }

    // The timings of one process are there for the next: a bench run, then `stats` in another process.
    void statsShowWhatAnotherProcessDid() {
        test::TempTree tree;
        const QString data = tree.filePath(QStringLiteral("data"));
        tree.write(QStringLiteral("docs/a.md"),
                   QStringLiteral("# Files\n\nRead a file line by line.\n\n## Sockets\n\nOpen a socket.\n"));
        tree.write(QStringLiteral("queries.txt"), QByteArray("read a file\nopen a socket\nlines\n"));
        QCOMPARE(
            run({QStringLiteral("ingest"), tree.filePath(QStringLiteral("docs")),
                 QStringLiteral("--collection"), QStringLiteral("c"), QStringLiteral("--data-dir"), data})
                .exitCode,
            0);
        const Run bench = run({QStringLiteral("bench"), QStringLiteral("--queries"),
                               tree.filePath(QStringLiteral("queries.txt")), QStringLiteral("--requests"),
                               QStringLiteral("40"), QStringLiteral("--warmup"), QStringLiteral("0"),
                               QStringLiteral("--json"), QStringLiteral("--data-dir"), data});
        QCOMPARE(bench.exitCode, 0);
        const double benchP95 =
            json(bench).value(QLatin1String("latency")).toObject().value(QLatin1String("p95_ms")).toDouble();
        QVERIFY(benchP95 > 0);
        const Run stats =
            run({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--data-dir"), data});
        QCOMPARE(stats.exitCode, 0);
        const QJsonObject history = json(stats).value(QLatin1String("history")).toObject();
        QVERIFY(history.value(QLatin1String("stored_bytes")).toInteger() > 0);
        QJsonObject retrieval;
        for (const QJsonValue& o : history.value(QLatin1String("last_hour")).toArray()) {
            if (o.toObject().value(QLatin1String("name")).toString() == QLatin1String("retrieval"))
                retrieval = o.toObject();
        }
        QCOMPARE(retrieval.value(QLatin1String("count")).toInteger(), qint64(40));
        // The engine times its retrieval inside the bench's request: at most that, less its histogram's
        // 4.5 % resolution.
        const double p95 = retrieval.value(QLatin1String("p95_ms")).toDouble();
        QVERIFY2(p95 > 0 && p95 <= benchP95 * 1.05,
                 qPrintable(QStringLiteral("%1 %2").arg(p95).arg(benchP95)));
        const Run text = run({QStringLiteral("stats"), QStringLiteral("--data-dir"), data});
        QVERIFY2(text.out.contains("retrieval       40 calls"), text.out.constData());
    }

    void evalScoresABeirBenchmark() {
        test::TempTree beir;
        beir.write(
            QStringLiteral("corpus.jsonl"),
            QStringLiteral(
                "{\"_id\": \"1\", \"title\": \"Capybara diet\", \"text\": \"Capybaras eat grass.\"}\n"
                "{\"_id\": \"2\", \"title\": \"Quokka smiles\", \"text\": \"Quokkas seem to smile.\"}\n"));
        beir.write(QStringLiteral("queries.jsonl"),
                   QStringLiteral("{\"_id\": \"q\", \"text\": \"what do capybaras eat\"}\n"));
        beir.write(QStringLiteral("qrels.tsv"), QStringLiteral("query-id\tcorpus-id\tscore\nq\t1\t1\n"));
        const QStringList files = {
            QStringLiteral("--corpus"),  beir.filePath(QStringLiteral("corpus.jsonl")),
            QStringLiteral("--queries"), beir.filePath(QStringLiteral("queries.jsonl")),
            QStringLiteral("--qrels"),   beir.filePath(QStringLiteral("qrels.tsv"))};
        QCOMPARE(run({QStringLiteral("eval"), QStringLiteral("--data-dir"), m_data}).exitCode, 2);
        QCOMPARE(run(QStringList{QStringLiteral("eval"), QStringLiteral("--mode"), QStringLiteral("magic"),
                                 QStringLiteral("--data-dir"), m_data} +
                     files)
                     .exitCode,
                 2);
        QCOMPARE(run(QStringList{QStringLiteral("eval"), QStringLiteral("--tune"), QStringLiteral("k9=1"),
                                 QStringLiteral("--data-dir"), m_data} +
                     files)
                     .exitCode,
                 2);
        Run eval = run(QStringList{QStringLiteral("eval"), QStringLiteral("--json"),
                                   QStringLiteral("--data-dir"), m_data} +
                       files);
        QCOMPARE(eval.exitCode, 0);
        const QJsonObject report = json(eval);
        QCOMPARE(report.value(QLatin1String("queries")).toInt(), 1);
        QCOMPARE(report.value(QLatin1String("documents")).toInt(), 2);
        QCOMPARE(report.value(QLatin1String("ndcg_at_10")).toDouble(), 1.0);
        QCOMPARE(report.value(QLatin1String("recall_at_100")).toDouble(), 1.0);
        QCOMPARE(report.value(QLatin1String("mrr_at_10")).toDouble(), 1.0);
        QCOMPARE(report.value(QLatin1String("mode")).toString(), QStringLiteral("hybrid"));
        QVERIFY(report.value(QLatin1String("collection")).toString().startsWith(QLatin1String("beir-")));
        QVERIFY(report.contains(QLatin1String("latency")));
    }

    // A real crash: the process is killed with SIGKILL in the middle of an ingest. The next run keeps
    // every file that was reported as indexed and does the rest.
    // A run in which a file failed exits 1 and says how many (it used to exit 0 even when every file
    // failed); what did work is stored and searchable.
    void lookupFindsApiNamesAndTimesKeystrokes() {
        test::TempTree api;
        api.write(QStringLiteral("api/ref.html"),
                  test::readFixture(QStringLiteral("loaders/sphinx_reference.html")));
        const QString data = api.filePath(QStringLiteral("data"));
        QCOMPARE(
            run({QStringLiteral("ingest"), api.filePath(QStringLiteral("api")),
                 QStringLiteral("--collection"), QStringLiteral("api"), QStringLiteral("--data-dir"), data})
                .exitCode,
            0);
        const Run text =
            run({QStringLiteral("lookup"), QStringLiteral("gauge."), QStringLiteral("--data-dir"), data});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith("1. Gauge.read  (method)  api  "), text.out.constData());
        QVERIFY(text.out.contains("ref.html#Gauge.read"));
        const QJsonArray results = json(run({QStringLiteral("lookup"), QStringLiteral("cl"),
                                             QStringLiteral("--json"), QStringLiteral("--data-dir"), data}))
                                       .value(QLatin1String("results"))
                                       .toArray();
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().toObject().value(QLatin1String("name")).toString(), QStringLiteral("clamp"));
        QCOMPARE(results.first().toObject().value(QLatin1String("kind")).toString(),
                 QStringLiteral("function"));
        const Run none =
            run({QStringLiteral("lookup"), QStringLiteral("zzzz"), QStringLiteral("--data-dir"), data});
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.out.contains("No API names match"));
        QCOMPARE(run({QStringLiteral("lookup"), QStringLiteral("--data-dir"), data}).exitCode, 2);

        const QString names =
            api.write(QStringLiteral("names.txt"), QByteArray("# typed\nclamp\nGauge.read\n"));
        const QJsonObject timed = json(
            run({QStringLiteral("lookup"), QStringLiteral("--keystrokes"), names, QStringLiteral("--rounds"),
                 QStringLiteral("2"), QStringLiteral("--json"), QStringLiteral("--data-dir"), data}));
        QCOMPARE(timed.value(QLatin1String("symbols")).toInt(), 3);
        // Two rounds of every prefix: 5 of "clamp", 10 of "Gauge.read".
        QCOMPARE(timed.value(QLatin1String("keystrokes")).toObject().value(QLatin1String("count")).toInt(),
                 30);
    }

    void anIngestWithAFailedFileExitsWithOne() {
        test::TempTree corpus;
        corpus.write(QStringLiteral("good.md"), QStringLiteral("# Good\n\nA page that loads.\n"));
        corpus.write(QStringLiteral("broken.pdf"), QByteArray("%PDF-1.4\nthis is not a real pdf\n"));
        const QString data = corpus.filePath(QStringLiteral("data"));
        Run r = run({QStringLiteral("ingest"), corpus.path(), QStringLiteral("--collection"),
                     QStringLiteral("mixed"), QStringLiteral("--data-dir"), data, QStringLiteral("--exclude"),
                     QStringLiteral("data/")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("1 of 2 files failed"), r.err.constData());
        Run search = run({QStringLiteral("search"), QStringLiteral("page that loads"),
                          QStringLiteral("--data-dir"), data});
        QCOMPARE(search.exitCode, 0);
        QVERIFY(search.out.contains("good.md"));
    }

    void aKilledIngestResumes() {
        test::TempTree corpus;
        const int files = 3000;
        for (int i = 0; i < files; ++i)
            corpus.write(QStringLiteral("f%1.md").arg(i, 4, 10, QLatin1Char('0')),
                         QStringLiteral("# Page %1\n\n%2\n")
                             .arg(i)
                             .arg(QStringLiteral("Words about topic %1. ").arg(i).repeated(40)));
        const QString data = corpus.filePath(QStringLiteral("data"));
        QProcess p;
        p.start(cliPath(),
                {QStringLiteral("ingest"), corpus.path(), QStringLiteral("--collection"),
                 QStringLiteral("big"), QStringLiteral("--data-dir"), data, QStringLiteral("--verbose"),
                 QStringLiteral("--exclude"), QStringLiteral("data/")});
        QVERIFY(p.waitForStarted());
        int reported = 0;
        QByteArray pending;
        while (reported < 50 && p.state() == QProcess::Running) {
            p.waitForReadyRead(5000);
            pending += p.readAllStandardOutput();
            reported = static_cast<int>(pending.count("indexed   "));
        }
        QVERIFY2(p.state() == QProcess::Running, "the ingest finished before it could be killed");
        p.kill();
        p.waitForFinished();
        pending += p.readAllStandardOutput();
        reported = static_cast<int>(pending.count("indexed   "));

        // The collection says it was interrupted, how far it got, and how to resume (it used to be
        // listed as if it were complete).
        Run listed = run(
            {QStringLiteral("collections"), QStringLiteral("--data-dir"), data, QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonObject big = json(listed).value(QLatin1String("collections")).toArray().first().toObject();
        QCOMPARE(big.value(QLatin1String("ingest")).toString(), QStringLiteral("interrupted"));
        QVERIFY(big.value(QLatin1String("files_done")).toInt() >= reported);
        QCOMPARE(big.value(QLatin1String("files_total")).toInt(), files);
        Run text = run({QStringLiteral("collections"), QStringLiteral("--data-dir"), data});
        QVERIFY(text.out.contains("INTERRUPTED"));
        QVERIFY(text.out.contains("ingest --resume --collection \"big\""));

        Run resumed =
            run({QStringLiteral("ingest"), QStringLiteral("--resume"), QStringLiteral("--collection"),
                 QStringLiteral("big"), QStringLiteral("--data-dir"), data, QStringLiteral("--json")},
                120000);
        QCOMPARE(resumed.exitCode, 0);
        const QJsonObject counts = json(resumed).value(QLatin1String("files")).toObject();
        const int unchanged = counts.value(QLatin1String("unchanged")).toInt();
        QVERIFY2(unchanged >= reported, qPrintable(QStringLiteral("%1 < %2").arg(unchanged).arg(reported)));
        QVERIFY(unchanged < files);
        QCOMPARE(unchanged + counts.value(QLatin1String("indexed")).toInt(), files);
        QVERIFY(json(resumed).value(QLatin1String("index_rebuilt")).toBool());

        Run after = run(
            {QStringLiteral("collections"), QStringLiteral("--data-dir"), data, QStringLiteral("--json")});
        QCOMPARE(json(after)
                     .value(QLatin1String("collections"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("ingest")),
                 QJsonValue(QStringLiteral("complete")));

        Run search = run({QStringLiteral("search"), QStringLiteral("topic 7"), QStringLiteral("--data-dir"),
                          data, QStringLiteral("--json")});
        QCOMPARE(search.exitCode, 0);
        QVERIFY(!json(search).value(QLatin1String("results")).toArray().isEmpty());
    }

    void versionIsOneLine() {
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^docrag-cli \\d+\\.\\d+\\.\\d+\n$"))
                     .match(QString::fromUtf8(version.out))
                     .hasMatch(),
                 version.out.constData());
        QVERIFY(version.err.isEmpty());
    }

    // A new data folder, as after installing the package: the first question adds the bundled user guide
    // (beside the program: build/share/docrag/guide for build/app/docrag-cli), says so in one line on
    // stderr, and the answer cites the guide.
    void aNewDataFolderAnswersFromTheGuide() {
        test::TempTree fresh;
        const QString data = fresh.filePath(QStringLiteral("data"));
        const Run first = run({QStringLiteral("ask"), QStringLiteral("How do I add my own documentation?"),
                               QStringLiteral("--data-dir"), data});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QCOMPARE(first.err.count('\n'), 1);
        QVERIFY2(first.err.contains("no collections yet: adding the user guide"), first.err.constData());
        QVERIFY(first.out.contains("[1]"));
        QVERIFY2(first.out.contains("Sources:\n  [1] "), first.out.constData());
        QVERIFY2(first.out.contains("share/docrag/guide/adding-documentation.md"), first.out.constData());

        // Added once: the next command finds a collection and says nothing.
        const Run second = run({QStringLiteral("search"), QStringLiteral("privacy"), QStringLiteral("--json"),
                                QStringLiteral("--data-dir"), data});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.err.isEmpty(), second.err.constData());
        const QJsonArray results = json(second).value(QLatin1String("results")).toArray();
        QVERIFY(!results.isEmpty());
        QCOMPARE(results.first().toObject().value(QLatin1String("collection")).toString(),
                 QStringLiteral("DocRag guide"));

        // --no-guide leaves a new folder empty.
        const QString bare = fresh.filePath(QStringLiteral("bare"));
        const Run none =
            run({QStringLiteral("search"), QStringLiteral("privacy"), QStringLiteral("--no-guide"),
                 QStringLiteral("--json"), QStringLiteral("--data-dir"), bare});
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.err.isEmpty());
        QVERIFY(json(none).value(QLatin1String("results")).toArray().isEmpty());
        const Run listed = run(
            {QStringLiteral("collections"), QStringLiteral("--json"), QStringLiteral("--data-dir"), bare});
        QVERIFY(json(listed).value(QLatin1String("collections")).toArray().isEmpty());
    }

    // The program copied into another prefix finds that prefix's guide, not the build tree's: it looks
    // beside itself (bin/../share/docrag/guide), whatever the folder.
    void aCopyElsewhereUsesTheGuideBesideIt() {
        test::TempTree prefix;
        QVERIFY(QDir().mkpath(prefix.filePath(QStringLiteral("bin"))));
        const QString copy = prefix.filePath(QStringLiteral("bin/docrag-cli"));
        QVERIFY(QFile::copy(cliPath(), copy));
        prefix.write(QStringLiteral("share/docrag/guide/barn.md"),
                     QStringLiteral("# Barn\n\nThe okapi keeps its installer in the barn.\n"));
        const Run r = runProgram(copy, {QStringLiteral("search"), QStringLiteral("where is the installer"),
                                        QStringLiteral("--json"), QStringLiteral("--data-dir"),
                                        prefix.filePath(QStringLiteral("data"))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains(QFileInfo(prefix.filePath(QStringLiteral("share/docrag/guide")))
                                    .canonicalFilePath()
                                    .toUtf8()),
                 r.err.constData());
        const QJsonArray results = json(r).value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 1); // its one page, nothing from the build tree's guide
        QVERIFY(results.first()
                    .toObject()
                    .value(QLatin1String("path"))
                    .toString()
                    .endsWith(QLatin1String("share/docrag/guide/barn.md")));
    }
};

QTEST_GUILESS_MAIN(TestDocragCli)
#include "test_docrag_cli.moc"
