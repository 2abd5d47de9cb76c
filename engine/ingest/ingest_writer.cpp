#include "engine/ingest/ingest_writer.h"

#include "engine/core/clock.h"
#include "engine/core/logging.h"
#include "engine/index/index_inserter.h"
#include "engine/index/vector_index_manager.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/document_store.h"
#include "engine/store/symbol_store.h"

#include <QUrl>

namespace docrag {
namespace {

// Handed to the inserter thread in small batches, so that inserting overlaps the rest of the ingest.
constexpr size_t kMaxPending = 1024;
const QString kKeptPrevious = QStringLiteral("; the previously indexed version is kept");

Document documentFor(const ProcessedFile& file, qint64 collectionId, qint64 now) {
    Document doc;
    doc.collectionId = collectionId;
    doc.path = file.job.path;
    doc.sourceUrl = QUrl::fromLocalFile(file.job.path).toString();
    doc.title = file.title;
    doc.contentHash = file.contentHash;
    doc.size = file.job.size;
    doc.mtimeMs = file.job.mtimeMs;
    doc.ingestedAtMs = now;
    return doc;
}

} // namespace

IngestWriter::IngestWriter(Database& database, VectorIndexManager& indexes, const Clock& clock,
                           Collection collection, QString embedderId, int dimension, std::stop_token stop)
    : m_database(database)
    , m_indexes(indexes)
    , m_clock(clock)
    , m_collection(std::move(collection))
    , m_embedderId(std::move(embedderId))
    , m_dimension(dimension)
    , m_chunks(std::make_unique<ChunkStore>(database.connection()))
    , m_symbols(std::make_unique<SymbolStore>(database.connection()))
    , m_stop(std::move(stop)) {}

IngestWriter::~IngestWriter() = default;

Result<VectorIndex*> IngestWriter::index() {
    if (!m_index) {
        auto opened = m_indexes.open(m_collection, m_dimension, m_stop, &m_indexRebuilt);
        if (!opened)
            return opened.error();
        m_index = *opened;
        m_inserter = std::make_unique<IndexInserter>(m_index, m_stop);
    }
    return m_index.get();
}

Result<FileReport> IngestWriter::write(ProcessedFile& file, qint64 filesDone) {
    // Open the index before writing so that a stale index is rebuilt from the database as it was,
    // not with this file's chunks already in it.
    const bool touchesChunks = file.kind == ProcessedFile::Kind::Indexed ||
                               (file.job.previous && file.job.previous->status == DocumentStatus::Indexed);
    if (touchesChunks) {
        if (auto idx = index(); !idx)
            return idx.error();
    }
    Result<FileReport> report = Error{ErrorCode::Internal, QString()};
    std::vector<qint64> removed;
    bool changed = false;
    Status stored = m_database.transaction([&](QSqlDatabase& db) -> Status {
        removed.clear();
        changed = false;
        report = writeOne(db, file, removed, changed);
        if (!report)
            return report.error();
        if (filesDone >= 0) {
            if (Status s = CollectionStore(db).setFilesDone(m_collection.id, filesDone); !s)
                return s;
        }
        if (m_inTransaction) {
            if (Status s = m_inTransaction(db); !s)
                return s;
        }
        return changed ? CollectionStore(db).bumpGeneration(m_collection.id, m_clock.nowMs()) : Status();
    });
    if (!stored)
        return stored.error();
    if (changed) {
        ++m_collection.generation;
        updateIndex(removed, file.kind == ProcessedFile::Kind::Indexed ? &file : nullptr);
    }
    return report;
}

Result<FileReport> IngestWriter::writeOne(QSqlDatabase& db, ProcessedFile& file, std::vector<qint64>& removed,
                                          bool& changed) {
    const qint64 now = m_clock.nowMs();
    DocumentStore documents(db);
    const std::optional<Document>& previous = file.job.previous;
    switch (file.kind) {
    case ProcessedFile::Kind::Indexed: {
        ChunkStore& chunks = *m_chunks;
        if (previous) {
            auto old = chunks.removeForDocument(previous->id);
            if (!old)
                return old.error();
            removed.insert(removed.end(), old->begin(), old->end());
        }
        Document doc = documentFor(file, m_collection.id, now);
        doc.status = DocumentStatus::Indexed;
        auto id = documents.upsert(doc);
        if (!id)
            return id.error();
        if (Status s = chunks.insert(*id, file.chunks, m_embedderId, file.vectors, m_dimension); !s)
            return s.error();
        if (Status s = m_symbols->replace(*id, file.symbols); !s)
            return s.error();
        changed = true;
        return FileReport{file.job.path, FileOutcome::Indexed, file.detail, file.bytesRead,
                          static_cast<int>(file.chunks.size())};
    }
    case ProcessedFile::Kind::SameContent:
        if (Status s = documents.touch(previous->id, file.job.size, file.job.mtimeMs); !s)
            return s.error();
        return FileReport{file.job.path, FileOutcome::Unchanged, QStringLiteral("same content"),
                          file.bytesRead, 0};
    case ProcessedFile::Kind::Skipped:
    case ProcessedFile::Kind::Failed: {
        const FileOutcome outcome =
            file.kind == ProcessedFile::Kind::Skipped ? FileOutcome::Skipped : FileOutcome::Failed;
        if (previous && previous->status == DocumentStatus::Indexed) {
            // Bad input never costs what is already stored: keep the last good version, and leave
            // size and time as they were so that the next run tries again.
            if (Status s = documents.setError(previous->id, file.detail); !s)
                return s.error();
            return FileReport{file.job.path, outcome, file.detail + kKeptPrevious, file.bytesRead, 0};
        }
        Document doc = documentFor(file, m_collection.id, now);
        doc.status =
            file.kind == ProcessedFile::Kind::Skipped ? DocumentStatus::Skipped : DocumentStatus::Failed;
        doc.error = file.detail;
        if (auto id = documents.upsert(doc); !id)
            return id.error();
        return FileReport{file.job.path, outcome, file.detail, file.bytesRead, 0};
    }
    case ProcessedFile::Kind::Cancelled:
        break;
    }
    return Error{ErrorCode::Cancelled, QStringLiteral("cancelled")};
}

void IngestWriter::updateIndex(const std::vector<qint64>& removed, const ProcessedFile* added) {
    // The transaction is committed: the database is right whatever happens here. If the index
    // cannot follow, it is forgotten and rebuilt from the database the next time it is opened.
    auto idx = index();
    if (!idx) {
        Logging::get("docrag.ingest")->warn("vector index unavailable: {}", idx.error().message);
        m_indexBroken = true;
        m_indexes.invalidate(m_collection.id);
        return;
    }
    for (qint64 id : removed)
        (*idx)->remove(id);
    if (added) {
        for (const Chunk& chunk : added->chunks)
            m_pendingLabels.push_back(chunk.id);
        m_pendingVectors.insert(m_pendingVectors.end(), added->vectors.begin(), added->vectors.end());
    }
    if (m_pendingLabels.size() >= kMaxPending)
        flushPending();
    if (m_inserter->failed())
        indexFailed();
    if (!m_indexBroken)
        m_indexes.markCurrent(m_collection.id, m_index.get(), m_collection.generation);
}

void IngestWriter::flushPending() {
    if (m_pendingLabels.empty() || m_indexBroken)
        return;
    m_inserter->add(std::move(m_pendingLabels), std::move(m_pendingVectors));
    m_pendingLabels.clear();
    m_pendingVectors.clear();
}

void IngestWriter::indexFailed() {
    if (m_indexBroken)
        return;
    const Status s = m_inserter->finish();
    Logging::get("docrag.ingest")
        ->warn("vector index update failed: {}", s.ok() ? QStringLiteral("stopped") : s.error().message);
    m_indexBroken = true;
    m_indexes.invalidate(m_collection.id);
}

Result<FileReport> IngestWriter::skipUnread(const QString& path, const QString& reason,
                                            const std::optional<Document>& previous) {
    if (previous && previous->status == DocumentStatus::Indexed) {
        if (Status s = DocumentStore(m_database.connection()).setError(previous->id, reason); !s)
            return s.error();
        return FileReport{path, FileOutcome::Skipped, reason + kKeptPrevious, 0, 0};
    }
    return FileReport{path, FileOutcome::Skipped, reason, 0, 0};
}

Result<FileReport> IngestWriter::remove(const Document& document) {
    if (auto idx = index(); !idx)
        return idx.error();
    std::vector<qint64> removed;
    const qint64 now = m_clock.nowMs();
    Status s = m_database.transaction([&](QSqlDatabase& db) -> Status {
        auto old = ChunkStore(db).removeForDocument(document.id);
        if (!old)
            return old.error();
        removed = std::move(*old);
        if (Status r = DocumentStore(db).remove(document.id); !r)
            return r;
        if (m_inTransaction) {
            if (Status r = m_inTransaction(db); !r)
                return r;
        }
        return CollectionStore(db).bumpGeneration(m_collection.id, now);
    });
    if (!s)
        return s.error();
    ++m_collection.generation;
    updateIndex(removed, nullptr);
    return FileReport{document.path, FileOutcome::Removed, QString(), 0, static_cast<int>(removed.size())};
}

Status IngestWriter::finish(bool complete) {
    // Opening rebuilds and saves a stale index, or finds the current one in memory for save() below.
    if (!m_index && complete && !m_indexes.isSaved(m_collection)) {
        if (auto idx = index(); !idx)
            return idx.error();
    }
    if (!m_index)
        return {};
    flushPending();
    if (m_indexBroken)
        return {};
    if (Status inserted = m_inserter->finish(); !inserted) {
        indexFailed();
        return {};
    }
    return m_indexes.save(m_collection.id);
}

} // namespace docrag
