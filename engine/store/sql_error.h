#pragma once

#include "engine/core/error.h"

class QSqlError;
class QSqlQuery;

namespace docrag {

// Turns a failed QtSql call into our Error, with what we were doing in front.
class SqlError final {
public:
    static Error from(const QSqlQuery& query, const char* context);
    static Error from(const QSqlError& error, const char* context);
};

} // namespace docrag
