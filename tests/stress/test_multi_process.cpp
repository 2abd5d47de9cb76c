#include "tests/support/cli_process.h"
#include "tests/support/synthetic_pages.h"
#include "tests/support/temp_tree.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <mutex>
#include <thread>

using namespace docrag;
using test::CliProcess;

namespace {

// A stall of any one command for this long fails the run, with its threads' stacks.
constexpr int kStallMs = 10000;

int stressSeconds() {
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("DOCRAG_STRESS_SECONDS", &ok);
    return ok && fromEnv > 0 ? fromEnv : 60;
}

// What a collection holds, read straight from the SQLite file: documents with their content hashes,
// and the chunks' text hashes.
struct Contents final {
    QStringList documents; // "path content_hash", sorted
    QStringList chunks;    // "path ordinal text_hash", sorted
    bool operator==(const Contents&) const = default;
};

Contents contents(const QString& dataDir, const QString& collection) {
    Contents c;
    const QString name = QStringLiteral("stress-read-%1").arg(reinterpret_cast<quintptr>(&c));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dataDir + QStringLiteral("/docrag.sqlite3"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT d.path, d.content_hash FROM documents d JOIN collections c ON "
                                     "c.id = d.collection_id WHERE c.name = ?"));
            q.addBindValue(collection);
            q.exec();
            while (q.next())
                c.documents << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString();
            QSqlQuery k(db);
            k.prepare(
                QStringLiteral("SELECT d.path, k.ordinal, k.text_hash FROM chunks k JOIN documents d ON "
                               "d.id = k.document_id JOIN collections c ON c.id = d.collection_id "
                               "WHERE c.name = ?"));
            k.addBindValue(collection);
            k.exec();
            while (k.next())
                c.chunks << QStringLiteral("%1 %2 %3")
                                .arg(k.value(0).toString(), k.value(1).toString(), k.value(2).toString());
        }
    }
    QSqlDatabase::removeDatabase(name);
    c.documents.sort();
    c.chunks.sort();
    return c;
}

} // namespace

// Several processes on one data folder, as when the window and scripts run at once: two ingest
// loops (each removing and rebuilding its collection) and three question and search loops, for
// DOCRAG_STRESS_SECONDS (60 by default). Nothing may fail or stall, and the collections must end
// up exactly as a single process builds them.
class TestMultiProcess final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::mutex m_mutex;
    QStringList m_failures;
    int m_runs = 0;

    void record(const CliProcess::Run& r, const QStringList& args) {
        std::lock_guard lock(m_mutex);
        ++m_runs;
        if (r.exitCode != 0)
            m_failures << r.describe(args);
    }

    QStringList ingestArgs(const QString& topic, const QString& data) const {
        return {QStringLiteral("ingest"),       m_tree.filePath(topic),
                QStringLiteral("--collection"), topic,
                QStringLiteral("--data-dir"),   data};
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(CliProcess::path()), qPrintable(CliProcess::path()));
        test::SyntheticPages::write(m_tree, QStringLiteral("alpha"), QStringLiteral("alpha"), 240);
        test::SyntheticPages::write(m_tree, QStringLiteral("beta"), QStringLiteral("beta"), 240);
    }

    void twoIngestsAndThreeReadersShareOneDataFolder() {
        const QString reference = m_tree.filePath(QStringLiteral("reference"));
        for (const QString& topic : {QStringLiteral("alpha"), QStringLiteral("beta")})
            QCOMPARE(CliProcess::run(ingestArgs(topic, reference)).exitCode, 0);

        const QString data = m_tree.filePath(QStringLiteral("shared"));
        QElapsedTimer clock;
        clock.start();
        const qint64 durationMs = stressSeconds() * 1000ll;
        std::vector<std::thread> loops;
        for (const QString& topic : {QStringLiteral("alpha"), QStringLiteral("beta")}) {
            loops.emplace_back([this, topic, data, &clock, durationMs] {
                for (int round = 0; clock.elapsed() < durationMs; ++round) {
                    if (round > 0) {
                        const QStringList remove{QStringLiteral("remove"), topic,
                                                 QStringLiteral("--data-dir"), data};
                        record(CliProcess::run(remove, kStallMs), remove);
                    }
                    const QStringList ingest = ingestArgs(topic, data);
                    record(CliProcess::run(ingest, kStallMs), ingest);
                }
            });
        }
        const QStringList questions{QStringLiteral("Which setting tunes the alpha service?"),
                                    QStringLiteral("How does the beta service answer a request?"),
                                    QStringLiteral("step 3 request")};
        for (int reader = 0; reader < 3; ++reader) {
            loops.emplace_back([this, reader, data, questions, &clock, durationMs] {
                for (int round = 0; clock.elapsed() < durationMs; ++round) {
                    const QString command =
                        (round + reader) % 2 == 0 ? QStringLiteral("search") : QStringLiteral("ask");
                    QStringList args{command, questions[(round + reader) % questions.size()],
                                     QStringLiteral("--data-dir"), data};
                    if (command == QLatin1String("ask"))
                        args << QStringLiteral("--offline");
                    record(CliProcess::run(args, kStallMs), args);
                }
            });
        }
        for (std::thread& t : loops)
            t.join();
        // The last state of each collection is a complete ingest: both loops end with one.
        for (const QString& topic : {QStringLiteral("alpha"), QStringLiteral("beta")}) {
            const QStringList ingest = ingestArgs(topic, data);
            record(CliProcess::run(ingest, kStallMs), ingest);
        }
        qInfo("%d commands in %lld s", m_runs, clock.elapsed() / 1000);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(QStringLiteral("\n"))));
        QVERIFY(m_runs > 20);

        for (const QString& topic : {QStringLiteral("alpha"), QStringLiteral("beta")}) {
            const Contents expected = contents(reference, topic);
            const Contents got = contents(data, topic);
            QCOMPARE(got.documents.size(), 240);
            QVERIFY(!expected.chunks.isEmpty());
            QCOMPARE(got.documents, expected.documents);
            QCOMPARE(got.chunks.size(), expected.chunks.size());
            QCOMPARE(got.chunks, expected.chunks);
        }
        // And the shared folder still answers, with its indexes in order.
        const QStringList health{QStringLiteral("health"), QStringLiteral("--data-dir"), data};
        const auto checked = CliProcess::run(health, kStallMs);
        QVERIFY2(checked.exitCode == 0,
                 qPrintable(checked.describe(health) + QString::fromUtf8(checked.out)));
    }
};

QTEST_GUILESS_MAIN(TestMultiProcess)
#include "test_multi_process.moc"
