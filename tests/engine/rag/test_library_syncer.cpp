#include "engine/library/team_libraries.h"
#include "engine/rag/library_syncer.h"
#include "tests/support/team_library_rig.h"

#include <QSignalSpy>
#include <QTest>

using namespace docrag;

// The background syncer on a real PostgreSQL server: a round when started, another on demand and on
// its timer, progress and outcomes as signals, the server's absence as an outcome that names it.
class TestLibrarySyncer final : public QObject {
    Q_OBJECT

private:
    test::TeamLibraryRig m_rig;

private slots:
    void initTestCase() { QVERIFY2(m_rig.start(), qPrintable(m_rig.server().error())); }

    void syncsOnStartOnDemandAndOnItsTimer() {
        test::TeamLibraryRig::Shared shared;
        const QString failed = m_rig.shareFresh(QStringLiteral("bg"), 3, QStringLiteral("dunlin"), shared);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QString& url = shared.url;
        const QString& folder = shared.folder;
        RagEngine* writer = shared.writer.get();
        RagEngine* reader = shared.reader.get();
        QVERIFY(reader->libraries().subscribe(url));

        LibrarySyncer syncer(*reader, 1500);
        QSignalSpy started(&syncer, &LibrarySyncer::syncStarted);
        QSignalSpy progress(&syncer, &LibrarySyncer::syncProgress);
        QSignalSpy finished(&syncer, &LibrarySyncer::syncFinished);
        QSignalSpy rounds(&syncer, &LibrarySyncer::roundFinished);
        syncer.start();
        QVERIFY(rounds.wait(10000));
        QCOMPARE(started.count(), 1);
        QVERIFY(progress.count() >= 1);
        auto outcome = finished.takeFirst().at(0).value<LibrarySyncer::Outcome>();
        QCOMPARE(outcome.error, QString());
        QCOMPARE(outcome.filesUpdated, 3);
        QVERIFY(
            test::TeamLibraryRig::finds(*reader, QStringLiteral("dunlin2"), QStringLiteral("dunlin2.md")));
        // The replica's row says how fresh it is.
        auto collections = reader->collections();
        QVERIFY(collections->front().collection.syncedAtMs > 0);

        // A change shared meanwhile arrives with the timer's round.
        m_rig.tree().write(QStringLiteral("bg/docs/dunlin0.md"),
                           QStringLiteral("# Dunlin\n\nNow about sanderlings.\n"));
        QVERIFY(m_rig.tree().touch(QStringLiteral("bg/docs/dunlin0.md")));
        QVERIFY(writer->ingest(test::TeamLibraryRig::sharing(QStringLiteral("docs"), folder, url)));
        const auto updatedOne = [&] {
            for (const auto& args : finished)
                if (args.at(0).value<LibrarySyncer::Outcome>().filesUpdated == 1)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(updatedOne(), 10000);
        QVERIFY(test::TeamLibraryRig::finds(*reader, QStringLiteral("sanderlings"),
                                            QStringLiteral("dunlin0.md")));

        // Without a server: an outcome naming it, and the replica still answers.
        m_rig.server().stop();
        finished.clear();
        syncer.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15000);
        const QString error = finished.first().at(0).value<LibrarySyncer::Outcome>().error;
        QVERIFY2(m_rig.server().start(), qPrintable(m_rig.server().error()));
        QVERIFY2(error.startsWith(QLatin1String("cannot reach the team library")), qPrintable(error));
        QVERIFY(test::TeamLibraryRig::finds(*reader, QStringLiteral("sanderlings"),
                                            QStringLiteral("dunlin0.md")));

        QSignalSpy stopped(&syncer, &LibrarySyncer::stopped);
        syncer.stop();
        QVERIFY(stopped.count() == 1 || stopped.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestLibrarySyncer)
#include "test_library_syncer.moc"
