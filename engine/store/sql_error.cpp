#include "engine/store/sql_error.h"

#include <QSqlError>
#include <QSqlQuery>

namespace docrag {

Error SqlError::from(const QSqlQuery& query, const char* context) {
    return from(query.lastError(), context);
}

Error SqlError::from(const QSqlError& error, const char* context) {
    QString detail = error.databaseText();
    if (detail.isEmpty())
        detail = error.text();
    return Error{ErrorCode::Database, QStringLiteral("%1: %2").arg(QLatin1String(context), detail)};
}

} // namespace docrag
