#include "engine/metrics/health_check.h"
#include "engine/rag/rag_engine.h"
#include "tests/support/fake_openai_server.h"
#include "tests/support/temp_tree.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

using namespace docrag;
using State = HealthCheckResult::State;

namespace {

const HealthCheckResult& check(const HealthReport& report, const QString& name) {
    for (const HealthCheckResult& c : report.checks) {
        if (c.name == name)
            return c;
    }
    static const HealthCheckResult none;
    return none;
}

} // namespace

class TestHealthCheck final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;

    std::unique_ptr<RagEngine> open(const QString& name, std::optional<OpenAiConfig> openai = {}) {
        EngineOptions options;
        options.dataDir = m_tree.filePath(name);
        options.openai = openai;
        auto engine = RagEngine::open(options);
        return engine ? std::move(*engine) : nullptr;
    }

    // Ingests the test tree's folder `folder` as a collection of that name.
    bool ingest(RagEngine& engine, const QString& folder) {
        IngestRequest request;
        request.collection = folder;
        request.paths = {m_tree.filePath(folder)};
        return engine.ingest(request).ok();
    }

private slots:
    void initTestCase() {
        m_tree.write(QStringLiteral("docs/a.md"), QStringLiteral("# A\n\nSome text about health checks.\n"));
    }

    void anOfflineEngineIsHealthy() {
        auto engine = open(QStringLiteral("offline"));
        QVERIFY(engine);
        QVERIFY(ingest(*engine, QStringLiteral("docs")));
        const HealthReport report = HealthCheck::run(engine->healthSubject());
        QVERIFY(report.ok());
        QCOMPARE(report.checks.size(), size_t(5));
        for (const HealthCheckResult& c : report.checks)
            QVERIFY2(c.state == State::Ok, qPrintable(c.name + QLatin1String(": ") + c.detail));
        QVERIFY(check(report, QStringLiteral("database")).detail.contains(QStringLiteral("1 collections")));
        QVERIFY(check(report, QStringLiteral("model_endpoint"))
                    .detail.contains(QStringLiteral("none configured")));
        QCOMPARE(report.toJson().value(QLatin1String("checks")).toArray().size(), 5);

        // A missing index file is a warning (it is rebuilt from the database), not a failure.
        QVERIFY(QFile::remove(QDir(m_tree.filePath(QStringLiteral("offline/indexes")))
                                  .filePath(QStringLiteral("collection-1.hnsw"))));
        const HealthReport later = HealthCheck::run(engine->healthSubject());
        QVERIFY(later.ok());
        QCOMPARE(check(later, QStringLiteral("index")).state, State::Warning);
    }

    // A database that opens and lists its collections can still be damaged where nothing read yet:
    // the check runs SQLite's quick_check (it used to say healthy here).
    void aDamagedDatabaseFailsTheCheck() {
        for (int i = 0; i < 120; ++i)
            m_tree.write(QStringLiteral("many/p%1.md").arg(i),
                         QStringLiteral("# Page %1\n\n%2\n")
                             .arg(i)
                             .arg(QStringLiteral("word%1 ").arg(i).repeated(300)));
        const QString path = m_tree.filePath(QStringLiteral("damaged/docrag.sqlite3"));
        {
            auto engine = open(QStringLiteral("damaged"));
            QVERIFY(engine);
            QVERIFY(ingest(*engine, QStringLiteral("many")));
            QVERIFY(HealthCheck::run(engine->healthSubject()).ok());
        }
        // Scribble over the pages of the stored vectors: nothing the old check read, and nothing a search
        // reads while the index file is there, but a rebuild would fail on them.
        QList<qint64> pages;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("pages"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral("SELECT pageno FROM dbstat WHERE name = 'embeddings' AND pagetype = 'leaf'")));
            while (q.next())
                pages << q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pages"));
        QVERIFY(pages.size() > 10);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        for (qsizetype i = 0; i < pages.size(); i += 2) {
            file.seek((pages[i] - 1) * 4096 + 8);
            file.write(QByteArray(64, '\x7f'));
        }
        file.close();
        auto engine = open(QStringLiteral("damaged"));
        QVERIFY(engine);
        const HealthReport report = HealthCheck::run(engine->healthSubject());
        QVERIFY(!report.ok());
        const HealthCheckResult& database = check(report, QStringLiteral("database"));
        QCOMPARE(database.state, State::Failed);
        QVERIFY2(!database.detail.isEmpty(), qPrintable(database.detail));
    }

    // An index file that does not match the database (damaged, or behind it) is a warning naming why.
    void aDamagedIndexIsNamed() {
        auto engine = open(QStringLiteral("index-damaged"));
        QVERIFY(engine);
        QVERIFY(ingest(*engine, QStringLiteral("docs")));
        QCOMPARE(check(HealthCheck::run(engine->healthSubject()), QStringLiteral("index")).state, State::Ok);
        QFile file(QDir(m_tree.filePath(QStringLiteral("index-damaged/indexes")))
                       .filePath(QStringLiteral("collection-1.hnsw")));
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(file.size() / 2);
        file.write("garbage");
        file.close();
        const HealthCheckResult index =
            check(HealthCheck::run(engine->healthSubject()), QStringLiteral("index"));
        QCOMPARE(index.state, State::Warning);
        QVERIFY2(index.detail.contains(QStringLiteral("checksum")), qPrintable(index.detail));
    }

    void theModelEndpointIsReachedWithItsLatency() {
        test::FakeOpenAiServer server;
        server.setLatency(30);
        OpenAiConfig config;
        config.baseUrl = QUrl(server.baseUrl());
        auto engine = open(QStringLiteral("online"), config);
        QVERIFY(engine);
        const HealthReport report = HealthCheck::run(engine->healthSubject());
        QVERIFY(report.ok());
        const HealthCheckResult& endpoint = check(report, QStringLiteral("model_endpoint"));
        QCOMPARE(endpoint.state, State::Ok);
        QVERIFY2(endpoint.latencyMs >= 30, qPrintable(QString::number(endpoint.latencyMs)));
        QVERIFY(endpoint.detail.contains(QStringLiteral("models")));
        QCOMPARE(server.requestCount(QStringLiteral("/v1/models")), 1);
    }

    void anUnreachableEndpointFailsWithinItsTimeout() {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort(); // closed again: nothing listens there now
        }
        OpenAiConfig config;
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        auto engine = open(QStringLiteral("unreachable"), config);
        QVERIFY(engine);
        const HealthReport report = HealthCheck::run(engine->healthSubject(), 500);
        QVERIFY(!report.ok());
        QCOMPARE(check(report, QStringLiteral("model_endpoint")).state, State::Failed);
        QVERIFY(report.elapsedMs < 5000);
        QCOMPARE(report.toJson().value(QLatin1String("ok")).toBool(), false);

        // A server that answers too late fails too.
        test::FakeOpenAiServer slow;
        slow.setLatency(2000);
        config.baseUrl = QUrl(slow.baseUrl());
        const auto timed = HealthCheck::probeEndpoint(config, 300);
        QVERIFY(!timed.ok());
    }
};

QTEST_GUILESS_MAIN(TestHealthCheck)
#include "test_health_check.moc"
