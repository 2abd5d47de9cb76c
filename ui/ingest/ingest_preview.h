#pragma once

#include "engine/core/result.h"
#include "engine/ingest/chunker.h"
#include "engine/ingest/file_scanner.h"

#include <QStringList>

#include <stop_token>

namespace docrag {

// What an ingest of some folders would read, found the way the pipeline finds it (same scanner, same
// loaders, same size cap), and roughly how many tokens it would embed. For the wizard's live preview
// and its cost estimate; the database is not consulted, so unchanged files count as new.
struct IngestPreview final {
    static constexpr int kSampleFiles = 24;
    static constexpr qint64 kSampleFileBytes = 1024 * 1024; // larger files are not sampled

    int files = 0; // files that will be read
    qint64 bytes = 0;
    int skipped = 0; // listed but not read: unsupported type, too large, unreadable or special
    // Tokens the embedder would see (titles and heading paths included): the token count of a sample
    // of files, parsed and chunked, scaled to all the bytes. 0 when there is nothing to read.
    qint64 estimatedTokens = 0;
    int sampledFiles = 0;

    // Blocks; runs on a worker thread. Error(Cancelled) when `stop` is requested.
    static Result<IngestPreview> compute(const QStringList& paths, const ScanOptions& scan,
                                         qint64 maxFileBytes, const ChunkerOptions& chunker,
                                         std::stop_token stop = {});
};

} // namespace docrag
