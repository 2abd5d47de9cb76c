#include "engine/library/team_libraries.h"
#include "engine/rag/rag_engine.h"
#include "tests/support/team_library_rig.h"

#include <QTest>

using namespace docrag;

// A team library end to end on a real PostgreSQL server: one data folder shares a collection, another
// subscribes and searches its replica, which follows edits and removals; the errors a user meets.
class TestTeamLibraries final : public QObject {
    Q_OBJECT

private:
    test::TeamLibraryRig m_rig;
    test::TempTree& m_tree = m_rig.tree();

    QString freshLibrary() { return m_rig.freshLibrary(); }
    std::unique_ptr<RagEngine> engine(const QString& name) { return m_rig.engine(name); }

    static QString page(const QString& word) {
        return QStringLiteral("# Page about %1\n\nThis page explains the %1 in detail.\n").arg(word);
    }

    static QStringList hitPaths(RagEngine& engine, const QString& query) {
        SearchOptions options;
        options.k = 5;
        QStringList out;
        auto hits = engine.search(query, options);
        if (hits)
            for (const Hit& h : *hits)
                out << h.path;
        return out;
    }

private slots:
    void initTestCase() { QVERIFY2(m_rig.start(), qPrintable(m_rig.server().error())); }

    void aSharedCollectionReachesASubscriberAndFollowsChanges() {
        const QString url = freshLibrary();
        QVERIFY2(!url.isEmpty(), qPrintable(m_rig.server().error()));
        m_tree.write(QStringLiteral("shared/docs/zebra.md"), page(QStringLiteral("zebra")));
        m_tree.write(QStringLiteral("shared/docs/walrus.md"), page(QStringLiteral("walrus")));
        auto writer = engine(QStringLiteral("shared/writer"));
        QVERIFY(writer);
        IngestRequest request;
        request.collection = QStringLiteral("animals");
        request.paths = {m_tree.filePath(QStringLiteral("shared/docs"))};
        request.library = url;
        auto ingested = writer->ingest(request);
        QVERIFY2(ingested, qPrintable(ingested ? QString() : ingested.error().message));
        QVERIFY(ingested->published);
        QCOMPARE(ingested->published->published, 2);
        // The request kept to resume the ingest names the library without its password.
        const QString stored = writer->collections()->front().collection.ingestRequestJson;
        QVERIFY2(stored.contains(QLatin1String("127.0.0.1")), qPrintable(stored));
        QVERIFY2(!stored.contains(QLatin1String(test::PostgresServer::kAdminPassword)), qPrintable(stored));

        auto reader = engine(QStringLiteral("shared/reader"));
        QVERIFY(reader);
        auto subscribed = reader->libraries().subscribe(url);
        QVERIFY2(subscribed, qPrintable(subscribed ? QString() : subscribed.error().message));
        QVERIFY(!subscribed->url.contains(QLatin1String(test::PostgresServer::kAdminPassword)));
        auto synced = reader->syncLibrary(url);
        QVERIFY2(synced, qPrintable(synced ? QString() : synced.error().message));
        QCOMPARE(synced->filesUpdated, 2);
        QVERIFY(hitPaths(*reader, QStringLiteral("zebra")).value(0).endsWith(QLatin1String("zebra.md")));

        // An edit and a removal on the writer's side arrive with the next sync, and nothing else does.
        m_tree.write(QStringLiteral("shared/docs/zebra.md"), page(QStringLiteral("okapi")));
        QVERIFY(m_tree.touch(QStringLiteral("shared/docs/zebra.md")));
        QVERIFY(m_tree.remove(QStringLiteral("shared/docs/walrus.md")));
        ingested = writer->ingest(request);
        QVERIFY2(ingested, qPrintable(ingested ? QString() : ingested.error().message));
        QCOMPARE(ingested->published->published, 1);
        QCOMPARE(ingested->published->removed, 1);
        synced = reader->syncLibrary(url);
        QVERIFY2(synced, qPrintable(synced ? QString() : synced.error().message));
        QCOMPARE(synced->filesUpdated, 1);
        QCOMPARE(synced->filesRemoved, 1);
        QVERIFY(hitPaths(*reader, QStringLiteral("okapi")).value(0).endsWith(QLatin1String("zebra.md")));
        QVERIFY(!hitPaths(*reader, QStringLiteral("walrus"))
                     .join(QLatin1Char(' '))
                     .contains(QLatin1String("walrus.md")));

        // A replica is written by its library alone.
        IngestRequest local = request;
        local.library.clear();
        auto refused = reader->ingest(local);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QLatin1String("replica")));
    }

    // The roles and GRANTs of the guide (docs/team-library.md): a writer creates the tables with its
    // first share; a reader syncs and sends feedback with nothing more.
    void theGuidesRolesAreEnough() {
        test::PostgresServer& server = m_rig.server();
        for (const char* sql :
             {"CREATE DATABASE team_docs", "CREATE ROLE docs_writer LOGIN PASSWORD 'w-secret'",
              "CREATE ROLE docs_reader LOGIN PASSWORD 'r-secret'",
              "GRANT CONNECT, CREATE ON DATABASE team_docs TO docs_writer",
              "GRANT CONNECT ON DATABASE team_docs TO docs_reader"})
            QVERIFY2(server.exec(QLatin1String(sql)), qPrintable(server.error()));
        for (const char* sql :
             {"GRANT CREATE, USAGE ON SCHEMA public TO docs_writer",
              "GRANT USAGE ON SCHEMA public TO docs_reader",
              "ALTER DEFAULT PRIVILEGES FOR ROLE docs_writer IN SCHEMA public GRANT SELECT ON TABLES "
              "TO docs_reader"})
            QVERIFY2(server.exec(QLatin1String(sql), QStringLiteral("team_docs")),
                     qPrintable(server.error()));
        const QString writerUrl = server.url(QStringLiteral("team_docs"), QStringLiteral("docs_writer"),
                                             QStringLiteral("w-secret"));
        const QString readerUrl = server.url(QStringLiteral("team_docs"), QStringLiteral("docs_reader"),
                                             QStringLiteral("r-secret"));
        const QString folder = m_rig.writePages(QStringLiteral("guide/docs"), 2, QStringLiteral("curlew"));
        auto writer = engine(QStringLiteral("guide/writer"));
        auto reader = engine(QStringLiteral("guide/reader"));
        QVERIFY(writer && reader);
        auto shared =
            writer->ingest(test::TeamLibraryRig::sharing(QStringLiteral("docs"), folder, writerUrl));
        QVERIFY2(shared, qPrintable(shared ? QString() : shared.error().message));
        for (const char* sql : {"GRANT SELECT ON ALL TABLES IN SCHEMA public TO docs_reader",
                                "GRANT INSERT ON feedback TO docs_reader",
                                "GRANT USAGE ON SEQUENCE feedback_id_seq TO docs_reader"})
            QVERIFY2(server.exec(QLatin1String(sql), QStringLiteral("team_docs")),
                     qPrintable(server.error()));
        QVERIFY(reader->libraries().subscribe(readerUrl));
        QVERIFY(reader->libraries().setShareFeedback(readerUrl, true));
        auto synced = reader->syncLibrary(readerUrl);
        QVERIFY2(synced, qPrintable(synced ? QString() : synced.error().message));
        QCOMPARE(synced->filesUpdated, 2);
        QVERIFY(hitPaths(*reader, QStringLiteral("curlew1")).value(0).endsWith(QLatin1String("curlew1.md")));
    }
};

QTEST_GUILESS_MAIN(TestTeamLibraries)
#include "test_team_libraries.moc"
