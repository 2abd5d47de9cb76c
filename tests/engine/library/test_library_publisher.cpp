#include "engine/library/library_connection.h"
#include "engine/library/library_publisher.h"
#include "engine/library/library_url.h"
#include "engine/library/team_libraries.h"
#include "tests/support/team_library_rig.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <map>

using namespace docrag;

// Sharing collections in a team library on a real PostgreSQL server: writers of one collection take
// turns, every file lands whole with its change-log entry, and nothing of another writer is lost.
class TestLibraryPublisher final : public QObject {
    Q_OBJECT

private:
    test::TeamLibraryRig m_rig;

    static LibraryConnection connect(const QString& url) {
        auto connection = test::TeamLibraryRig::connect(url);
        if (!connection)
            qFatal("%s", qPrintable(connection.error().message));
        return std::move(*connection);
    }

    // Passages per document path in the library's collection.
    static std::map<QString, int> passagesThere(LibraryConnection& library, const QString& collection) {
        QSqlQuery q(library.database());
        q.prepare(
            QStringLiteral("SELECT d.path, COUNT(p.ordinal), MAX(p.ordinal) FROM documents d "
                           "JOIN collections c ON c.id = d.collection_id "
                           "LEFT JOIN passages p ON p.document_id = d.id WHERE c.name = ? GROUP BY d.path"));
        q.addBindValue(collection);
        std::map<QString, int> out;
        if (!q.exec())
            return out;
        while (q.next()) {
            // Ordinals 0..n-1: no passage of another version mixed in.
            if (q.value(2).toInt() != q.value(1).toInt() - 1)
                out[q.value(0).toString()] = -1;
            else
                out[q.value(0).toString()] = q.value(1).toInt();
        }
        return out;
    }

private slots:
    void initTestCase() { QVERIFY2(m_rig.start(), qPrintable(m_rig.server().error())); }

    void twoWritersOfOneCollectionLoseNothingAndInterleaveNoFile() {
        const QString url = m_rig.freshLibrary();
        QVERIFY(!url.isEmpty());
        const QString left = m_rig.writePages(QStringLiteral("two/left"), 40, QStringLiteral("heron"));
        const QString right = m_rig.writePages(QStringLiteral("two/right"), 40, QStringLiteral("otter"));
        auto first = m_rig.engine(QStringLiteral("two/first"));
        auto second = m_rig.engine(QStringLiteral("two/second"));
        QVERIFY(first && second);
        // Two machines share their folders into one collection at the same time.
        auto a = QtConcurrent::run(
            [&] { return first->ingest(test::TeamLibraryRig::sharing("docs", left, url)); });
        auto b = QtConcurrent::run(
            [&] { return second->ingest(test::TeamLibraryRig::sharing("docs", right, url)); });
        auto ra = a.result();
        auto rb = b.result();
        QVERIFY2(ra, qPrintable(ra ? QString() : ra.error().message));
        QVERIFY2(rb, qPrintable(rb ? QString() : rb.error().message));
        QCOMPARE(ra->published->published, 40);
        QCOMPARE(rb->published->published, 40);

        LibraryConnection library = connect(url);
        std::map<QString, int> expected = test::TeamLibraryRig::passages(*first, QStringLiteral("docs"));
        expected.merge(test::TeamLibraryRig::passages(*second, QStringLiteral("docs")));
        QCOMPARE(expected.size(), size_t(80));
        QCOMPARE(passagesThere(library, QStringLiteral("docs")), expected);

        // One writer at a time: each writer's changes are one unbroken run of versions, 1..80 in all.
        QSqlQuery q(library.database());
        QVERIFY(q.exec(QStringLiteral("SELECT version, path FROM changes ORDER BY version")));
        QStringList owners;
        qint64 version = 0;
        while (q.next()) {
            QCOMPARE(q.value(0).toLongLong(), ++version);
            const QString owner =
                q.value(1).toString().startsWith(left) ? QStringLiteral("L") : QStringLiteral("R");
            if (owners.isEmpty() || owners.last() != owner)
                owners << owner;
        }
        QCOMPARE(version, 80);
        QCOMPARE(owners.size(), 2);
    }

