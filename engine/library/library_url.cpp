#include "engine/library/library_url.h"

#include <QUrl>
#include <QUrlQuery>

namespace docrag {
namespace {

const QStringList kOptions = {QStringLiteral("sslmode"),         QStringLiteral("sslrootcert"),
                              QStringLiteral("sslcert"),         QStringLiteral("sslkey"),
                              QStringLiteral("connect_timeout"), QStringLiteral("application_name")};
const QStringList kSslModes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                               QStringLiteral("prefer"),    QStringLiteral("require"),
                               QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

Error bad(const QString& why) {
    return Error{ErrorCode::InvalidArgument, QStringLiteral("not a library URL: %1").arg(why)};
}

} // namespace

Result<LibraryUrl> LibraryUrl::parse(const QString& text) {
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QLatin1String("postgresql://")) &&
        !trimmed.startsWith(QLatin1String("postgres://")))
        return bad(QStringLiteral("it must start with postgresql:// (for example "
                                  "postgresql://alice@db.example.com/docs)"));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return bad(url.errorString());
    LibraryUrl out;
    out.user = url.userName(QUrl::FullyDecoded);
    out.password = url.password(QUrl::FullyDecoded);
    out.host = url.host(QUrl::FullyDecoded);
    out.port = url.port(5432);
    out.database = url.path(QUrl::FullyDecoded).mid(1);
    if (out.database.isEmpty() || out.database.contains(QLatin1Char('/')))
        return bad(QStringLiteral("it names no database (postgresql://host/DATABASE)"));
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host")) {
            out.host = value; // libpq's way to name a socket folder: ?host=/var/run/postgresql
            continue;
        }
        if (key == QLatin1String("user") || key == QLatin1String("password") ||
            key == QLatin1String("port")) {
            if (key == QLatin1String("user"))
                out.user = value;
            else if (key == QLatin1String("password"))
                out.password = value;
            else
                out.port = value.toInt();
            continue;
        }
        if (!kOptions.contains(key))
            return bad(QStringLiteral("unknown option \"%1\" (known: %2)")
                           .arg(key, kOptions.join(QStringLiteral(", "))));
        if (key == QLatin1String("sslmode") && !kSslModes.contains(value))
            return bad(QStringLiteral("sslmode must be one of %1").arg(kSslModes.join(QStringLiteral(", "))));
        out.options.insert(key, value);
    }
    if (out.port <= 0 || out.port > 65535)
        return bad(QStringLiteral("port out of range"));
    return out;
}

QString LibraryUrl::toString() const {
    // By hand: QUrl drops the "//" of a URL without host, which libpq's form keeps.
    QString out = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        out += QString::fromLatin1(QUrl::toPercentEncoding(user)) + QLatin1Char('@');
    const bool socketFolder = host.startsWith(QLatin1Char('/'));
    if (!socketFolder)
        out += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (port != 5432)
        out += QLatin1Char(':') + QString::number(port);
    out += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(database));
    QUrlQuery query;
    if (socketFolder)
        query.addQueryItem(QStringLiteral("host"), host);
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        query.addQueryItem(it.key(), it.value());
    if (!query.isEmpty())
        out += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    return out;
}

QString LibraryUrl::connectOptions() const {
    QMap<QString, QString> all = options;
    // A library that does not answer says so within seconds, not libpq's forever.
    if (!all.contains(QStringLiteral("connect_timeout")))
        all.insert(QStringLiteral("connect_timeout"), QStringLiteral("5"));
    if (!all.contains(QStringLiteral("application_name")))
        all.insert(QStringLiteral("application_name"), QStringLiteral("docrag"));
    // A server that vanishes without closing the connection (a network cut, a suspended VM) is noticed
    // within about half a minute, instead of a read that never ends.
    all.insert(QStringLiteral("keepalives"), QStringLiteral("1"));
    all.insert(QStringLiteral("keepalives_idle"), QStringLiteral("10"));
    all.insert(QStringLiteral("keepalives_interval"), QStringLiteral("5"));
    all.insert(QStringLiteral("keepalives_count"), QStringLiteral("3"));
    all.insert(QStringLiteral("tcp_user_timeout"), QStringLiteral("30000"));
    QStringList parts;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        // libpq's quoting, so that a certificate's path may hold spaces.
        QString value = it.value();
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('\''), QStringLiteral("\\'"));
        parts << it.key() + QStringLiteral("='") + value + QLatin1Char('\'');
    }
    return parts.join(QLatin1Char(';'));
}

} // namespace docrag
