#include "engine/library/library_sync.h"
#include "engine/library/team_libraries.h"
#include "tests/support/team_library_rig.h"

#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <map>

using namespace docrag;

// Replicas of a team library on a real PostgreSQL server: made of whole files whatever happens to the
// writer or the server, resumed where a sync stopped, and searchable while the library is away.
class TestLibrarySync final : public QObject {
    Q_OBJECT

private:
    test::TeamLibraryRig m_rig;

    static qint64 position(RagEngine& engine, const QString& collection) {
        auto all = engine.collections();
        for (const CollectionInfo& info : *all)
            if (info.collection.name == collection)
                return info.collection.libraryVersion;
        return -1;
    }

private slots:
    void initTestCase() { QVERIFY2(m_rig.start(), qPrintable(m_rig.server().error())); }

    void aReplicaSyncedDuringAnIngestSeesOnlyWholeFiles() {
        const QString url = m_rig.freshLibrary();
        QVERIFY(!url.isEmpty());
        const QString folder = m_rig.writePages(QStringLiteral("during/docs"), 120, QStringLiteral("puffin"));
        auto writer = m_rig.engine(QStringLiteral("during/writer"));
        auto reader = m_rig.engine(QStringLiteral("during/reader"));
        QVERIFY(writer && reader);
        // The collection exists before the reader subscribes: one file shared first.
        QVERIFY(writer->ingest(
            test::TeamLibraryRig::sharing("docs", folder + QStringLiteral("/puffin0.md"), url)));
        QVERIFY(reader->libraries().subscribe(url));
        auto sharing = QtConcurrent::run(
            [&] { return writer->ingest(test::TeamLibraryRig::sharing("docs", folder, url)); });
        // Sync again and again while the writer sends its files: every file here has all its passages.
        std::vector<std::map<QString, int>> seen;
        while (!sharing.isFinished()) {
            auto synced = reader->syncLibrary(url);
            QVERIFY2(synced, qPrintable(synced ? QString() : synced.error().message));
            seen.push_back(test::TeamLibraryRig::passages(*reader, QStringLiteral("docs")));
        }
        auto shared = sharing.result();
        QVERIFY2(shared, qPrintable(shared ? QString() : shared.error().message));
        QVERIFY(reader->syncLibrary(url));
        seen.push_back(test::TeamLibraryRig::passages(*reader, QStringLiteral("docs")));
        const std::map<QString, int> whole = test::TeamLibraryRig::passages(*writer, QStringLiteral("docs"));
        QCOMPARE(whole.size(), size_t(120));
        QCOMPARE(seen.back(), whole);
        int partial = 0;
        for (const auto& state : seen) {
            for (const auto& [path, count] : state)
                QCOMPARE(count, whole.at(path));
            partial += state.size() > 1 && state.size() < whole.size() ? 1 : 0;
        }
        // The syncs did overlap the writer's (else this test proves nothing).
        QVERIFY2(partial > 0, qPrintable(QStringLiteral("%1 syncs, none in the middle").arg(seen.size())));
    }

