#include "tests/support/cli_process.h"
#include "tests/support/fake_openai_server.h"
#include "tests/support/temp_tree.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace docrag;
using test::CliProcess;
using test::FakeFault;
using test::FakeOpenAiServer;

namespace {

// A key nobody would write by chance, so that any trace of it is a leak.
const QString kKey = QStringLiteral("sk-planted-Zq81Hw0pLm3Vx7Nc5Tb2Ry9Ue4Io6Sa");
// Likewise for the question: the log may say that a question was asked, never what it was.
const QString kQuestion = QStringLiteral("Where does the okapi-question-marker-4471 keep its installer?");

// The traces of the key a leak could leave: the whole of it, and runs of it a server might echo.
QList<QByteArray> keyTraces() {
    return {kKey.toUtf8(), kKey.mid(3, 12).toUtf8(), kKey.mid(16, 12).toUtf8(), kKey.right(12).toUtf8()};
}

} // namespace

// Issue 12: a session with a planted key against a server that echoes it in its errors and redirects to
// another origin, then every byte DocRag kept or printed is searched for the key.
class TestDocragCliSecrets final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    QString m_data;
    QList<QByteArray> m_printed; // everything the CLI wrote, in order

    CliProcess::Run cli(const QStringList& args) {
        const CliProcess::Run r =
            CliProcess::run(QStringList{QStringLiteral("--data-dir"), m_data} + args, 60000);
        m_printed << r.out << r.err;
        return r;
    }

private slots:
    void initTestCase() {
        m_data = m_tree.filePath(QStringLiteral("data"));
        m_tree.write(QStringLiteral("docs/guide.md"),
                     QStringLiteral("# Guide\n\n## Install\n\nThe okapi keeps its installer in the barn.\n"));
        qunsetenv("OPENAI_API_KEY");
        const auto ingested = cli({QStringLiteral("ingest"), QStringLiteral("--collection"),
                                   QStringLiteral("docs"), m_tree.filePath(QStringLiteral("docs"))});
        QVERIFY2(ingested.exitCode == 0, qPrintable(ingested.describe({QStringLiteral("ingest")})));
    }

    void nothingKeepsTheKeyOrTheQuestionText() {
        FakeOpenAiServer server;
        FakeOpenAiServer elsewhere;
        QVERIFY(server.isListening() && elsewhere.isListening());
        server.setRequiredApiKey(kKey);
        server.setRedirectTarget(QStringLiteral("http://127.0.0.1:%1").arg(elsewhere.port()));
        qputenv("OPENAI_API_KEY", kKey.toUtf8());
        // A refused key echoed back, a redirect to another origin, a proxy page listing the headers (then
        // an answer on the retry), and a normal answer: each question its own, so none comes from the cache.
        int n = 0;
        for (FakeFault fault :
             {FakeFault::EchoKey, FakeFault::Redirect, FakeFault::EchoHeaders, FakeFault::None}) {
            if (fault != FakeFault::None)
                server.enqueueFault(fault);
            const QStringList ask{QStringLiteral("ask"),  QStringLiteral("--base-url"),
                                  server.baseUrl(),       QStringLiteral("--collection"),
                                  QStringLiteral("docs"), kQuestion + QStringLiteral(" (%1)").arg(++n)};
            const CliProcess::Run r = cli(ask);
            QVERIFY2(!r.hung(), qPrintable(r.describe(ask)));
        }
        qunsetenv("OPENAI_API_KEY");
        QVERIFY2(server.pendingFaultCount() == 0, m_printed.join('\n').constData());
        QCOMPARE(server.totalRequestCount(), 5);    // the 502 was tried again, the redirect was not
        QCOMPARE(elsewhere.totalRequestCount(), 0); // the redirect was not followed: no key went there

        // The exports: every conversation as JSON.
        const auto list = cli({QStringLiteral("history"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray conversations =
            QJsonDocument::fromJson(list.out).object().value(QStringLiteral("conversations")).toArray();
        QVERIFY(!conversations.isEmpty());
        for (const QJsonValue& c : conversations) {
            const auto shown = cli({QStringLiteral("history"), QStringLiteral("--json"),
                                    QString::number(c.toObject().value(QStringLiteral("id")).toInteger())});
            QCOMPARE(shown.exitCode, 0);
        }
        const QByteArray printed = m_printed.join('\n');
        QVERIFY2(printed.contains("Incorrect API key provided"), printed.constData()); // the error was shown
        QVERIFY2(printed.contains("redirected"), printed.constData());

        // Every file of the data folder (database, its journal, indexes, logs) and all the CLI printed.
        QList<std::pair<QString, QByteArray>> kept{{QStringLiteral("the CLI's output"), printed}};
        QByteArray logs;
        for (QDirIterator it(m_data, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
             it.hasNext();) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            kept.append({file.fileName(), bytes});
            if (file.fileName().contains(QLatin1String("/logs/")))
                logs += bytes;
        }
        QVERIFY(kept.size() > 2);
        for (const auto& [where, bytes] : kept) {
            for (const QByteArray& trace : keyTraces())
                QVERIFY2(!bytes.contains(trace), qPrintable(QStringLiteral("%1 holds %2").arg(where, trace)));
        }
        // The log names what failed, never what was asked.
        QVERIFY2(!logs.isEmpty(), "no log was written");
        QVERIFY2(logs.contains("HTTP 401") || logs.contains("refused"), logs.constData());
        QVERIFY2(!logs.contains("okapi-question-marker-4471"), logs.constData());
    }
};

QTEST_GUILESS_MAIN(TestDocragCliSecrets)
#include "test_docrag_cli_secrets.moc"
