#pragma once

#include "engine/rag/rag_engine.h"
#include "tests/support/postgres_server.h"
#include "tests/support/temp_tree.h"

#include <QString>

#include <memory>

namespace docrag::test {

// What the team library tests share: a real PostgreSQL server, a fresh database on it per test, data
// folders for engines, and folders of pages to share.
class TeamLibraryRig final {
public:
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

private:
    PostgresServer m_server;
    TempTree m_tree;
    int m_databases = 0;
};

} // namespace docrag::test
