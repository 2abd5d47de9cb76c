#pragma once

#include "engine/core/result.h"
#include "engine/library/library_url.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <functional>

namespace docrag {

// One connection to a team library's PostgreSQL database (Qt's QPSQL driver), for the thread that
// opened it. Failures to connect become one clear message: the password refused, the server not
// reached, the database missing. Without a password in the URL, libpq's own sources apply
// (PGPASSWORD, ~/.pgpass).
class LibraryConnection final {
public:
    static Result<LibraryConnection> open(const LibraryUrl& url);
    LibraryConnection(LibraryConnection&& other) noexcept;
    LibraryConnection& operator=(LibraryConnection&& other) noexcept;
    ~LibraryConnection();

    QSqlDatabase database() const;
    const LibraryUrl& url() const { return m_url; }
    // Runs one statement; the error names what was being done.
    Status exec(const QString& sql, const char* what);
    Status transaction(const std::function<Status()>& work, bool readOnlySnapshot = false);
    // `value` as an SQL literal of this server (the driver's quoting), for statements of many rows.
    QString literal(const QVariant& value) const;
    // Classifies a failed connection or statement of this library (also after the server went away).
    Error error(const QString& driverText, const char* what) const;

private:
    LibraryConnection(QString name, LibraryUrl url);
    void close();

    QString m_name;
    LibraryUrl m_url;
};

} // namespace docrag
