#pragma once

#include "engine/core/result.h"
#include "engine/core/team_library.h"

#include <QSqlDatabase>

#include <vector>

namespace docrag {

// Rows of the local `libraries` table: the team libraries this data folder subscribes to.
class LibraryStore final {
public:
    explicit LibraryStore(QSqlDatabase db);

    Result<std::vector<TeamLibrary>> list() const;
    Result<TeamLibrary> find(const QString& url) const;
    Result<TeamLibrary> get(qint64 id) const;
    // The library's row, added when it is not there yet.
    Result<TeamLibrary> add(const QString& url, qint64 nowMs);
    Status remove(qint64 id);
    // The outcome of a sync: `error` empty when it reached the library's state.
    Status recordSync(qint64 id, qint64 nowMs, const QString& error);
    Status setShareFeedback(qint64 id, bool share);

private:
    Result<TeamLibrary> one(const QString& where, const QVariant& value, const QString& notFound) const;

    QSqlDatabase m_db;
};

} // namespace docrag
