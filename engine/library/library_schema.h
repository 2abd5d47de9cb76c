#pragma once

#include "engine/core/result.h"

namespace docrag {

class LibraryConnection;

// The tables of a team library in PostgreSQL, created and upgraded by versioned migrations like the
// local store's. Two machines opening a new library at once take turns (an advisory lock held by
// the migrating transaction; PostgreSQL's DDL is transactional, so a failed step leaves nothing).
//
// collections: one row per shared collection; `version` counts its changes. documents: the indexed
// files (path as the writer saw it), each with the version that last wrote it. passages: a document's
// passages with their vectors (float32, little-endian). symbols: the API names a document defines.
// changes: the change log, (collection, version) -> the path upserted or removed: what replicas read.
// feedback: what the team said of answers drawn from the library, appended only (a reader's role needs
// INSERT alone): the latest row of an origin (one answer on one machine) counts, rating 0 withdraws it.
class LibrarySchema final {
public:
    static int latestVersion();
    // Creates or upgrades the tables (a writer's first connection).
    static Status migrate(LibraryConnection& connection);
    // For readers, which may have no right to create anything: the tables are there and not newer
    // than this program knows.
    static Status check(LibraryConnection& connection);
    // The version of the tables, 0 for an empty database.
    static Result<int> version(LibraryConnection& connection);
};

} // namespace docrag
