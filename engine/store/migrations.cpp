#include "engine/store/migrations.h"

namespace docrag {
namespace {

Migration initialSchema() {
    Migration m;
    m.version = 1;
    m.description = QStringLiteral("collections, documents, chunks with FTS5, embeddings, history, caches");
    m.statements = {
        QStringLiteral(R"(CREATE TABLE collections (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            doc_type TEXT NOT NULL DEFAULT '',
            root_paths TEXT NOT NULL DEFAULT '[]',
            embedder_id TEXT NOT NULL,
            settings_json TEXT NOT NULL DEFAULT '{}',
            generation INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            source_url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL DEFAULT '',
            size INTEGER NOT NULL DEFAULT 0,
            mtime INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL,
            error TEXT NOT NULL DEFAULT '',
            ingested_at INTEGER NOT NULL,
            UNIQUE (collection_id, path)))"),
        // AUTOINCREMENT: a chunk id is never reused, so caches keyed by it (vector index labels,
        // FTS row lengths) can never mistake a new chunk for a deleted one.
        QStringLiteral(R"(CREATE TABLE chunks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            heading_path TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            text_hash INTEGER NOT NULL,
            token_count INTEGER NOT NULL,
            loc_start INTEGER NOT NULL DEFAULT 0,
            loc_end INTEGER NOT NULL DEFAULT 0,
            page INTEGER NOT NULL DEFAULT 0,
            anchor TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX chunks_by_document ON chunks(document_id, ordinal)"),
        // A rowid table: vectors are kilobytes, too big for the pages of a WITHOUT ROWID b-tree.
        QStringLiteral(R"(CREATE TABLE embeddings (
            id INTEGER PRIMARY KEY,
            chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
            embedder_id TEXT NOT NULL,
            vector BLOB NOT NULL,
            UNIQUE (chunk_id, embedder_id)))"),
        QStringLiteral(R"(CREATE TABLE embedding_cache (
            embedder_id TEXT NOT NULL,
            text_hash INTEGER NOT NULL,
            vector BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (embedder_id, text_hash)) WITHOUT ROWID)"),

        // FTS5 over (title, heading_path, text). The title lives on the document, so the external
        // content is a view joining both; triggers keep the index in step with the chunks.
        QStringLiteral(R"(CREATE VIEW chunks_fts_source AS
            SELECT c.id AS id, d.title AS title, c.heading_path AS heading_path, c.text AS text
            FROM chunks c JOIN documents d ON d.id = c.document_id)"),
        QStringLiteral(R"(CREATE VIRTUAL TABLE chunks_fts USING fts5(
            title, heading_path, text,
            content='chunks_fts_source', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'))"),
        QStringLiteral(R"(CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
            INSERT INTO chunks_fts(rowid, title, heading_path, text)
            VALUES (new.id, (SELECT title FROM documents WHERE id = new.document_id), new.heading_path, new.text);
            END)"),
        QStringLiteral(R"(CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
            INSERT INTO chunks_fts(chunks_fts, rowid, title, heading_path, text)
            VALUES ('delete', old.id, (SELECT title FROM documents WHERE id = old.document_id),
                    old.heading_path, old.text);
            END)"),
        QStringLiteral(
            R"(CREATE TRIGGER chunks_fts_update AFTER UPDATE OF document_id, heading_path, text ON chunks BEGIN
            INSERT INTO chunks_fts(chunks_fts, rowid, title, heading_path, text)
            VALUES ('delete', old.id, (SELECT title FROM documents WHERE id = old.document_id),
                    old.heading_path, old.text);
            INSERT INTO chunks_fts(rowid, title, heading_path, text)
            VALUES (new.id, (SELECT title FROM documents WHERE id = new.document_id), new.heading_path, new.text);
            END)"),
        // Deleting the chunks before their document keeps the title readable for the FTS 'delete' above;
        // a cascade would run after the document row is gone.
        QStringLiteral(R"(CREATE TRIGGER documents_delete_chunks BEFORE DELETE ON documents BEGIN
            DELETE FROM chunks WHERE document_id = old.id;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER documents_fts_title AFTER UPDATE OF title ON documents
            WHEN old.title IS NOT new.title BEGIN
            INSERT INTO chunks_fts(chunks_fts, rowid, title, heading_path, text)
            SELECT 'delete', id, old.title, heading_path, text FROM chunks WHERE document_id = new.id;
            INSERT INTO chunks_fts(rowid, title, heading_path, text)
            SELECT id, new.title, heading_path, text FROM chunks WHERE document_id = new.id;
            END)"),

        QStringLiteral(R"(CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            content TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            model TEXT NOT NULL DEFAULT '',
            latency_ms INTEGER NOT NULL DEFAULT 0,
            tokens_in INTEGER NOT NULL DEFAULT 0,
            tokens_out INTEGER NOT NULL DEFAULT 0,
            feedback INTEGER NOT NULL DEFAULT 0,
            feedback_note TEXT NOT NULL DEFAULT '',
            sources_json TEXT NOT NULL DEFAULT '[]'))"),
        QStringLiteral("CREATE INDEX messages_by_conversation ON messages(conversation_id, created_at DESC)"),
        QStringLiteral(R"(CREATE TABLE response_cache (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '',
            expires_at INTEGER NOT NULL))"),
    };
    return m;
}

