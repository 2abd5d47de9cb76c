#include "engine/ingest/ingestion_pipeline.h"

#include "engine/core/clock.h"
#include "engine/core/folder_path.h"
#include "engine/core/logging.h"
#include "engine/core/tsan.h"
#include "engine/embed/embedder.h"
#include "engine/ingest/file_processor.h"
#include "engine/ingest/ingest_writer.h"
#include "engine/ingest/loader_registry.h"
#include "engine/metrics/performance_monitor.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/document_store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThreadPool>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace docrag {
namespace {

// Hands finished files from pool threads to the writer thread. Standard primitives, not QMutex with
// QWaitCondition: the wait inside Qt's library would hide the unlock from ThreadSanitizer.
class ResultQueue final {
public:
    void push(ProcessedFile file) {
        {
            std::lock_guard lock(m_mutex);
            m_items.push_back(std::move(file));
        }
        m_ready.notify_one();
    }
    ProcessedFile pop() {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return !m_items.empty(); });
        ProcessedFile file = std::move(m_items.front());
        m_items.pop_front();
        return file;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<ProcessedFile> m_items;
};

QString megabytes(qint64 bytes) {
    return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

Status validateName(const QString& name) {
    if (name.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the collection needs a name")};
    if (name.size() > 200)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the collection name is longer than 200 characters")};
    if (std::any_of(name.begin(), name.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the collection name contains control characters")};
    return {};
}

struct Tally final {
    qint64 startNs = 0;
    IngestProgress progress;
};

} // namespace

IngestionPipeline::IngestionPipeline(Database& database, VectorIndexManager& indexes,
                                     const LoaderRegistry& loaders, const Chunker& chunker,
                                     const Embedder& embedder, QThreadPool& pool, const Clock& clock)
    : m_database(database)
    , m_indexes(indexes)
    , m_loaders(loaders)
    , m_chunker(chunker)
    , m_embedder(embedder)
    , m_pool(pool)
    , m_clock(clock) {}

namespace {

Result<Collection> prepareCollection(Database& database, const IngestRequest& request,
                                     const QStringList& roots, const QString& embedderId, qint64 now) {
    CollectionStore store(database.connection());
    auto found = store.find(request.collection);
    if (!found && found.error().code != ErrorCode::NotFound)
        return found.error();
    if (!found) {
        Collection c;
        c.name = request.collection.trimmed();
        c.docType = request.docType;
        c.rootPaths = roots;
        c.embedderId = embedderId;
        c.createdAtMs = now;
        c.updatedAtMs = now;
        c.keepInSync = request.keepInSync;
        return store.create(c);
    }
    Collection c = *found;
    if (c.embedderId != embedderId) {
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("collection \"%1\" was embedded with %2, not %3")
                         .arg(c.name, c.embedderId, embedderId)};
    }
    for (const QString& root : roots) {
        if (!c.rootPaths.contains(root))
            c.rootPaths << root;
    }
    if (!request.docType.isEmpty())
        c.docType = request.docType;
    c.updatedAtMs = now;
    if (Status s = store.update(c); !s)
        return s.error();
    // Asked again to keep in sync (the wizard's default); an ingest that does not ask leaves it as it is.
    if (request.keepInSync && !c.keepInSync) {
        if (Status s = store.setKeepInSync(c.id, true); !s)
            return s.error();
        c.keepInSync = true;
    }
    return c;
}

} // namespace

Result<IngestReport> IngestionPipeline::run(const IngestRequest& request, std::stop_token stop,
                                            const ProgressCallback& progress) {
    if (Status s = validateName(request.collection); !s)
        return s.error();
    if (request.paths.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("nothing to ingest: no path given")};
    auto log = Logging::get("docrag.ingest");
    Tally tally;
    tally.startNs = m_clock.monotonicNs();
    auto elapsedMs = [&] { return (m_clock.monotonicNs() - tally.startNs) / 1000000; };

    auto scan = FileScanner(request.scan).scan(request.paths, stop);
    if (!scan)
        return scan.error();
    auto collection = prepareCollection(m_database, request, scan->roots, m_embedder.id(), m_clock.nowMs());
    if (!collection)
        return collection.error();
    auto existingRows = DocumentStore(m_database.connection()).listByCollection(collection->id);
    if (!existingRows)
        return existingRows.error();
    std::unordered_map<QString, Document> existing;
    for (Document& d : *existingRows)
        existing.emplace(d.path, std::move(d));

    // Until it ends, the collection says an ingest is running, with what to run again to resume.
    const QString requestJson =
        QString::fromUtf8(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact));
    const qint64 filesTotal = static_cast<qint64>(scan->files.size() + scan->skipped.size());
    if (Status s = m_database.transaction([&](QSqlDatabase& db) {
            return CollectionStore(db).setIngestState(collection->id, Collection::kIngestRunning, requestJson,
                                                      filesTotal, 0);
        });
        !s)
        return s.error();
    const auto recordEnd = [&](bool complete, qint64 filesDone) {
        Status s = m_database.transaction([&](QSqlDatabase& db) {
            CollectionStore store(db);
            Status state = store.setIngestState(
                collection->id, complete ? QString() : QString(Collection::kIngestInterrupted), requestJson,
                filesTotal, filesDone);
            return state && complete ? store.setSyncedAt(collection->id, m_clock.nowMs()) : state;
        });
        // Not fatal to the files stored: the collection shows as interrupted, and a re-run mends it.
        if (!s)
            Logging::get("docrag.ingest")->warn("cannot record the end of the ingest: {}", s.error().message);
    };

    IngestReport report;
    report.collection = collection->name;
    report.collectionId = collection->id;
    IngestWriter writer(m_database, m_indexes, m_clock, *collection, m_embedder.id(), m_embedder.dimension(),
                        stop);
    IngestProgress& p = tally.progress;
    p.filesTotal = static_cast<int>(scan->files.size() + scan->skipped.size());

    auto notify = [&](const FileReport* finished) {
        if (!progress)
            return;
        p.elapsedMs = elapsedMs();
        const double seconds = std::max(1e-3, static_cast<double>(p.elapsedMs) / 1000.0);
        p.bytesPerSecond = static_cast<double>(p.bytesDone) / seconds;
        p.embeddingsPerSecond = static_cast<double>(p.embeddings) / seconds;
        p.etaMs = p.bytesDone > 0 ? static_cast<qint64>(static_cast<double>(p.bytesTotal - p.bytesDone) /
                                                        std::max(1.0, p.bytesPerSecond) * 1000.0)
                                  : -1;
        progress(p, finished);
    };
    // Every file gets exactly one report, passed to the callback as it is decided.
    auto record = [&](FileReport file) {
        if (file.outcome != FileOutcome::Removed)
            ++p.filesDone;
        if (file.outcome == FileOutcome::Indexed)
            p.chunks += file.chunks;
        report.files.push_back(std::move(file));
        notify(&report.files.back());
    };

    // Plan: decide from the scan and the database alone what needs reading.
    std::vector<FileJob> jobs;
    std::unordered_set<QString> seen;
    for (const ScannedFile& file : scan->files) {
        seen.insert(file.path);
        std::optional<Document> previous;
        if (auto it = existing.find(file.path); it != existing.end())
            previous = it->second;
        Result<FileReport> decided = Error{ErrorCode::Internal, QString()};
        if (file.size > request.limits.maxFileBytes) {
            decided =
                writer.skipUnread(file.path,
                                  QStringLiteral("too large (%1, limit %2)")
                                      .arg(megabytes(file.size), megabytes(request.limits.maxFileBytes)),
                                  previous);
        } else if (const qint64 need = request.limits.memoryEstimate(file.size);
                   need > request.limits.memoryBudgetBytes) {
            decided =
                writer.skipUnread(file.path,
                                  QStringLiteral("would need about %1 of memory to read, over the ingest's "
                                                 "budget of %2 (--memory-budget)")
                                      .arg(megabytes(need), megabytes(request.limits.memoryBudgetBytes)),
                                  previous);
        } else if (!m_loaders.loaderFor(file.path)) {
            decided = writer.skipUnread(
                file.path, QStringLiteral("unsupported file type (.%1)").arg(QFileInfo(file.path).suffix()),
                previous);
        } else if (previous && previous->size == file.size && previous->mtimeMs == file.mtimeMs &&
                   previous->status != DocumentStatus::Failed) {
            const QString detail = previous->status == DocumentStatus::Skipped
                                       ? QStringLiteral("skipped: %1").arg(previous->error)
                                       : QString();
            decided = FileReport{file.path, FileOutcome::Unchanged, detail, 0, 0};
        } else {
            p.bytesTotal += file.size;
            jobs.push_back(FileJob{file.path, file.size, file.mtimeMs, previous, {}});
            continue;
        }
        if (!decided) {
            recordEnd(false, p.filesDone);
            return decided.error();
        }
        record(std::move(*decided));
    }
    QStringList onlyUnder;
    for (const QString& path : request.scan.onlyUnder)
        onlyUnder << QDir::cleanPath(path);
    QStringList unseen; // what the scan could not look into: its documents are not known to be gone
    for (const ScanSkip& skip : scan->skipped) {
        unseen << skip.path;
        record(FileReport{skip.path, FileOutcome::Skipped, skip.reason, 0, 0});
    }
    for (const auto& [path, document] : existing) {
        // A scan of what changed says nothing of the documents elsewhere under the roots.
        if (seen.contains(path) || !FolderPath::anyHolds(scan->roots, path) ||
            FolderPath::anyHolds(unseen, path) ||
            (!onlyUnder.isEmpty() && !FolderPath::anyHolds(onlyUnder, path)))
            continue;
        auto removed = writer.remove(document);
        if (!removed) {
            recordEnd(false, p.filesDone);
            return removed.error();
        }
        record(std::move(*removed));
    }
    notify(nullptr);

    // Process on the pool, write here. A bounded number of files in flight caps memory.
    FileProcessor processor(m_loaders, m_chunker, m_embedder, request.limits, m_monitor);
    ResultQueue queue;
    // A remote embedder spends its time waiting for the network: many files in flight, on threads that
    // mostly sleep, let it fill large batches and keep several requests going.
    const bool remote = m_embedder.isRemote();
    QThreadPool remotePool;
    remotePool.setMaxThreadCount(96);
    QThreadPool& workers = remote ? remotePool : m_pool;
    const size_t limit = remote ? 192 : static_cast<size_t>(std::max(1, m_pool.maxThreadCount())) * 2 + 2;
    size_t next = 0;
    size_t inFlight = 0;
    // Files in flight share the memory budget: a large one waits until the others are written, so a
    // folder of them costs what the largest does, not their sum.
    qint64 reserved = 0;
    const auto fits = [&](const FileJob& job) {
        return inFlight == 0 ||
               reserved + request.limits.memoryEstimate(job.size) <= request.limits.memoryBudgetBytes;
    };
    std::optional<Error> failure;
    ChunkStore chunkReader(m_database.connection());
    for (;;) {
        while (!failure && !stop.stop_requested() && inFlight < limit && next < jobs.size() &&
               fits(jobs[next])) {
            FileJob job = std::move(jobs[next++]);
            reserved += request.limits.memoryEstimate(job.size);
            if (job.previous && job.previous->status == DocumentStatus::Indexed) {
                if (auto reusable = chunkReader.vectorsForDocument(job.previous->id, m_embedder.id()))
                    job.reusable = std::move(*reusable);
            }
            p.currentFile = job.path;
            workers.start(Tsan::handOff(
                [&processor, &queue, stop, monitor = m_monitor, job = std::move(job)]() mutable {
                    const auto timer = PerformanceMonitor::ScopedTimer(
                        monitor, PerformanceMonitor::Operation::IngestFile, job.path);
                    queue.push(processor.process(std::move(job), stop));
                }));
            ++inFlight;
        }
        if (inFlight == 0)
            break;
        ProcessedFile done = queue.pop();
        --inFlight;
        reserved -= request.limits.memoryEstimate(done.job.size);
        // After a cancel or a write failure, files still in flight are dropped: nothing half-written.
        if (failure || stop.stop_requested() || done.kind == ProcessedFile::Kind::Cancelled)
            continue;
        p.bytesDone += done.job.size;
        p.embeddings += done.embedded;
        report.bytesRead += done.bytesRead;
        report.embeddingsComputed += done.embedded;
        report.embeddingsReused += done.reused;
        auto written = writer.write(done, p.filesDone + 1);
        if (!written) {
            failure = written.error();
            continue;
        }
        if (written->outcome == FileOutcome::Indexed)
            report.chunksWritten += written->chunks;
        else if (written->outcome == FileOutcome::Failed)
            log->warn("{}: {}", written->path, written->detail);
        record(std::move(*written));
    }

    report.cancelled = stop.stop_requested() && !failure;
    if (Status saved = writer.finish(!report.cancelled && !failure); !saved)
        log->warn("cannot save the vector index (it will be rebuilt): {}", saved.error().message);
    report.indexRebuilt = writer.indexRebuilt();
    recordEnd(!report.cancelled && !failure, p.filesDone);
    if (failure)
        return *failure;
    std::sort(report.files.begin(), report.files.end(),
              [](const FileReport& a, const FileReport& b) { return a.path < b.path; });
    report.elapsedMs = elapsedMs();
    log->info("ingest of \"{}\": {} indexed, {} unchanged, {} skipped, {} failed, {} removed in {} ms{}",
              report.collection, report.count(FileOutcome::Indexed), report.count(FileOutcome::Unchanged),
              report.count(FileOutcome::Skipped), report.count(FileOutcome::Failed),
              report.count(FileOutcome::Removed), report.elapsedMs, report.cancelled ? " (cancelled)" : "");
    return report;
}

} // namespace docrag