    void aWriterWaitsForTheOneHoldingTheCollection() {
        const QString url = m_rig.freshLibrary();
        QVERIFY(!url.isEmpty());
        const QString folder = m_rig.writePages(QStringLiteral("wait/docs"), 3, QStringLiteral("lynx"));
        auto engine = m_rig.engine(QStringLiteral("wait/data"));
        QVERIFY(engine);
        // The first share creates the collection; then another machine holds its lock.
        QVERIFY(engine->ingest(test::TeamLibraryRig::sharing("docs", folder, url)));
        LibraryConnection other = connect(url);
        QSqlQuery q(other.database());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM collections WHERE name = 'docs'")) && q.next());
        const qint64 id = q.value(0).toLongLong();
        QVERIFY(q.exec(QStringLiteral("SELECT pg_advisory_lock(%1, %2)").arg(0x646f6372).arg(id)));
        QVERIFY(q.exec(QStringLiteral("SELECT version FROM collections WHERE id = %1").arg(id)) && q.next());
        const qint64 before = q.value(0).toLongLong();

        m_rig.tree().write(QStringLiteral("wait/docs/lynx0.md"), QStringLiteral("# Lynx\n\nChanged text.\n"));
        QVERIFY(m_rig.tree().touch(QStringLiteral("wait/docs/lynx0.md")));
        auto publishing = QtConcurrent::run(
            [&] { return engine->ingest(test::TeamLibraryRig::sharing("docs", folder, url)); });
        QTest::qWait(600);
        QVERIFY(!publishing.isFinished());
        QVERIFY(q.exec(QStringLiteral("SELECT version FROM collections WHERE id = %1").arg(id)) && q.next());
        QCOMPARE(q.value(0).toLongLong(), before); // nothing written while the other holds it
        QVERIFY(q.exec(QStringLiteral("SELECT pg_advisory_unlock(%1, %2)").arg(0x646f6372).arg(id)));
        auto report = publishing.result();
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(report->published->waitedMs >= 200);
        QCOMPARE(report->published->published, 1);
        QCOMPARE(report->published->unchanged, 2);
    }

    // The scanner stores documents under the folders' real paths: a folder named through a symbolic
    // link is shared all the same.
    void aFolderNamedThroughASymlinkIsShared() {
        const QString url = m_rig.freshLibrary();
        QVERIFY(!url.isEmpty());
        const QString folder = m_rig.writePages(QStringLiteral("link/docs"), 3, QStringLiteral("snipe"));
        const QString link = m_rig.tree().filePath(QStringLiteral("link/through"));
        QVERIFY(QFile::link(folder, link));
        auto engine = m_rig.engine(QStringLiteral("link/data"));
        QVERIFY(engine);
        auto shared = engine->ingest(test::TeamLibraryRig::sharing("docs", link, url));
        QVERIFY2(shared, qPrintable(shared ? QString() : shared.error().message));
        QCOMPARE(shared->published->published, 3);
    }

    void aCollectionOfAnotherEmbedderIsRefused() {
        const QString url = m_rig.freshLibrary();
        QVERIFY(!url.isEmpty());
        const QString folder = m_rig.writePages(QStringLiteral("embedder/docs"), 1, QStringLiteral("ibis"));
        auto engine = m_rig.engine(QStringLiteral("embedder/data"));
        QVERIFY(engine);
        LibraryConnection library = connect(url);
        QVERIFY(engine->ingest(test::TeamLibraryRig::sharing("docs", folder, url)));
        QVERIFY(library.exec(QStringLiteral("UPDATE collections SET embedder_id = 'openai:other'"), "test"));
        m_rig.tree().write(QStringLiteral("embedder/docs/ibis0.md"), QStringLiteral("# Ibis\n\nNew.\n"));
        QVERIFY(m_rig.tree().touch(QStringLiteral("embedder/docs/ibis0.md")));
        auto refused = engine->ingest(test::TeamLibraryRig::sharing("docs", folder, url));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("openai:other")),
                 qPrintable(refused.error().message));
    }
};

QTEST_GUILESS_MAIN(TestLibraryPublisher)
#include "test_library_publisher.moc"
