#include "engine/store/database.h"
#include "tests/support/temp_tree.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace docrag;

namespace {

QStringList tables(QSqlDatabase db) {
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name"));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

QVariant scalar(QSqlDatabase db, const QString& sql) {
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

} // namespace

class TestDatabase final : public QObject {
    Q_OBJECT

private slots:
    void createsTheLatestSchema() {
        test::TempTree dir;
        auto db = Database::open(dir.filePath(QStringLiteral("d.sqlite3")));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE((*db)->schemaVersion(), Migrations::latestVersion());
        const QStringList names = tables((*db)->connection());
        for (const char* table :
             {"collections", "documents", "chunks", "chunks_fts", "chunks_fts_source", "embeddings",
              "embedding_cache", "conversations", "messages", "response_cache"})
            QVERIFY2(names.contains(QLatin1String(table)), table);
        QCOMPARE(scalar((*db)->connection(), QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar((*db)->connection(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    }

    void reopeningKeepsDataAndDoesNotMigrateAgain() {
        test::TempTree dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite3"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO conversations (title, created_at, updated_at) "
                                          "VALUES ('kept', 1, 1)")));
        }
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QCOMPARE(scalar((*db)->connection(), QStringLiteral("SELECT title FROM conversations")).toString(),
                 QStringLiteral("kept"));
    }

    void aFailingMigrationChangesNothing() {
        test::TempTree dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite3"));
        const std::vector<Migration> first = {
            Migration{1, QStringLiteral("one"), {QStringLiteral("CREATE TABLE a (x INTEGER)")}}};
        QVERIFY(Database::open(path, first).ok());

        std::vector<Migration> broken = first;
        broken.push_back(
            Migration{2,
                      QStringLiteral("two"),
                      {QStringLiteral("CREATE TABLE b (y INTEGER)"), QStringLiteral("CREATE TABLE oops (")}});
        auto failed = Database::open(path, broken);
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().message.contains(QLatin1String("migration 2")));

        auto reopened = Database::open(path, first);
        QVERIFY(reopened.ok());
        QCOMPARE((*reopened)->schemaVersion(), 1);
        QVERIFY(!tables((*reopened)->connection()).contains(QStringLiteral("b")));
    }

    void aNewerSchemaIsRefused() {
        test::TempTree dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite3"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=99")));
        }
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::Unsupported);
        QVERIFY(db.error().message.contains(QLatin1String("99")));
    }

    void aFileThatIsNotADatabaseIsLeftAlone() {
        test::TempTree dir;
        const QByteArray junk = QByteArray("this is not a database, just text\n").repeated(200);
        const QString path = dir.write(QStringLiteral("d.sqlite3"), junk);
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), junk);
    }

    void eachThreadHasItsOwnConnection() {
        test::TempTree dir;
        auto db = Database::open(dir.filePath(QStringLiteral("d.sqlite3")));
        QVERIFY(db.ok());
        Database& database = **db;
        const QString here = database.connection().connectionName();
        const QString there =
            QtConcurrent::run([&] {
                QSqlDatabase c = database.connection();
                QSqlQuery q(c);
                return q.exec(QStringLiteral("SELECT COUNT(*) FROM chunks")) ? c.connectionName() : QString();
            }).result();
        QVERIFY(!there.isEmpty());
        QVERIFY(here != there);
    }

    void aFailedTransactionRollsBack() {
        test::TempTree dir;
        auto db = Database::open(dir.filePath(QStringLiteral("d.sqlite3")));
        QVERIFY(db.ok());
        Status s = (*db)->transaction([](QSqlDatabase& c) -> Status {
            QSqlQuery q(c);
            q.exec(QStringLiteral(
                "INSERT INTO conversations (title, created_at, updated_at) VALUES ('x', 1, 1)"));
            return Error{ErrorCode::Internal, QStringLiteral("changed my mind")};
        });
        QVERIFY(!s.ok());
        QCOMPARE(scalar((*db)->connection(), QStringLiteral("SELECT COUNT(*) FROM conversations")).toInt(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "test_database.moc"
