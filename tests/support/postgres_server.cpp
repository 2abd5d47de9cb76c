#include "tests/support/postgres_server.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace docrag::test {
namespace {

constexpr int kNobody = 65534;

bool chownTree(const QString& path) {
    if (::chown(QFile::encodeName(path).constData(), kNobody, kNobody) != 0)
        return false;
    return true;
}

} // namespace

PostgresServer::PostgresServer() {
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    m_server.setStandardOutputFile(m_dir.filePath(QStringLiteral("server.log")), QIODevice::Append);
}

PostgresServer::~PostgresServer() {
    stop();
}

QString PostgresServer::binDir() {
    const QString fromEnv = qEnvironmentVariable("DOCRAG_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    // Debian keeps the server's programs out of PATH, one folder per major version.
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    const QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QString best;
    for (const QString& v : found) {
        if (QFile::exists(versions.filePath(v + QStringLiteral("/bin/postgres"))) &&
            (best.isEmpty() || v.toInt() > best.toInt()))
            best = v;
    }
    return best.isEmpty() ? QString() : versions.filePath(best + QStringLiteral("/bin"));
}

QStringList PostgresServer::asServerUser(const QString& program, const QStringList& arguments) const {
    QStringList command;
    if (::geteuid() == 0) {
        command << QStringLiteral("setpriv") << QStringLiteral("--reuid=%1").arg(kNobody)
                << QStringLiteral("--regid=%1").arg(kNobody) << QStringLiteral("--clear-groups")
                << QStringLiteral("--");
    }
    command << program << arguments;
    return command;
}

bool PostgresServer::runTool(const QString& tool, const QStringList& arguments) {
    const QStringList command = asServerUser(QDir(binDir()).filePath(tool), arguments);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(command.first(), command.mid(1));
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed: %2").arg(tool, QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool PostgresServer::initCluster() {
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    if (binDir().isEmpty()) {
        m_error =
            QStringLiteral("PostgreSQL's server programs are not installed (Debian package postgresql)");
        return false;
    }
    const QString passwordFile = m_dir.filePath(QStringLiteral("password"));
    QFile file(passwordFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(kAdminPassword) < 0) {
        m_error = QStringLiteral("cannot write %1").arg(passwordFile);
        return false;
    }
    file.close();
    if (::geteuid() == 0 && (!chownTree(m_dir.path()) || !chownTree(passwordFile))) {
        m_error = QStringLiteral("cannot give %1 to nobody").arg(m_dir.path());
        return false;
    }
    if (!runTool(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-U"),
                  QString::fromLatin1(kAdmin), QStringLiteral("--pwfile=%1").arg(passwordFile),
                  QStringLiteral("--auth=scram-sha-256"), QStringLiteral("--encoding=UTF8"),
                  QStringLiteral("--no-locale"), QStringLiteral("--no-sync")}))
        return false;
    m_initialised = true;
    return true;
}

QString PostgresServer::caFile() const {
    return m_dir.filePath(QStringLiteral("server.crt"));
}

bool PostgresServer::makeCertificate() {
    if (QFile::exists(caFile()))
        return true;
    const QString key = m_dir.filePath(QStringLiteral("server.key"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), caFile(), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        m_error = QStringLiteral("openssl could not make a certificate: %1")
                      .arg(QString::fromLocal8Bit(openssl.readAll()));
        return false;
    }
    // The server refuses a key others may read.
    QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (::geteuid() == 0 && (!chownTree(key) || !chownTree(caFile()))) {
        m_error = QStringLiteral("cannot give the certificate to nobody");
        return false;
    }
    return true;
}

bool PostgresServer::start() {
    if (running())
        return true;
    if (!m_initialised && !initCluster())
        return false;
    if (m_ssl && !makeCertificate())
        return false;
    if (m_port == 0) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_error = QStringLiteral("no free port");
            return false;
        }
        m_port = probe.serverPort();
    }
    // fsync off: the tests kill the server, never the machine.
    QStringList arguments = {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
                             QStringLiteral("-p"), QString::number(m_port),
                             QStringLiteral("-k"), m_dir.path(),
                             QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1"),
                             QStringLiteral("-c"), QStringLiteral("fsync=off"),
                             QStringLiteral("-c"), QStringLiteral("shared_buffers=32MB"),
                             QStringLiteral("-c"), QStringLiteral("max_connections=40")};
    if (m_ssl)
        arguments << QStringLiteral("-c") << QStringLiteral("ssl=on") << QStringLiteral("-c")
                  << QStringLiteral("ssl_cert_file=%1").arg(caFile()) << QStringLiteral("-c")
                  << QStringLiteral("ssl_key_file=%1").arg(m_dir.filePath(QStringLiteral("server.key")));
    const QStringList command = asServerUser(QDir(binDir()).filePath(QStringLiteral("postgres")), arguments);
    m_server.start(command.first(), command.mid(1));
    if (!m_server.waitForStarted(10000)) {
        m_error = QStringLiteral("postgres did not start: %1").arg(m_server.errorString());
        return false;
    }
    // Ready when it accepts a connection (crash recovery may take a moment after crash()).
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (exec(QStringLiteral("SELECT 1")))
            return true;
        if (!running()) {
            m_error = QStringLiteral("postgres exited: %1").arg(log());
            return false;
        }
        QThread::msleep(50);
    }
    m_error = QStringLiteral("postgres did not accept connections within 30 s: %1").arg(log());
    return false;
}

void PostgresServer::stop() {
    endWith(SIGTERM);
}

void PostgresServer::crash() {
    endWith(SIGQUIT);
}

void PostgresServer::endWith(int signal) {
    if (!running())
        return;
    ::kill(static_cast<pid_t>(m_server.processId()), signal);
    if (!m_server.waitForFinished(30000)) {
        m_server.kill();
        m_server.waitForFinished(5000);
    }
}

QString PostgresServer::log() const {
    QFile file(m_dir.filePath(QStringLiteral("server.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll().right(4000));
}

QString PostgresServer::url(const QString& database, const QString& user, const QString& password) const {
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setPassword(password);
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QLatin1Char('/') + database);
    return url.toString();
}

bool PostgresServer::exec(const QString& sql, const QString& database) {
    const QString name = QStringLiteral("pg-admin-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setDatabaseName(database);
        db.setUserName(QString::fromLatin1(kAdmin));
        db.setPassword(QString::fromLatin1(kAdminPassword));
        db.setConnectOptions(QStringLiteral("connect_timeout=2"));
        if (!db.open()) {
            m_error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                m_error = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace docrag::test
