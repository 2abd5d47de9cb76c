#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace docrag::test {

// A real PostgreSQL server of Debian's `postgresql` package for one test program: initdb into a
// temporary folder (as `nobody` when the tests run as root, since the server refuses root), listening
// on 127.0.0.1 at a free port with password authentication. Stopped and removed when the object goes.
class PostgresServer final {
public:
    static constexpr const char* kAdmin = "docrag_admin";
    static constexpr const char* kAdminPassword = "admin-secret";

    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    // With TLS (before start()): a self-signed certificate for 127.0.0.1, made with openssl; clients that
    // verify it use caFile() as their root certificate.
    void setSsl(bool on) { m_ssl = on; }
    QString caFile() const;
    // Creates the cluster the first time, then starts the server and waits until it accepts
    // connections. False with `error()` set when it cannot.
    bool start();
    // A clean shutdown (SIGTERM), waited for.
    void stop();
    // The server dies at once, connections and all (SIGQUIT: PostgreSQL's immediate shutdown, the
    // same recovery as after a crash). start() brings it back.
    void crash();
    bool running() const { return m_server.state() == QProcess::Running; }

    int port() const { return m_port; }
    QString error() const { return m_error; }
    QString log() const;
    // postgresql://user:password@127.0.0.1:port/database
    QString url(const QString& database, const QString& user = kAdmin,
                const QString& password = kAdminPassword) const;
    // Runs SQL as the administrator on `database` (CREATE DATABASE, roles, grants): false and error().
    bool exec(const QString& sql, const QString& database = QStringLiteral("postgres"));

private:
    bool initCluster();
    // Sends the server `signal` and waits for it to end (killing it after 30 s).
    void endWith(int signal);
    bool makeCertificate();
    bool runTool(const QString& tool, const QStringList& arguments);
    QStringList asServerUser(const QString& program, const QStringList& arguments) const;
    static QString binDir();

    QTemporaryDir m_dir;
    QProcess m_server;
    int m_port = 0;
    bool m_initialised = false;
    bool m_ssl = false;
    QString m_error;
};

} // namespace docrag::test