// What an ingest is doing to a collection, so that one that was interrupted (cancelled, failed, or its
// process killed) shows as such and can be resumed with the same request; and why an answer ends
// where it does.
Migration ingestState() {
    Migration m;
    m.version = 2;
    m.description = QStringLiteral("collections' ingest state and request, messages' finish");
    m.statements = {
        QStringLiteral("ALTER TABLE collections ADD COLUMN ingest_state TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE collections ADD COLUMN ingest_request TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE collections ADD COLUMN files_total INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE collections ADD COLUMN files_done INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN finish TEXT NOT NULL DEFAULT ''"),
    };
    return m;
}

// The API names documents define, for the docs browser's type-ahead and `docrag-cli lookup`.
Migration symbols() {
    Migration m;
    m.version = 3;
    m.description = QStringLiteral("symbols");
    m.statements = {
        QStringLiteral(R"(CREATE TABLE symbols (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT '',
            anchor TEXT NOT NULL DEFAULT '',
            line INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral("CREATE INDEX symbols_by_document ON symbols(document_id)"),
        // Documents stored before symbols existed are read again by their next ingest, which finds
        // their symbols; their passages' vectors are reused by text, not embedded again.
        QStringLiteral("UPDATE documents SET mtime = -1, content_hash = '' WHERE status = 'indexed'"),
    };
    return m;
}

// A full-text search within some collections asks, for every passage its words match, which document
// holds it. From the chunks table that is a page of passage text per hit, scattered over the file (a
// cold process faults in megabytes); chunks_owner answers it from a few pages. The span of chunk ids a
// collection has ever held lets FTS5 skip the others' passages altogether (rowid BETWEEN): ids only
// grow, so a collection ingested at once is one short span. The triggers keep the span a superset of
// the collection's ids, whoever writes the chunks.
Migration chunkOwners() {
    Migration m;
    m.version = 4;
    m.description = QStringLiteral("chunk owners");
    const QString widen = QStringLiteral(
        "UPDATE collections SET "
        "chunk_id_first = CASE WHEN chunk_id_first = 0 THEN %1 ELSE MIN(chunk_id_first, %1) END, "
        "chunk_id_last = MAX(chunk_id_last, %2) WHERE id = %3;");
    const QString ofChunk =
        widen.arg(QStringLiteral("new.id"), QStringLiteral("new.id"),
                  QStringLiteral("(SELECT collection_id FROM documents WHERE id = new.document_id)"));
    m.statements = {
        QStringLiteral("CREATE INDEX chunks_owner ON chunks(id, document_id)"),
        QStringLiteral("ALTER TABLE collections ADD COLUMN chunk_id_first INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE collections ADD COLUMN chunk_id_last INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("UPDATE collections SET "
                       "chunk_id_first = COALESCE((SELECT MIN(c.id) FROM chunks c JOIN documents d "
                       "ON d.id = c.document_id WHERE d.collection_id = collections.id), 0), "
                       "chunk_id_last = COALESCE((SELECT MAX(c.id) FROM chunks c JOIN documents d "
                       "ON d.id = c.document_id WHERE d.collection_id = collections.id), 0)"),
        QStringLiteral("CREATE TRIGGER chunks_span_insert AFTER INSERT ON chunks BEGIN %1 END").arg(ofChunk),
        QStringLiteral("CREATE TRIGGER chunks_span_update AFTER UPDATE OF id, document_id ON chunks "
                       "BEGIN %1 END")
            .arg(ofChunk),
        QStringLiteral("CREATE TRIGGER documents_span_update AFTER UPDATE OF collection_id ON documents "
                       "BEGIN %1 END")
            .arg(widen.arg(QStringLiteral("(SELECT MIN(id) FROM chunks WHERE document_id = new.id)"),
                           QStringLiteral("(SELECT MAX(id) FROM chunks WHERE document_id = new.id)"),
                           QStringLiteral("new.collection_id"))),
    };
    return m;
}

// Timings of every process (desktop and CLI) by operation and minute, for the last week: see StatsStore.
// Without rowid: the key is what is stored and searched.
Migration statistics() {
    Migration m;
    m.version = 5;
    m.description = QStringLiteral("statistics");
    m.statements = {
        QStringLiteral(R"(CREATE TABLE stat_minutes (
            minute INTEGER NOT NULL,
            operation TEXT NOT NULL,
            histogram BLOB NOT NULL,
            PRIMARY KEY (minute, operation)) WITHOUT ROWID)"),
    };
    return m;
}

