#include "tests/support/cli_process.h"
#include "tests/support/synthetic_pages.h"
#include "tests/support/temp_tree.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace docrag;
using test::CliProcess;

namespace {

QStringList ingestArgs(const QString& folder, const QString& collection, const QString& data) {
    return {QStringLiteral("ingest"),     folder, QStringLiteral("--collection"), collection,
            QStringLiteral("--data-dir"), data};
}

} // namespace

// What used to break when two things happen at once (issue 11): each case failed on the code before
// the fix (a hang, or "database is locked" within a fraction of a second).
class TestCliConcurrency final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;

private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(CliProcess::path()), qPrintable(CliProcess::path()));
        test::SyntheticPages::write(m_tree, QStringLiteral("alpha"), QStringLiteral("alpha"), 150);
        test::SyntheticPages::write(m_tree, QStringLiteral("beta"), QStringLiteral("beta"), 150);
    }

    // A missing index (as after a crash) used to make `ask` wait forever, and `search` on one core:
    // the rebuild waited for jobs of the pool whose threads waited for it.
    void askAndSearchAnswerWhileTheIndexIsMissing() {
        const QString data = m_tree.filePath(QStringLiteral("data-missing"));
        const auto ingest = CliProcess::run(
            ingestArgs(m_tree.filePath(QStringLiteral("alpha")), QStringLiteral("alpha"), data));
        QCOMPARE(ingest.exitCode, 0);
        const auto removeIndexes = [&] {
            QDir dir(data + QStringLiteral("/indexes"));
            for (const QString& f : dir.entryList(QDir::Files))
                QVERIFY(dir.remove(f));
        };
        removeIndexes();
        const QStringList ask{QStringLiteral("ask"), QStringLiteral("--offline"),
                              QStringLiteral("How do I configure the alpha tool?"),
                              QStringLiteral("--data-dir"), data};
        const auto asked = CliProcess::run(ask, 20000);
        QVERIFY2(asked.exitCode == 0, qPrintable(asked.describe(ask)));
        QVERIFY(asked.out.contains("alpha"));

        removeIndexes();
        const QStringList search{QStringLiteral("search"), QStringLiteral("alpha option"),
                                 QStringLiteral("--data-dir"), data};
        const QString taskset = QStandardPaths::findExecutable(QStringLiteral("taskset"));
        const auto searched = CliProcess::run(
            search, 20000, taskset.isEmpty() ? QStringList() : QStringList{taskset, "-c", "0"});
        QVERIFY2(searched.exitCode == 0, qPrintable(searched.describe(search)));
        QVERIFY(searched.out.contains("alpha"));
    }

    // Two ingests into one data folder used to fail at once with "database is locked": a deferred
    // BEGIN that read and then wrote could not wait for the other writer.
    void twoIngestsAtOnce_data() {
        QTest::addColumn<bool>("sameCollection");
        QTest::newRow("different collections") << false;
        QTest::newRow("one collection") << true;
    }
    void twoIngestsAtOnce() {
        QFETCH(bool, sameCollection);
        const QString data =
            m_tree.filePath(sameCollection ? QStringLiteral("data-same") : QStringLiteral("data-two"));
        const QStringList a =
            ingestArgs(m_tree.filePath(QStringLiteral("alpha")), QStringLiteral("alpha"), data);
        const QStringList b =
            ingestArgs(m_tree.filePath(QStringLiteral("beta")),
                       sameCollection ? QStringLiteral("alpha") : QStringLiteral("beta"), data);
        QProcess first;
        QProcess second;
        first.start(CliProcess::path(), a);
        second.start(CliProcess::path(), b);
        QVERIFY(first.waitForFinished(60000));
        QVERIFY(second.waitForFinished(60000));
        QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
        QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
        const auto listed =
            CliProcess::run({QStringLiteral("collections"), QStringLiteral("--data-dir"), data});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains("alpha"));
        if (!sameCollection)
            QVERIFY(listed.out.contains("beta"));
    }

    // Questions asked while another process ingests must all be answered (a question writes its
    // history while the ingest writes its files).
    void askWhileAnotherProcessIngests() {
        const QString data = m_tree.filePath(QStringLiteral("data-ask"));
        QCOMPARE(CliProcess::run(
                     ingestArgs(m_tree.filePath(QStringLiteral("alpha")), QStringLiteral("alpha"), data))
                     .exitCode,
                 0);
        QProcess ingest;
        ingest.start(CliProcess::path(),
                     ingestArgs(m_tree.filePath(QStringLiteral("beta")), QStringLiteral("beta"), data));
        QVERIFY(ingest.waitForStarted());
        int asked = 0;
        QElapsedTimer clock;
        clock.start();
        // waitForFinished(0) lets QProcess notice the end without an event loop.
        while ((!ingest.waitForFinished(0) || asked < 3) && clock.elapsed() < 60000) {
            const QStringList args{QStringLiteral("ask"), QStringLiteral("--offline"),
                                   QStringLiteral("Which option configures the tool?"),
                                   QStringLiteral("--data-dir"), data};
            const auto r = CliProcess::run(args, 20000);
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe(args)));
            ++asked;
        }
        QVERIFY(ingest.state() == QProcess::NotRunning || ingest.waitForFinished(60000));
        QVERIFY2(ingest.exitCode() == 0, ingest.readAllStandardError().constData());
    }

    // A data folder on a read-only mount (made here in a user namespace) is still searched and
    // answered from, and says it is read-only when asked to store something.
    void aReadOnlyDataFolderIsSearchable() {
        const QString data = m_tree.filePath(QStringLiteral("data-readonly"));
        QCOMPARE(CliProcess::run(
                     ingestArgs(m_tree.filePath(QStringLiteral("alpha")), QStringLiteral("alpha"), data))
                     .exitCode,
                 0);
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        QVERIFY2(!unshare.isEmpty(), "unshare (util-linux) is needed to mount the folder read-only");
        const QStringList readOnly{
            unshare,
            QStringLiteral("-rm"),
            QStringLiteral("sh"),
            QStringLiteral("-c"),
            QStringLiteral("mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" "
                           "&& exec \"$@\""),
            data};
        const QStringList search{QStringLiteral("search"), QStringLiteral("alpha option"),
                                 QStringLiteral("--data-dir"), data};
        const auto searched = CliProcess::run(search, 20000, readOnly);
        QVERIFY2(searched.exitCode == 0, qPrintable(searched.describe(search)));
        QVERIFY(searched.out.contains("alpha"));
        const QStringList ask{QStringLiteral("ask"), QStringLiteral("--offline"),
                              QStringLiteral("How do I configure the alpha tool?"),
                              QStringLiteral("--data-dir"), data};
        const auto asked = CliProcess::run(ask, 20000, readOnly);
        QVERIFY2(asked.exitCode == 0, qPrintable(asked.describe(ask)));
        const QStringList ingest =
            ingestArgs(m_tree.filePath(QStringLiteral("beta")), QStringLiteral("beta"), data);
        const auto refused = CliProcess::run(ingest, 20000, readOnly);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("read-only"), refused.err.constData());
    }

    // Two processes creating a new data folder at the same moment: one used to fail ("table
    // collections already exists" or "not a DocRag database") nearly every time.
    void twoProcessesOpenANewDataFolder() {
        for (int attempt = 0; attempt < 20; ++attempt) {
            const QString data = m_tree.filePath(QStringLiteral("fresh-%1").arg(attempt));
            const QStringList args{QStringLiteral("collections"), QStringLiteral("--data-dir"), data};
            QProcess first;
            QProcess second;
            first.start(CliProcess::path(), args);
            second.start(CliProcess::path(), args);
            QVERIFY(first.waitForFinished(20000));
            QVERIFY(second.waitForFinished(20000));
            QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
            QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestCliConcurrency)
#include "test_cli_concurrency.moc"
