#include "engine/library/library_connection.h"
#include "engine/library/library_schema.h"
#include "tests/support/team_library_rig.h"

#include <QSqlQuery>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace docrag;

// The library's tables on a real PostgreSQL server: made from empty, by two machines at once, and
// never touched by a DocRag older than they are.
class TestLibrarySchema final : public QObject {
    Q_OBJECT

private:
    test::TeamLibraryRig m_rig;

private slots:
    void initTestCase() { QVERIFY2(m_rig.start(), qPrintable(m_rig.server().error())); }

    void migratesFromEmpty() {
        const QString url = m_rig.freshLibrary();
        auto connection = test::TeamLibraryRig::connect(url);
        QVERIFY2(connection, qPrintable(connection ? QString() : connection.error().message));
        QCOMPARE(*LibrarySchema::version(*connection), 0);
        auto empty = LibrarySchema::check(*connection);
        QVERIFY(!empty);
        QVERIFY2(empty.error().message.contains(QLatin1String("nothing has been shared")),
                 qPrintable(empty.error().message));
        QVERIFY(LibrarySchema::migrate(*connection));
        QCOMPARE(*LibrarySchema::version(*connection), LibrarySchema::latestVersion());
        QVERIFY(LibrarySchema::check(*connection));
        QSqlQuery q(connection->database());
        for (const char* table : {"collections", "documents", "passages", "symbols", "changes", "feedback"}) {
            QVERIFY(q.exec(QStringLiteral("SELECT to_regclass('%1') IS NOT NULL").arg(QLatin1String(table))));
            QVERIFY(q.next());
            QVERIFY2(q.value(0).toBool(), table);
        }
        // Again: nothing to do.
        QVERIFY(LibrarySchema::migrate(*connection));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM docrag_schema")) && q.next());
        QCOMPARE(q.value(0).toInt(), LibrarySchema::latestVersion());
    }

    void twoMachinesMigratingAtOnceBothSucceed() {
        const QString url = m_rig.freshLibrary();
        const auto migrate = [&] {
            auto connection = test::TeamLibraryRig::connect(url);
            if (!connection)
                return connection.error().message;
            Status s = LibrarySchema::migrate(*connection);
            return s ? QString() : s.error().message;
        };
        auto a = QtConcurrent::run(migrate);
        auto b = QtConcurrent::run(migrate);
        QCOMPARE(a.result(), QString());
        QCOMPARE(b.result(), QString());
        auto connection = test::TeamLibraryRig::connect(url);
        QCOMPARE(*LibrarySchema::version(*connection), LibrarySchema::latestVersion());
    }

    void aNewerLibraryIsLeftAlone() {
        const QString url = m_rig.freshLibrary();
        auto connection = test::TeamLibraryRig::connect(url);
        QVERIFY(LibrarySchema::migrate(*connection));
        QVERIFY(connection->exec(
            QStringLiteral("INSERT INTO docrag_schema (version, description) VALUES (99, 'x')"), "test"));
        for (Status s : {LibrarySchema::migrate(*connection), LibrarySchema::check(*connection)}) {
            QVERIFY(!s);
            QCOMPARE(s.error().code, ErrorCode::Unsupported);
            QVERIFY2(s.error().message.contains(QLatin1String("newer DocRag")),
                     qPrintable(s.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestLibrarySchema)
#include "test_library_schema.moc"