    void aSyncCutShortByTheServerResumesWhereItStopped() {
        test::TeamLibraryRig::Shared shared;
        const QString failed =
            m_rig.shareFresh(QStringLiteral("crash"), 150, QStringLiteral("gannet"), shared);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QString& url = shared.url;
        RagEngine* writer = shared.writer.get();
        RagEngine* reader = shared.reader.get();
        const std::map<QString, int> whole = test::TeamLibraryRig::passages(*writer, QStringLiteral("docs"));
        QVERIFY(reader->libraries().subscribe(url));

        // The server dies once the first files are in.
        int progressCalls = 0;
        auto cut = reader->syncLibrary(url, {}, [&](const LibrarySyncProgress&) {
            if (++progressCalls == 1)
                m_rig.server().crash();
        });
        QVERIFY(!cut);
        QCOMPARE(cut.error().code, ErrorCode::Network);
        QVERIFY2(cut.error().message.contains(QLatin1String("cannot reach")),
                 qPrintable(cut.error().message));
        // What arrived is whole files, the position says how far, and it is searchable.
        const std::map<QString, int> partial =
            test::TeamLibraryRig::passages(*reader, QStringLiteral("docs"));
        QVERIFY(!partial.empty());
        QVERIFY(partial.size() < whole.size());
        for (const auto& [path, count] : partial)
            QCOMPARE(count, whole.at(path));
        QVERIFY(position(*reader, QStringLiteral("docs")) >= static_cast<qint64>(partial.size()));
        QVERIFY(
            test::TeamLibraryRig::finds(*reader, QStringLiteral("gannet0"), QStringLiteral("gannet0.md")));

        QVERIFY2(m_rig.server().start(), qPrintable(m_rig.server().error()));
        auto resumed = reader->syncLibrary(url);
        QVERIFY2(resumed, qPrintable(resumed ? QString() : resumed.error().message));
        QCOMPARE(resumed->filesUpdated, static_cast<int>(whole.size() - partial.size()));
        QCOMPARE(test::TeamLibraryRig::passages(*reader, QStringLiteral("docs")), whole);
    }

    void aWrongPasswordOrNoServerIsOneClearMessageAndTheReplicaKeepsServing() {
        test::TeamLibraryRig::Shared shared;
        const QString failed = m_rig.shareFresh(QStringLiteral("away"), 3, QStringLiteral("kestrel"), shared);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QString& url = shared.url;
        RagEngine* reader = shared.reader.get();
        QVERIFY(reader->libraries().subscribe(url));
        QVERIFY(reader->syncLibrary(url));
        const qint64 syncedAt = reader->libraries().find(url)->syncedAtMs;

        QString wrong = url;
        wrong.replace(QLatin1String(test::PostgresServer::kAdminPassword),
                      QStringLiteral("not-the-password"));
        auto refused = reader->syncLibrary(wrong);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Auth);
        QVERIFY2(refused.error().message.contains(QLatin1String("refused the password")),
                 qPrintable(refused.error().message));
        QVERIFY(!refused.error().message.contains(QLatin1Char('\n')));
        QVERIFY(!refused.error().message.contains(QLatin1String("not-the-password")));
        QVERIFY(
            test::TeamLibraryRig::finds(*reader, QStringLiteral("kestrel1"), QStringLiteral("kestrel1.md")));

