#pragma once

#include "engine/core/collection.h"
#include "engine/core/document.h"
#include "engine/core/publish_report.h"
#include "engine/core/result.h"

#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <stop_token>

namespace docrag {

class LibraryConnection;

// Shares a collection ingested here with a team library: the documents under the ingest's roots
// whose content the library does not have yet are sent with their passages, vectors and symbols, and
// the library's documents under those roots that are gone here are removed. One writer per collection
// at a time (a PostgreSQL advisory lock: another machine's publish of the same collection waits);
// each file in one transaction with its change-log entry, so a reader sees whole files or none.
// Documents elsewhere in the collection (another machine's folders) are left as they are.
class LibraryPublisher final {
public:
    using Progress = std::function<void(const QString& message)>;

    LibraryPublisher(QSqlDatabase local, LibraryConnection& library);

    // `dimension`: of the collection's vectors.
    Result<PublishReport> publish(const Collection& collection, const QStringList& roots, int dimension,
                                  std::stop_token stop = {}, const Progress& progress = {});
    // The library's id of the collection, created there when missing; InvalidArgument when the library
    // holds it with another embedder.
    Result<qint64> remoteCollection(const Collection& collection, int dimension);

private:
    Result<qint64> lock(qint64 remoteId, const QString& name, std::stop_token stop, const Progress& progress);
    Status unlock(qint64 remoteId);
    Status send(qint64 remoteId, const Collection& collection, const Document& document, int dimension,
                qint64& version);
    Status removeThere(qint64 remoteId, const QString& path, qint64& version);
    Result<qint64> nextVersion(qint64 remoteId);
    Status logChange(qint64 remoteId, qint64 version, const QString& path, const char* kind);

    QSqlDatabase m_local;
    LibraryConnection& m_library;
};

} // namespace docrag
