#include "engine/library/library_schema.h"

#include "engine/library/library_connection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <vector>

namespace docrag {
namespace {

// pg_advisory_xact_lock's key for migrations: "docrag" in ASCII.
constexpr qint64 kMigrationLock = 0x646f63726167;

struct LibraryMigration final {
    int version;
    QString description;
    QStringList statements;
};

const std::vector<LibraryMigration>& migrations() {
    static const std::vector<LibraryMigration> all = {
        {1,
         QStringLiteral("collections, documents, passages with vectors, symbols, change log, feedback"),
         {
             QStringLiteral(R"(CREATE TABLE collections (
                 id bigserial PRIMARY KEY,
                 name text NOT NULL UNIQUE,
                 doc_type text NOT NULL DEFAULT '',
                 embedder_id text NOT NULL,
                 dimension integer NOT NULL CHECK (dimension > 0),
                 version bigint NOT NULL DEFAULT 0,
                 created_at timestamptz NOT NULL DEFAULT now(),
                 updated_at timestamptz NOT NULL DEFAULT now()))"),
             QStringLiteral(R"(CREATE TABLE documents (
                 id bigserial PRIMARY KEY,
                 collection_id bigint NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
                 path text NOT NULL,
                 title text NOT NULL DEFAULT '',
                 content_hash text NOT NULL DEFAULT '',
                 size bigint NOT NULL DEFAULT 0,
                 mtime bigint NOT NULL DEFAULT 0,
                 version bigint NOT NULL,
                 ingested_at timestamptz NOT NULL DEFAULT now(),
                 UNIQUE (collection_id, path)))"),
             QStringLiteral(R"(CREATE TABLE passages (
                 document_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                 ordinal integer NOT NULL,
                 heading_path text NOT NULL DEFAULT '',
                 text text NOT NULL,
                 text_hash bigint NOT NULL,
                 token_count integer NOT NULL,
                 loc_start integer NOT NULL DEFAULT 0,
                 loc_end integer NOT NULL DEFAULT 0,
                 page integer NOT NULL DEFAULT 0,
                 anchor text NOT NULL DEFAULT '',
                 vector bytea NOT NULL,
                 PRIMARY KEY (document_id, ordinal)))"),
             QStringLiteral(R"(CREATE TABLE symbols (
                 document_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                 name text NOT NULL,
                 kind text NOT NULL DEFAULT '',
                 anchor text NOT NULL DEFAULT '',
                 line integer NOT NULL DEFAULT 0))"),
             QStringLiteral("CREATE INDEX symbols_by_document ON symbols(document_id)"),
             QStringLiteral(R"(CREATE TABLE changes (
                 collection_id bigint NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
                 version bigint NOT NULL,
                 path text NOT NULL,
                 kind text NOT NULL CHECK (kind IN ('upsert', 'remove')),
                 changed_at timestamptz NOT NULL DEFAULT now(),
                 PRIMARY KEY (collection_id, version)))"),
             QStringLiteral(R"(CREATE TABLE feedback (
                 id bigserial PRIMARY KEY,
                 origin text NOT NULL,
                 collections text NOT NULL DEFAULT '',
                 question text NOT NULL,
                 answer text NOT NULL DEFAULT '',
                 rating smallint NOT NULL CHECK (rating IN (-1, 0, 1)),
                 note text NOT NULL DEFAULT '',
                 given_by text NOT NULL DEFAULT '',
                 given_at timestamptz NOT NULL DEFAULT now()))"),
             QStringLiteral("CREATE INDEX feedback_by_origin ON feedback(origin, id)"),
         }},
    };
    return all;
}

Status ensureVersionTable(LibraryConnection& connection) {
    return connection.exec(QStringLiteral(R"(CREATE TABLE IF NOT EXISTS docrag_schema (
        version integer PRIMARY KEY,
        description text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()))"),
                           "creating the schema table");
}

Error newer(LibraryConnection& connection, int version) {
    return Error{
        ErrorCode::Unsupported,
        QStringLiteral("the team library %1 was made by a newer DocRag (schema %2, this one knows up to "
                       "%3): update DocRag")
            .arg(connection.url().toString())
            .arg(version)
            .arg(migrations().back().version)};
}

} // namespace

int LibrarySchema::latestVersion() {
    return migrations().back().version;
}

Result<int> LibrarySchema::version(LibraryConnection& connection) {
    QSqlQuery query(connection.database());
    if (!query.exec(QStringLiteral("SELECT to_regclass('docrag_schema') IS NOT NULL")) || !query.next())
        return connection.error(query.lastError().text(), "reading the schema version");
    if (!query.value(0).toBool())
        return 0;
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM docrag_schema")) || !query.next())
        return connection.error(query.lastError().text(), "reading the schema version");
    return query.value(0).toInt();
}

Status LibrarySchema::migrate(LibraryConnection& connection) {
    return connection.transaction([&]() -> Status {
        if (Status s = connection.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock),
                                       "waiting for another machine's migration");
            !s)
            return s;
        if (Status s = ensureVersionTable(connection); !s)
            return s;
        auto current = version(connection);
        if (!current)
            return current.error();
        if (*current > latestVersion())
            return newer(connection, *current);
        for (const LibraryMigration& m : migrations()) {
            if (m.version <= *current)
                continue;
            for (const QString& statement : m.statements) {
                if (Status s = connection.exec(statement, "creating the library's tables"); !s)
                    return s;
            }
            QSqlQuery record(connection.database());
            record.prepare(QStringLiteral("INSERT INTO docrag_schema (version, description) VALUES (?, ?)"));
            record.addBindValue(m.version);
            record.addBindValue(m.description);
            if (!record.exec())
                return connection.error(record.lastError().text(), "recording the schema version");
        }
        return {};
    });
}

Status LibrarySchema::check(LibraryConnection& connection) {
    auto current = version(connection);
    if (!current)
        return current.error();
    if (*current == 0)
        return Error{
            ErrorCode::NotFound,
            QStringLiteral("the team library %1 is empty: nothing has been shared in it yet (docrag-cli "
                           "ingest PATH --collection NAME --library URL shares a collection)")
                .arg(connection.url().toString())};
    if (*current > latestVersion())
        return newer(connection, *current);
    return {};
}

} // namespace docrag