        m_rig.server().stop();
        auto away = reader->syncLibrary(url);
        QVERIFY2(m_rig.server().start(), qPrintable(m_rig.server().error()));
        QVERIFY(!away);
        QCOMPARE(away.error().code, ErrorCode::Network);
        QVERIFY2(
            away.error().message.startsWith(QLatin1String("cannot reach the team library postgresql://")),
            qPrintable(away.error().message));
        QVERIFY(!away.error().message.contains(QLatin1Char('\n')));
        QVERIFY(
            test::TeamLibraryRig::finds(*reader, QStringLiteral("kestrel2"), QStringLiteral("kestrel2.md")));
        // The library's record says when it last worked and why the last try did not.
        auto library = reader->libraries().find(url);
        QCOMPARE(library->syncedAtMs, syncedAt);
        QCOMPARE(library->lastError, away.error().message);
    }

    // A collection deleted from the library goes from the replicas; one made again under the same name
    // replaces the old replica rather than mixing with it.
    void aCollectionDeletedOrMadeAgainThereIsFollowed() {
        test::TeamLibraryRig::Shared shared;
        const QString failed = m_rig.shareFresh(QStringLiteral("again"), 3, QStringLiteral("knot"), shared);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        RagEngine& reader = *shared.reader;
        QVERIFY(reader.libraries().subscribe(shared.url));
        QVERIFY(reader.syncLibrary(shared.url));
        QCOMPARE(test::TeamLibraryRig::passages(reader, QStringLiteral("docs")).size(), size_t(3));

        QVERIFY(m_rig.server().exec(QStringLiteral("DELETE FROM collections WHERE name = 'docs'"), shared.database));
        auto synced = reader.syncLibrary(shared.url);
        QVERIFY2(synced, qPrintable(synced ? QString() : synced.error().message));
        QCOMPARE(synced->removedCollections, QStringList{QStringLiteral("docs")});
        QVERIFY(reader.collections()->empty());

        // Made again from another folder: the replica holds that folder's files only.
        const QString other = m_rig.writePages(QStringLiteral("again/other"), 2, QStringLiteral("sanderling"));
        auto writer = m_rig.engine(QStringLiteral("again/second-writer"));
        QVERIFY(writer && writer->ingest(test::TeamLibraryRig::sharing("docs", other, shared.url)));
        QVERIFY(reader.syncLibrary(shared.url));
        auto held = test::TeamLibraryRig::passages(reader, QStringLiteral("docs"));
        QCOMPARE(held.size(), size_t(2));
        for (const auto& [path, count] : held)
            QVERIFY2(path.startsWith(other), qPrintable(path));

        // Deleted and made again between two syncs: the replica is rebuilt, not merged.
        QVERIFY(m_rig.server().exec(QStringLiteral("DELETE FROM collections WHERE name = 'docs'"), shared.database));
        QVERIFY(shared.writer->ingest(test::TeamLibraryRig::sharing("docs", shared.folder, shared.url)));
        QVERIFY(reader.syncLibrary(shared.url));
        held = test::TeamLibraryRig::passages(reader, QStringLiteral("docs"));
        QCOMPARE(held.size(), size_t(3));
        for (const auto& [path, count] : held)
            QVERIFY2(path.startsWith(shared.folder), qPrintable(path));
    }

    void aReadOnlyRoleIsEnoughToSync() {
        test::TeamLibraryRig::Shared shared;
        const QString failed = m_rig.shareFresh(QStringLiteral("reader"), 2, QStringLiteral("egret"), shared);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QString& database = shared.database;
        const QString& folder = shared.folder;
        RagEngine* reader = shared.reader.get();
        // The GRANTs of the guide's team section.
        for (const QString& sql :
             {QStringLiteral("CREATE ROLE docs_reader LOGIN PASSWORD 'reader-secret'"),
              QStringLiteral("GRANT CONNECT ON DATABASE %1 TO docs_reader").arg(database)})
            QVERIFY2(m_rig.server().exec(sql), qPrintable(m_rig.server().error()));
        for (const QString& sql :
             {QStringLiteral("GRANT USAGE ON SCHEMA public TO docs_reader"),
              QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO docs_reader"),
              QStringLiteral("GRANT INSERT ON feedback TO docs_reader"),
              QStringLiteral("GRANT USAGE ON SEQUENCE feedback_id_seq TO docs_reader")})
            QVERIFY2(m_rig.server().exec(sql, database), qPrintable(m_rig.server().error()));
        const QString readerUrl =
            m_rig.server().url(database, QStringLiteral("docs_reader"), QStringLiteral("reader-secret"));
        QVERIFY(reader->libraries().subscribe(readerUrl));
        auto synced = reader->syncLibrary(readerUrl);
        QVERIFY2(synced, qPrintable(synced ? QString() : synced.error().message));
        QCOMPARE(synced->filesUpdated, 2);
        QVERIFY(test::TeamLibraryRig::finds(*reader, QStringLiteral("egret1"), QStringLiteral("egret1.md")));
        // And it cannot write: sharing into the library is refused with a clear message.
        auto refused = reader->ingest(test::TeamLibraryRig::sharing("docs", folder, readerUrl));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("does not allow")),
                 qPrintable(refused.error().message));
    }
};

QTEST_GUILESS_MAIN(TestLibrarySync)
#include "test_library_sync.moc"
