#pragma once

#include "engine/core/result.h"
#include "engine/store/fts_ranker.h"
#include "engine/store/migrations.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace docrag {

// The SQLite file: one QSqlDatabase connection per thread (QtSql connections must not cross
// threads), WAL so readers never wait for the writer, foreign keys on, versioned migrations.
class Database final {
public:
    // Opens or creates the file and migrates it to the newest schema. A file written by a newer
    // DocRag, or one that is not a database, is an error and is left untouched.
    static Result<std::unique_ptr<Database>>
    open(const QString& filePath, const std::vector<Migration>& migrations = Migrations::all());
    ~Database();
    Database(const Database&) = delete;
    // How long a writer waits for another one (of this or another process) to commit.
    static constexpr int kBusyTimeoutMs = 10000;
    Database& operator=(const Database&) = delete;

    // The calling thread's connection, opened on first use.
    QSqlDatabase connection();
    QString filePath() const { return m_filePath; }
    // The file or its folder cannot be written (a read-only mount, no permission): it is opened for
    // reading, and every transaction fails with ErrorCode::ReadOnly.
    bool readOnly() const { return m_readOnly; }
    int schemaVersion();
    // The ranking functions installed on every connection, and what they know of the terms.
    const FtsRanker& ranker() const { return m_ranker; }

    // Runs `work` in one transaction on the calling thread's connection: commit if it returns ok,
    // roll back otherwise, so a failure leaves what was stored before untouched. The write lock is
    // taken up front (BEGIN IMMEDIATE), waiting up to kBusyTimeoutMs for other writers.
    Status transaction(const std::function<Status(QSqlDatabase&)>& work);
    // PRAGMA quick_check on the calling thread's connection, given up after `timeoutMs`: "ok", or
    // what SQLite found wrong (an Error with code Timeout when it did not finish in time).
    Result<QString> quickCheck(int timeoutMs);
    // Gets the duration of every transaction, in microseconds (from the thread that ran it). Set before
    // the first transaction.
    void setTransactionTimer(std::function<void(qint64 micros)> timer) {
        m_transactionTimer = std::move(timer);
    }

private:
    Database(QString filePath, bool readOnly);
    Result<QSqlDatabase> openConnection();
    Status migrate(const std::vector<Migration>& migrations);

    QString m_filePath;
    QString m_connectionPrefix;
    bool m_readOnly = false;
    QMutex m_mutex;
    QStringList m_connectionNames;
    FtsRanker m_ranker;
    std::function<void(qint64)> m_transactionTimer;
};

} // namespace docrag
