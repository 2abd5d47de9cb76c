#include "engine/store/database.h"

#include "engine/core/logging.h"
#include "engine/store/fts_ranker.h"
#include "engine/store/sql_error.h"
#include "engine/store/sqlite_handle.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <sys/statvfs.h>
#include <unistd.h>

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

bool isBusy(const QSqlError& error) {
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), whatever the message's wording.
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6") ||
           error.databaseText().contains(QLatin1String("locked"));
}

// WAL is a property of the file: set once, every later connection inherits it. Switching a new file
// to WAL needs it to itself for a moment, and SQLite does not always wait for that through the busy
// handler: when another process is creating the same file, wait for it here.
Status enableWal(QSqlDatabase& db, const QString& filePath) {
    QDeadlineTimer deadline(Database::kBusyTimeoutMs);
    for (;;) {
        QSqlQuery wal(db);
        if (wal.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && wal.next())
            return {};
        if (!isBusy(wal.lastError()) || deadline.hasExpired())
            return Error{ErrorCode::Database, QStringLiteral("%1 is not a DocRag database: %2")
                                                  .arg(filePath, wal.lastError().databaseText())};
        QThread::msleep(20);
    }
}

// Whether this process may write the file and the folder it lives in (SQLite writes its WAL and
// shared-memory files there): a read-only mount, or permissions, say no.
bool writable(const QFileInfo& file) {
    const QByteArray folder = QFile::encodeName(file.absolutePath());
    struct statvfs fs {};
    if (::statvfs(folder.constData(), &fs) == 0 && (fs.f_flag & ST_RDONLY))
        return false;
    return ::access(folder.constData(), W_OK) == 0 &&
           ::access(QFile::encodeName(file.absoluteFilePath()).constData(), W_OK) == 0;
}

} // namespace

Database::Database(QString filePath, bool readOnly)
    : m_filePath(std::move(filePath))
    , m_connectionPrefix(QStringLiteral("docrag-%1-").arg(s_nextInstance++))
    , m_readOnly(readOnly) {}

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

    const bool readOnly = info.exists() && !writable(info);
    std::unique_ptr<Database> database(new Database(info.absoluteFilePath(), readOnly));
    auto db = database->openConnection();
    if (!db)
        return db.error();
    if (readOnly) {
        // Nothing can be migrated here: a read-only file must already be of this version.
        const int version = database->schemaVersion();
        const int latest = migrations.empty() ? 0 : migrations.back().version;
        if (version != latest)
            return Error{ErrorCode::ReadOnly,
                         QStringLiteral("%1 is read-only and has schema version %2, not %3: open it once "
                                        "where it can be written")
                             .arg(filePath)
                             .arg(version)
                             .arg(latest)};
        return database;
    }
    if (Status wal = enableWal(*db, filePath); !wal)
        return wal.error();
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
    if (m_readOnly) {
        // Without its -wal and -shm files (gone after a clean close) a WAL database can be read from a
        // read-only folder only as immutable: nothing can change it there anyway.
        const bool walThere = QFileInfo::exists(m_filePath + QStringLiteral("-wal")) &&
                              QFileInfo::exists(m_filePath + QStringLiteral("-shm"));
        QUrl uri = QUrl::fromLocalFile(m_filePath);
        uri.setQuery(walThere ? QStringLiteral("mode=ro") : QStringLiteral("mode=ro&immutable=1"));
        db.setDatabaseName(uri.toString());
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    } else {
        db.setDatabaseName(m_filePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    }
    if (!db.open())
        return SqlError::from(db.lastError(), "opening the database");
    // Per-connection settings. NORMAL sync is safe in WAL mode: a crash can lose the last commits
    // but never corrupts the file, and every file's transaction is either all there or absent.
    // No memory map: each connection (one per thread) maps the file anew, so the pages a search reads
    // were resident once per thread that read them: 265 MB after 100 searches of the Python and Qt
    // docs, 139 MB with reads through the page cache, at the same speed (BENCHMARKS.md).
    static const char* const pragmas[] = {
        "PRAGMA foreign_keys=ON",   "PRAGMA synchronous=NORMAL", "PRAGMA temp_store=MEMORY",
        "PRAGMA cache_size=-32768", "PRAGMA mmap_size=0",
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
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    for (const Migration& migration : migrations) {
        // Each step reads the version under the write lock, so two processes opening a new data
        // folder at once apply it once: the second finds it done.
        bool applied = false;
        Status step = transaction([&](QSqlDatabase& db) -> Status {
            QSqlQuery version(db);
            if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next())
                return Error{ErrorCode::Database, QStringLiteral("%1 is not a readable database: %2")
                                                      .arg(m_filePath, version.lastError().databaseText())};
            const int current = version.value(0).toInt();
            if (current > latest)
                return Error{
                    ErrorCode::Unsupported,
                    QStringLiteral("%1 has schema version %2, newer than this DocRag understands (%3)")
                        .arg(m_filePath)
                        .arg(current)
                        .arg(latest)};
            if (migration.version <= current)
                return {};
            for (const QString& statement : migration.statements) {
                if (Status s = exec(db, statement, "migrating the schema"); !s)
                    return Error{s.error().code, QStringLiteral("migration %1 (%2): %3")
                                                     .arg(migration.version)
                                                     .arg(migration.description, s.error().message)};
            }
            applied = true;
            return exec(db, QStringLiteral("PRAGMA user_version=%1").arg(migration.version),
                        "recording the version");
        });
        if (!step)
            return step;
        if (applied)
            Logging::get("docrag.store")->info("migrated {} to schema {}", m_filePath, migration.version);
    }
    if (migrations.empty() && schemaVersion() < 0)
        return Error{ErrorCode::Database, QStringLiteral("%1 is not a readable database").arg(m_filePath)};
    return {};
}

