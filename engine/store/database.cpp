#include "engine/store/database.h"

#include "engine/core/logging.h"
#include "engine/metrics/performance_monitor.h"
#include "engine/store/fts_ranker.h"
#include "engine/store/sql_error.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace docrag {
namespace {

std::atomic<quint64> s_nextInstance{1};
std::atomic<quint64> s_nextThread{1};

// A serial per thread that is never reused, unlike thread ids, so a connection name can never be
// picked up by a later thread that happens to get the same id.
quint64 threadSerial() {
    thread_local const quint64 serial = s_nextThread++;
    return serial;
}

Status exec(QSqlDatabase& db, const QString& sql, const char* context) {
    QSqlQuery query(db);
    if (!query.exec(sql))
        return SqlError::from(query, context);
    return {};
}

} // namespace

Database::Database(QString filePath)
    : m_filePath(std::move(filePath))
    , m_connectionPrefix(QStringLiteral("docrag-%1-").arg(s_nextInstance++)) {}

Database::~Database() {
    QMutexLocker lock(&m_mutex);
    // Connections of other threads cannot be fetched from here (QtSql refuses); removing them by
    // name is allowed and closes them.
    for (const QString& name : std::as_const(m_connectionNames))
        QSqlDatabase::removeDatabase(name);
}

Result<std::unique_ptr<Database>> Database::open(const QString& filePath,
                                                 const std::vector<Migration>& migrations) {
    const QFileInfo info(filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{ErrorCode::Io,
                     QStringLiteral("cannot create the directory %1").arg(info.absolutePath())};

    std::unique_ptr<Database> database(new Database(info.absoluteFilePath()));
    auto db = database->openConnection();
    if (!db)
        return db.error();
    // WAL is a property of the file: set once here, every later connection inherits it.
    {
        QSqlQuery wal(*db);
        if (!wal.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !wal.next())
            return Error{ErrorCode::Database, QStringLiteral("%1 is not a DocRag database: %2")
                                                  .arg(filePath, wal.lastError().databaseText())};
    }
    if (Status migrated = database->migrate(migrations); !migrated)
        return migrated.error();
    return database;
}

QSqlDatabase Database::connection() {
    const QString name = m_connectionPrefix + QString::number(threadSerial());
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    auto opened = openConnection();
    if (!opened) {
        Logging::get("docrag.store")->error("cannot open {}: {}", m_filePath, opened.error().message);
        return QSqlDatabase::database(name, false);
    }
    return *opened;
}

Result<QSqlDatabase> Database::openConnection() {
    const QString name = m_connectionPrefix + QString::number(threadSerial());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    {
        QMutexLocker lock(&m_mutex);
        m_connectionNames << name;
    }
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return SqlError::from(db.lastError(), "opening the database");
    // Per-connection settings. NORMAL sync is safe in WAL mode: a crash can lose the last commits
    // but never corrupts the file, and every file's transaction is either all there or absent.
    static const char* const pragmas[] = {
        "PRAGMA foreign_keys=ON",   "PRAGMA synchronous=NORMAL",  "PRAGMA temp_store=MEMORY",
        "PRAGMA cache_size=-32768", "PRAGMA mmap_size=268435456",
    };
    for (const char* pragma : pragmas) {
        if (Status s = exec(db, QString::fromLatin1(pragma), "configuring the connection"); !s)
            return s.error();
    }
    if (Status s = m_ranker.install(db); !s)
        return s.error();
    return db;
}

int Database::schemaVersion() {
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

Status Database::migrate(const std::vector<Migration>& migrations) {
    const int current = schemaVersion();
    if (current < 0)
        return Error{ErrorCode::Database, QStringLiteral("%1 is not a readable database").arg(m_filePath)};
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    if (current > latest) {
        return Error{ErrorCode::Unsupported,
                     QStringLiteral("%1 has schema version %2, newer than this DocRag understands (%3)")
                         .arg(m_filePath)
                         .arg(current)
                         .arg(latest)};
    }
    for (const Migration& migration : migrations) {
        if (migration.version <= current)
            continue;
        Status applied = transaction([&](QSqlDatabase& db) -> Status {
            for (const QString& statement : migration.statements) {
                if (Status s = exec(db, statement, "migrating the schema"); !s)
                    return Error{s.error().code, QStringLiteral("migration %1 (%2): %3")
                                                     .arg(migration.version)
                                                     .arg(migration.description, s.error().message)};
            }
            return exec(db, QStringLiteral("PRAGMA user_version=%1").arg(migration.version),
                        "recording the version");
        });
        if (!applied)
            return applied;
        Logging::get("docrag.store")->info("migrated {} to schema {}", m_filePath, migration.version);
    }
    return {};
}

Status Database::transaction(const std::function<Status(QSqlDatabase&)>& work) {
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return Error{ErrorCode::Database, QStringLiteral("the database %1 is not open").arg(m_filePath)};
    const auto timer =
        PerformanceMonitor::ScopedTimer(m_monitor, PerformanceMonitor::Operation::DatabaseTransaction);
    if (!db.transaction())
        return SqlError::from(db.lastError(), "starting a transaction");
    Status result = work(db);
    if (result.ok() && !db.commit())
        result = SqlError::from(db.lastError(), "committing");
    if (!result.ok())
        db.rollback();
    return result;
}

} // namespace docrag
