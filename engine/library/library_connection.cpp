#include "engine/library/library_connection.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QUuid>

namespace docrag {
namespace {

QString firstLine(const QString& text) {
    QString line = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.startsWith(QLatin1String("FATAL:")) || line.startsWith(QLatin1String("ERROR:")))
        line = line.section(QLatin1Char(':'), 1).trimmed();
    return line.isEmpty() ? text.trimmed() : line;
}

} // namespace

LibraryConnection::LibraryConnection(QString name, LibraryUrl url)
    : m_name(std::move(name))
    , m_url(std::move(url)) {}

LibraryConnection::LibraryConnection(LibraryConnection&& other) noexcept
    : m_name(std::exchange(other.m_name, QString()))
    , m_url(std::move(other.m_url)) {}

LibraryConnection& LibraryConnection::operator=(LibraryConnection&& other) noexcept {
    if (this != &other) {
        close();
        m_name = std::exchange(other.m_name, QString());
        m_url = std::move(other.m_url);
    }
    return *this;
}

LibraryConnection::~LibraryConnection() {
    close();
}

void LibraryConnection::close() {
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

Result<LibraryConnection> LibraryConnection::open(const LibraryUrl& url) {
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error{ErrorCode::Unsupported,
                     QStringLiteral("Qt's PostgreSQL driver is not installed (Debian "
                                    "package libqt6sql6-psql): team libraries need it")};
    const QString name =
        QStringLiteral("docrag-library-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    LibraryConnection connection(name, url);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host);
    db.setPort(url.port);
    db.setDatabaseName(url.database);
    db.setUserName(url.user);
    db.setPassword(url.password);
    db.setConnectOptions(url.connectOptions());
    if (!db.open())
        return connection.error(db.lastError().text(), "connecting");
    QSqlQuery(db).exec(QStringLiteral("SET client_min_messages = warning"));
    return connection;
}

QSqlDatabase LibraryConnection::database() const {
    return QSqlDatabase::database(m_name, false);
}

Error LibraryConnection::error(const QString& driverText, const char* what) const {
    const QString where = m_url.toString();
    const QString line = firstLine(driverText);
    if (driverText.contains(QLatin1String("password authentication failed")) ||
        driverText.contains(QLatin1String("no password supplied")) ||
        driverText.contains(QLatin1String("fe_sendauth")))
        return Error{
            ErrorCode::Auth,
            QStringLiteral("the team library %1 refused the password of user \"%2\"").arg(where, m_url.user)};
    if (QByteArray(what) == "connecting" &&
        (driverText.contains(QLatin1String("SSL")) || driverText.contains(QLatin1String("certificate"))))
        return Error{ErrorCode::Network,
                     QStringLiteral("cannot connect securely to the team library %1: %2").arg(where, line)};
    if (driverText.contains(QLatin1String("does not exist")) && QByteArray(what) == "connecting")
        return Error{ErrorCode::NotFound, QStringLiteral("the team library %1: %2").arg(where, line)};
    if (driverText.contains(QLatin1String("permission denied")))
        return Error{ErrorCode::Auth, QStringLiteral("the team library %1 does not allow user \"%2\" %3: %4")
                                          .arg(where, m_url.user, QString::fromLatin1(what), line)};
    const QSqlDatabase db = database();
    const bool connectionLost = QByteArray(what) == "connecting" || !db.isOpen() ||
                                driverText.contains(QLatin1String("server closed the connection")) ||
                                driverText.contains(QLatin1String("terminating connection")) ||
                                driverText.contains(QLatin1String("no connection to the server")) ||
                                driverText.contains(QLatin1String("could not connect")) ||
                                driverText.contains(QLatin1String("connection to server"));
    if (connectionLost)
        return Error{ErrorCode::Network,
                     QStringLiteral("cannot reach the team library %1: %2").arg(where, line)};
    return Error{
        ErrorCode::Database,
        QStringLiteral("the team library %1 failed %2: %3").arg(where, QString::fromLatin1(what), line)};
}

QString LibraryConnection::literal(const QVariant& value) const {
    QVariant v = value;
    // PostgreSQL's text cannot hold NUL, which hostile files may: it would fail the whole file.
    if (v.typeId() == QMetaType::QString && v.toString().contains(QChar(0)))
        v = v.toString().replace(QChar(0), QChar(0xFFFD));
    QSqlField field(QString(), v.metaType());
    field.setValue(v);
    return database().driver()->formatValue(field);
}

Status LibraryConnection::exec(const QString& sql, const char* what) {
    QSqlQuery query(database());
    if (!query.exec(sql))
        return error(query.lastError().text(), what);
    return {};
}

Status LibraryConnection::transaction(const std::function<Status()>& work, bool readOnlySnapshot) {
    const QString begin = readOnlySnapshot ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                           : QStringLiteral("BEGIN");
    if (Status s = exec(begin, "starting a transaction"); !s)
        return s;
    Status result = work();
    if (!result) {
        (void)exec(QStringLiteral("ROLLBACK"), "rolling back");
        return result;
    }
    return exec(QStringLiteral("COMMIT"), "committing");
}

} // namespace docrag