Result<QString> Database::quickCheck(int timeoutMs) {
    QSqlDatabase db = connection();
    sqlite3* sqlite = sqliteHandle(db);
    if (!sqlite)
        return Error{ErrorCode::Database, QStringLiteral("the database %1 is not open").arg(m_filePath)};
    // SQLite calls the handler every 1000 virtual machine steps; a non-zero answer interrupts the check.
    QDeadlineTimer deadline(timeoutMs);
    sqlite3_progress_handler(
        sqlite, 1000, [](void* d) { return static_cast<QDeadlineTimer*>(d)->hasExpired() ? 1 : 0; },
        &deadline);
    QSqlQuery check(db);
    const bool ran = check.exec(QStringLiteral("PRAGMA quick_check(20)"));
    QStringList problems;
    while (ran && check.next())
        problems << check.value(0).toString();
    const QSqlError error = check.lastError();
    check.finish();
    sqlite3_progress_handler(sqlite, 0, nullptr, nullptr);
    if (deadline.hasExpired() && (!ran || error.isValid()))
        return Error{ErrorCode::Timeout,
                     QStringLiteral("the integrity check did not finish within %1 ms").arg(timeoutMs)};
    if (!ran || error.isValid())
        return Error{ErrorCode::Corrupt,
                     QStringLiteral("the integrity check failed: %1").arg(error.databaseText())};
    return problems.join(QStringLiteral("; "));
}

Status Database::transaction(const std::function<Status(QSqlDatabase&)>& work) {
    if (m_readOnly)
        return Error{ErrorCode::ReadOnly,
                     QStringLiteral("the data folder %1 is read-only: nothing can be stored there")
                         .arg(QFileInfo(m_filePath).absolutePath())};
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return Error{ErrorCode::Database, QStringLiteral("the database %1 is not open").arg(m_filePath)};
    QElapsedTimer elapsed;
    elapsed.start();
    struct Report {
        const std::function<void(qint64)>& timer;
        const QElapsedTimer& elapsed;
        ~Report() {
            if (timer)
                timer(elapsed.nsecsElapsed() / 1000);
        }
    } report{m_transactionTimer, elapsed};
    // IMMEDIATE: the write lock is taken now, waiting (busy timeout) for another writer to finish. A
    // deferred BEGIN that reads first and writes later cannot wait: SQLite fails it at once when
    // another connection wrote in between.
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (isBusy(begin.lastError()))
            return Error{ErrorCode::Database,
                         QStringLiteral("the database %1 stayed locked by another writer for %2 s")
                             .arg(m_filePath)
                             .arg(kBusyTimeoutMs / 1000)};
        return SqlError::from(begin, "starting a transaction");
    }
    Status result = work(db);
    if (result.ok()) {
        QSqlQuery commit(db);
        if (!commit.exec(QStringLiteral("COMMIT")))
            result = SqlError::from(commit, "committing");
    }
    if (!result.ok())
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
    return result;
}

} // namespace docrag
