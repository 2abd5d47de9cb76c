#include "tests/support/cli_process.h"
#include "tests/support/temp_tree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace docrag;
using test::CliProcess;

// `docrag-cli watch` as a server runs it: in the foreground, following what changes, until a signal.
class TestDocragCliWatch final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    QString m_data;

    CliProcess::Run cli(const QStringList& args) {
        return CliProcess::run(QStringList{QStringLiteral("--data-dir"), m_data} + args, 60000);
    }

    bool keptInSync() {
        const CliProcess::Run listed = cli({QStringLiteral("collections"), QStringLiteral("--json")});
        const QJsonArray all =
            QJsonDocument::fromJson(listed.out).object().value(QLatin1String("collections")).toArray();
        return !all.isEmpty() && all.first().toObject().value(QLatin1String("keep_in_sync")).toBool();
    }

    // The watcher's JSON events so far, one per line.
    static QList<QJsonObject> events(const QByteArray& out) {
        QList<QJsonObject> list;
        for (const QByteArray& line : out.split('\n')) {
            if (!line.trimmed().isEmpty())
                list << QJsonDocument::fromJson(line).object();
        }
        return list;
    }

    static int count(const QList<QJsonObject>& list, const QString& event) {
        return static_cast<int>(std::count_if(list.begin(), list.end(), [&](const QJsonObject& o) {
            return o.value(QLatin1String("event")).toString() == event;
        }));
    }

    void followsUntil(int signal) {
        QProcess watch;
        QByteArray out;
        QObject::connect(&watch, &QProcess::readyReadStandardOutput,
                         [&] { out += watch.readAllStandardOutput(); });
        watch.start(CliProcess::path(), {QStringLiteral("watch"), QStringLiteral("--json"),
                                         QStringLiteral("--data-dir"), m_data});
        QVERIFY(watch.waitForStarted());
        // Following starts with a rescan of what changed while nothing watched.
        QTRY_VERIFY_WITH_TIMEOUT(count(events(out), QStringLiteral("synced")) == 1, 10000);
        QCOMPARE(events(out).first().value(QLatin1String("watched")).toBool(), true);
        const QString word = signal == SIGINT ? QStringLiteral("capybara") : QStringLiteral("pangolin");
        m_tree.write(QStringLiteral("docs/%1.md").arg(word),
                     QStringLiteral("# New\n\nThe %1 page.\n").arg(word));
        QTRY_VERIFY_WITH_TIMEOUT(count(events(out), QStringLiteral("synced")) == 2, 5000);
        QCOMPARE(events(out).last().value(QLatin1String("changed_files")).toInt(), 1);
        const CliProcess::Run found = cli({QStringLiteral("search"), word, QStringLiteral("--json")});
        QVERIFY2(found.out.contains(word.toUtf8() + ".md"), found.out.constData());

        ::kill(static_cast<pid_t>(watch.processId()), signal);
        QVERIFY(watch.waitForFinished(10000));
        out += watch.readAllStandardOutput();
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
        QCOMPARE(count(events(out), QStringLiteral("stopping")), 1);
    }

private slots:
    void initTestCase() {
        m_data = m_tree.filePath(QStringLiteral("data"));
        m_tree.write(QStringLiteral("docs/a.md"), QStringLiteral("# A\n\nThe quokka page.\n"));
        const CliProcess::Run ingested =
            cli({QStringLiteral("ingest"), m_tree.filePath(QStringLiteral("docs")),
                 QStringLiteral("--collection"), QStringLiteral("docs")});
        QVERIFY2(ingested.exitCode == 0, ingested.err.constData());
    }

    void nothingToFollowIsAClearError() {
        QVERIFY(!keptInSync());
        const CliProcess::Run none = cli({QStringLiteral("watch")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains("collections --watch NAME"), none.err.constData());
        const CliProcess::Run unknown = cli({QStringLiteral("watch"), QStringLiteral("nope")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("no collection named \"nope\""), unknown.err.constData());
    }

    void collectionsMarksAndUnmarks() {
        QCOMPARE(
            cli({QStringLiteral("collections"), QStringLiteral("--watch"), QStringLiteral("docs")}).exitCode,
            0);
        QVERIFY(keptInSync());
        QCOMPARE(cli({QStringLiteral("collections"), QStringLiteral("--unwatch"), QStringLiteral("docs")})
                     .exitCode,
                 0);
        QVERIFY(!keptInSync());
        const CliProcess::Run unknown =
            cli({QStringLiteral("collections"), QStringLiteral("--watch"), QStringLiteral("nope")});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(
            cli({QStringLiteral("collections"), QStringLiteral("--watch"), QStringLiteral("docs")}).exitCode,
            0);
    }

    void followsUntilSigterm() { followsUntil(SIGTERM); }
    void followsUntilSigint() { followsUntil(SIGINT); }
};

QTEST_GUILESS_MAIN(TestDocragCliWatch)
#include "test_docrag_cli_watch.moc"
