#pragma once

#include "engine/library/library_connection.h"
#include "engine/rag/rag_engine.h"
#include "tests/support/postgres_server.h"
#include "tests/support/temp_tree.h"

#include <QString>

#include <map>
#include <memory>

namespace docrag::test {

// What the team library tests share: a real PostgreSQL server, a fresh database on it per test, data
// folders for engines, and folders of pages to share.
class TeamLibraryRig final {
public:
    TeamLibraryRig() = default;
    // Joins the threads QtConcurrent::run used: libpq's OpenSSL keeps per-thread state (its random
    // generator, for SCRAM) that a thread frees when it ends, and LeakSanitizer counts what a thread
    // still alive at exit holds.
    ~TeamLibraryRig();
    TeamLibraryRig(const TeamLibraryRig&) = delete;
    TeamLibraryRig& operator=(const TeamLibraryRig&) = delete;

    bool start() { return m_server.start(); }
    PostgresServer& server() { return m_server; }
    TempTree& tree() { return m_tree; }

    // postgresql://admin:password@127.0.0.1:PORT/libraryN, empty (see server().error()) on failure.
    QString freshLibrary();
    std::unique_ptr<RagEngine> engine(const QString& dataFolder);
    // `count` Markdown pages of three sections each under `folder`, about `word`N; their folder.
    QString writePages(const QString& folder, int count, const QString& word);
    // An ingest of `folder` into `collection`, shared in `library`.
    static IngestRequest sharing(const QString& collection, const QString& folder, const QString& library);
    // What most tests start from: a fresh library, `pages` pages about `word` in NAME/docs shared into it
    // as the collection "docs" by the engine of the data folder NAME/writer, and the engine of NAME/reader
    // (subscribed to nothing yet).
    struct Shared final {
        QString url; // with the administrator's password
        QString database;
        QString folder;
        std::unique_ptr<RagEngine> writer;
        std::unique_ptr<RagEngine> reader;
    };
    // Empty when it worked; else what failed.
    QString shareFresh(const QString& name, int pages, const QString& word, Shared& out);
    // The passages of each document of a data folder's collection, by path.
    static std::map<QString, int> passages(RagEngine& engine, const QString& collection);
    // Whether a search for `word` has `file` (a path's end) as its top hit.
    static bool finds(RagEngine& engine, const QString& word, const QString& file);
    // A connection to the library `url` names; the error when there is none.
    static Result<LibraryConnection> connect(const QString& url);

private:
    PostgresServer m_server;
    TempTree m_tree;
    int m_databases = 0;
};

} // namespace docrag::test