// Collections that follow their folders (LiveCollections), and when each last finished an ingest.
Migration liveCollections() {
    Migration m;
    m.version = 6;
    m.description = QStringLiteral("live collections");
    m.statements = {
        QStringLiteral("ALTER TABLE collections ADD COLUMN keep_in_sync INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE collections ADD COLUMN synced_at INTEGER NOT NULL DEFAULT 0"),
    };
    return m;
}

// Team libraries this data folder subscribes to (a PostgreSQL URL without its password), and the
// collections that are their replicas: which library, which of its collections, and the last version
// of that collection's change log applied here (see LibrarySync); and which feedback went to a library.
Migration teamLibraries() {
    Migration m;
    m.version = 7;
    m.description = QStringLiteral("team libraries");
    m.statements = {
        QStringLiteral(R"(CREATE TABLE libraries (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            subscribed_at INTEGER NOT NULL,
            synced_at INTEGER NOT NULL DEFAULT 0,
            tried_at INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            share_feedback INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral("ALTER TABLE collections ADD COLUMN library_id INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE collections ADD COLUMN library_collection_id INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE collections ADD COLUMN library_version INTEGER NOT NULL DEFAULT 0"),
        // The feedback last sent to a team library for the answer (0: none): what is still to send.
        QStringLiteral("ALTER TABLE messages ADD COLUMN feedback_shared INTEGER NOT NULL DEFAULT 0"),
    };
    return m;
}

} // namespace

const std::vector<Migration>& Migrations::all() {
    static const std::vector<Migration> migrations = {initialSchema(), ingestState(), symbols(),
                                                      chunkOwners(),   statistics(),  liveCollections(),
                                                      teamLibraries()};
    return migrations;
}

int Migrations::latestVersion() {
    return all().back().version;
}

} // namespace docrag
