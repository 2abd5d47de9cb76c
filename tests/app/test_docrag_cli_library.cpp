#include "tests/support/cli_process.h"
#include "tests/support/team_library_rig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace docrag;
using test::CliProcess;

// `docrag-cli ingest --library`, `library` and `feedback` against a real PostgreSQL server, the password
// from the environment (libpq's PGPASSWORD) as a script would give it.
class TestDocragCliLibrary final : public QObject {
    Q_OBJECT

private:
    test::TeamLibraryRig m_rig;
    QString m_url; // without password

    CliProcess::Run cli(const QString& data, const QStringList& args) {
        return CliProcess::run(QStringList{QStringLiteral("--data-dir"), m_rig.tree().filePath(data)} + args,
                               60000);
    }
    static QJsonObject json(const CliProcess::Run& run) { return QJsonDocument::fromJson(run.out).object(); }

private slots:
    void initTestCase() {
        QVERIFY2(m_rig.start(), qPrintable(m_rig.server().error()));
        const QString withPassword = m_rig.freshLibrary();
        QVERIFY(!withPassword.isEmpty());
        m_url = withPassword;
        m_url.remove(QStringLiteral(":%1").arg(QLatin1String(test::PostgresServer::kAdminPassword)));
        qputenv("PGPASSWORD", test::PostgresServer::kAdminPassword);
    }

    void sharesSubscribesSyncsAndReports() {
        const QString folder = m_rig.writePages(QStringLiteral("docs"), 3, QStringLiteral("avocet"));
        CliProcess::Run shared =
            cli(QStringLiteral("writer"), {QStringLiteral("ingest"), folder, QStringLiteral("--collection"),
                                           QStringLiteral("birds"), QStringLiteral("--library"), m_url});
        QVERIFY2(shared.exitCode == 0, qPrintable(shared.describe({})));
        QVERIFY2(shared.out.contains("shared in " + m_url.toUtf8() + ": 3 files sent"),
                 shared.out.constData());

        CliProcess::Run subscribed =
            cli(QStringLiteral("reader"),
                {QStringLiteral("library"), QStringLiteral("subscribe"), m_url, QStringLiteral("--json")});
        QVERIFY2(subscribed.exitCode == 0, qPrintable(subscribed.describe({})));
        const QJsonObject synced =
            json(subscribed).value(QLatin1String("synced")).toArray().first().toObject();
        QCOMPARE(synced.value(QLatin1String("files_updated")).toInt(), 3);

        CliProcess::Run found =
            cli(QStringLiteral("reader"), {QStringLiteral("search"), QStringLiteral("avocet2"),
                                           QStringLiteral("--json"), QStringLiteral("--no-guide")});
        QVERIFY2(found.exitCode == 0, qPrintable(found.describe({})));
        QVERIFY(found.out.contains("avocet2.md"));

        CliProcess::Run status =
            cli(QStringLiteral("reader"),
                {QStringLiteral("library"), QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe({})));
        const QJsonObject library =
            json(status).value(QLatin1String("libraries")).toArray().first().toObject();
        QCOMPARE(library.value(QLatin1String("url")).toString(), m_url);
        QVERIFY(library.value(QLatin1String("reachable")).toBool());
        const QJsonObject replica = library.value(QLatin1String("collections")).toArray().first().toObject();
        QCOMPARE(replica.value(QLatin1String("name")).toString(), QStringLiteral("birds"));
        QCOMPARE(replica.value(QLatin1String("version")).toInt(), 3);
        QCOMPARE(replica.value(QLatin1String("library_version")).toInt(), 3);

        CliProcess::Run report =
            cli(QStringLiteral("reader"),
                {QStringLiteral("feedback"), QStringLiteral("report"), QStringLiteral("--json")});
        QVERIFY2(report.exitCode == 0, qPrintable(report.describe({})));
        QVERIFY(json(report)
                    .value(QLatin1String("libraries"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QLatin1String("questions"))
                    .toArray()
                    .isEmpty());
    }

    void badUrlsAndPasswordsAreOneClearLine() {
        CliProcess::Run bad =
            cli(QStringLiteral("other"),
                {QStringLiteral("library"), QStringLiteral("subscribe"), QStringLiteral("mysql://db/docs")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("must start with postgresql://"));

        QString wrong = m_url;
        wrong.replace(QStringLiteral("docrag_admin@"), QStringLiteral("docrag_admin:not-it@"));
        CliProcess::Run refused =
            cli(QStringLiteral("other"), {QStringLiteral("library"), QStringLiteral("subscribe"), wrong});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("refused the password of user \"docrag_admin\""),
                 refused.err.constData());
        QCOMPARE(refused.err.count('\n'), 1);
        QVERIFY(!refused.err.contains("not-it"));
    }
};

QTEST_GUILESS_MAIN(TestDocragCliLibrary)
#include "test_docrag_cli_library.moc"
