#pragma once

#include "engine/core/result.h"

#include <QMap>
#include <QString>

namespace docrag {

// Where a team library lives: a libpq-style URL, postgresql://user[:password]@host[:port]/database
// [?sslmode=require&...]. The password is for this connection only: toString() leaves it out, so
// what is stored, shown and logged never holds it.
struct LibraryUrl final {
    QString user;
    QString password;
    QString host; // a name, an address, or a folder holding the server's Unix socket; empty: libpq's default
    int port = 5432;
    QString database;
    QMap<QString, QString>
        options; // sslmode, sslrootcert, sslcert, sslkey, connect_timeout, application_name

    static Result<LibraryUrl> parse(const QString& text);
    // The URL without its password: the library's name in settings, the database and messages.
    QString toString() const;
    // For QSqlDatabase::setConnectOptions (QPSQL): the options with our defaults.
    QString connectOptions() const;
    bool operator==(const LibraryUrl& other) const = default;
};

} // namespace docrag
