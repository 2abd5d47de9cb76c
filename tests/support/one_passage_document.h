#pragma once

#include "engine/core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace docrag::test {

// Stores an indexed document of one passage (its title, heading path and text, a 2-dimension vector of
// embedder "e") in `collection`: the smallest thing the lexical index ranks. Returns the passage's id.
Result<qint64> addOnePassageDocument(QSqlDatabase db, qint64 collection, const QString& path,
                                     const QString& title, const QString& heading, const QString& text);

} // namespace docrag::test
