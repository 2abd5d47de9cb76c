#include "engine/index/vector_index_manager.h"

#include "engine/core/file_identity.h"
#include "engine/core/hashing.h"
#include "engine/core/logging.h"
#include "engine/core/tsan.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/sql_error.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlError>

#include <cerrno>
#include <csignal>

namespace docrag {
namespace {

// 2: vectors in half precision. An index of another format is rebuilt from the database.
constexpr int kSidecarFormat = 2;

QString sidecarPath(const QString& indexPath) {
    return indexPath + QStringLiteral(".json");
}

QString indexFile(const QString& indexDir, qint64 collectionId) {
    return QDir(indexDir).filePath(QStringLiteral("collection-%1.hnsw").arg(collectionId));
}

// Replaces the sidecar of the index at `path` as a whole (QSaveFile): a crash leaves the old one or the new.
Status storeSidecar(const QString& path, const QJsonObject& sidecar) {
    QSaveFile file(sidecarPath(path));
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(file.fileName())};
    const QByteArray json = QJsonDocument(sidecar).toJson(QJsonDocument::Compact);
    if (file.write(json) != json.size() || !file.commit())
        return Error{ErrorCode::Io,
                     QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString())};
    return {};
}

// The sidecar of the index at `path`, when it describes `collection` as the database has it now.
Result<QJsonObject> currentSidecar(const QString& path, const Collection& collection) {
    QFile file(sidecarPath(path));
    if (!QFile::exists(path) || !file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, QStringLiteral("no index file")};
    const QJsonObject sidecar = QJsonDocument::fromJson(file.readAll()).object();
    if (sidecar.value(QLatin1String("format")).toInt() != kSidecarFormat ||
        sidecar.value(QLatin1String("embedder")).toString() != collection.embedderId)
        return Error{ErrorCode::Corrupt, QStringLiteral("index made by another embedder or version")};
    if (sidecar.value(QLatin1String("generation")).toInteger() != collection.generation)
        return Error{ErrorCode::Corrupt,
                     QStringLiteral("index is behind the database (generation %1, database %2)")
                         .arg(sidecar.value(QLatin1String("generation")).toInteger())
                         .arg(collection.generation)};
    return sidecar;
}

// Whether the bytes of `file` are the ones the sidecar was written for.
Status checkChecksum(QFile& file, const QJsonObject& sidecar) {
    const auto hash = Hashing::xxh3(file);
    if (!hash)
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1").arg(file.fileName())};
    if (Hashing::toHex(*hash) != sidecar.value(QLatin1String("checksum")).toString())
        return Error{ErrorCode::Corrupt, QStringLiteral("index file is damaged (checksum mismatch)")};
    return {};
}

bool processAlive(qint64 pid) {
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

} // namespace

VectorIndexManager::VectorIndexManager(Database& database, QString indexDir, VectorIndexParams params)
    : m_database(database)
    , m_indexDir(std::move(indexDir))
    , m_params(params) {
    QDir().mkpath(m_indexDir);
    m_rebuildPool.setMaxThreadCount(1);
    // The rebuild thread keeps its database connection; an expiring thread would leak it.
    m_rebuildPool.setExpiryTimeout(-1);
    m_rebuildPool.setObjectName(QStringLiteral("docrag-index-rebuild"));
    if (const int removed = removeStaleTemporaryFiles(); removed > 0)
        Logging::get("docrag.index")->info("removed {} temporary index files left by crashed saves", removed);
}

VectorIndexManager::~VectorIndexManager() {
    stopRebuilds();
    m_rebuildPool.waitForDone();
    Tsan::acquire();
}

void VectorIndexManager::stopRebuilds() {
    m_stop.request_stop();
    m_rebuildPool.clear();
}

QString VectorIndexManager::indexPath(qint64 collectionId) const {
    return indexFile(m_indexDir, collectionId);
}

Status VectorIndexManager::verifyFiles(const QString& indexDir, const Collection& collection,
                                       qint64 vectors) {
    const QString path = indexFile(indexDir, collection.id);
    auto sidecar = currentSidecar(path, collection);
    if (!sidecar)
        return sidecar.error();
    if (sidecar->value(QLatin1String("count")).toInteger() != vectors)
        return Error{ErrorCode::Corrupt, QStringLiteral("index holds %1 vectors, the database %2")
                                             .arg(sidecar->value(QLatin1String("count")).toInteger())
                                             .arg(vectors)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1").arg(path)};
    return checkChecksum(file, *sidecar);
}

int VectorIndexManager::removeStaleTemporaryFiles() const {
    // VectorIndex::save names its temporary file "<index>.tmp-<pid>-<serial>".
    static const QRegularExpression pattern(QStringLiteral(R"(\.hnsw\.tmp-(\d+)-\d+$)"));
    int removed = 0;
    const QDir dir(m_indexDir);
    for (const QString& name : dir.entryList({QStringLiteral("*.hnsw.tmp-*")}, QDir::Files)) {
        const auto match = pattern.match(name);
        if (!match.hasMatch() || processAlive(match.captured(1).toLongLong()))
            continue;
        if (QFile::remove(dir.filePath(name)))
            ++removed;
    }
    return removed;
}

Result<std::shared_ptr<VectorIndex>> VectorIndexManager::lookup(const Collection& collection,
                                                                bool verified) const {
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(collection.id);
    if (it != m_entries.end() && it->second.generation == collection.generation &&
        it->second.embedderId == collection.embedderId && (it->second.verified || !verified))
        return it->second.index;
    return Error{ErrorCode::NotFound, QString()};
}

std::shared_ptr<VectorIndex> VectorIndexManager::install(qint64 collectionId, Entry entry) {
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(collectionId);
    // Generations only move forward: an index read from an older snapshot never replaces a newer one.
    // At the same generation a verified index replaces one that is not.
    if (it != m_entries.end() && it->second.embedderId == entry.embedderId &&
        (it->second.generation > entry.generation ||
         (it->second.generation == entry.generation && (it->second.verified || !entry.verified))))
        return it->second.index;
    auto index = entry.index;
    m_entries[collectionId] = std::move(entry);
    return index;
}

std::shared_ptr<VectorIndex> VectorIndexManager::cachedOrLoaded(const Collection& collection, int dimension,
                                                                bool verify, QString* why) {
    if (auto found = lookup(collection, verify))
        return *found;
    auto loaded = loadFromDisk(collection, dimension, verify);
    if (!loaded) {
        if (why)
            *why = loaded.error().message;
        return nullptr;
    }
    return install(collection.id, Entry{*loaded, collection.embedderId, collection.generation,
                                        collection.generation, verify});
}

Result<std::shared_ptr<VectorIndex>> VectorIndexManager::current(const Collection& collection,
                                                                 int dimension) {
    if (auto index = cachedOrLoaded(collection, dimension, false))
        return index;
    startBackgroundRebuild(collection, dimension);
    return std::shared_ptr<VectorIndex>();
}

void VectorIndexManager::startBackgroundRebuild(const Collection& collection, int dimension) {
    {
        QMutexLocker lock(&m_mutex);
        if (m_stop.stop_requested() || !m_rebuilding.insert(collection.id).second)
            return;
    }
    Logging::get("docrag.index")
        ->info("rebuilding the index of \"{}\" in the background; searches use exact vectors meanwhile",
               collection.name);
    const qint64 id = collection.id;
    const QString embedderId = collection.embedderId;
    const QString name = collection.name;
    m_rebuildPool.start(Tsan::handOff([this, id, embedderId, name, dimension] {
        auto rebuilt = rebuild(id, dimension, m_stop.get_token());
        if (rebuilt) {
            auto& [index, generation] = *rebuilt;
            install(id, Entry{index, embedderId, generation, -1, true});
            if (Status saved = save(id); !saved)
                Logging::get("docrag.index")
                    ->warn("cannot save the index of \"{}\": {}", name, saved.error().message);
        } else if (rebuilt.error().code != ErrorCode::Cancelled) {
            Logging::get("docrag.index")
                ->warn("cannot rebuild the index of \"{}\": {}", name, rebuilt.error().message);
        }
        QMutexLocker lock(&m_mutex);
        m_rebuilding.erase(id);
        if (rebuilt)
            ++m_backgroundRebuilds;
    }));
}

bool VectorIndexManager::waitForRebuilds(int timeoutMs) {
    const bool done = m_rebuildPool.waitForDone(timeoutMs);
    Tsan::acquire();
    return done;
}

int VectorIndexManager::backgroundRebuilds() const {
    QMutexLocker lock(&m_mutex);
    return m_backgroundRebuilds;
}

Result<std::shared_ptr<VectorIndex>> VectorIndexManager::open(const Collection& collection, int dimension,
                                                              std::stop_token stop, bool* rebuilt) {
    if (rebuilt)
        *rebuilt = false;
    QString why;
    if (auto index = cachedOrLoaded(collection, dimension, true, &why))
        return index;
    Logging::get("docrag.index")
        ->info("rebuilding the index of \"{}\" from the database: {}", collection.name, why);
    auto made = rebuild(collection.id, dimension, stop);
    if (!made)
        return made.error();
    auto& [index, generation] = *made;
    if (generation != collection.generation)
        return Error{ErrorCode::Internal,
                     QStringLiteral("the collection \"%1\" changed while its index was rebuilt (generation "
                                    "%2, expected %3): is another process writing to it?")
                         .arg(collection.name)
                         .arg(generation)
                         .arg(collection.generation)};
    if (rebuilt)
        *rebuilt = true;
    auto kept = install(collection.id, Entry{index, collection.embedderId, generation, -1, true});
    if (Status saved = save(collection.id); !saved)
        Logging::get("docrag.index")->warn("cannot save the rebuilt index: {}", saved.error().message);
    return kept;
}

Result<std::shared_ptr<VectorIndex>> VectorIndexManager::loadFromDisk(const Collection& collection,
                                                                      int dimension, bool verify) const {
    const QString path = indexPath(collection.id);
    auto current = currentSidecar(path, collection);
    if (!current)
        return current.error();
    const QJsonObject& sidecar = *current;
    if (sidecar.value(QLatin1String("dimension")).toInt() != dimension)
        return Error{ErrorCode::Corrupt, QStringLiteral("index made by another embedder or version")};
    // Another process may replace or delete the file meanwhile: everything below reads the one file
    // opened here (through /proc/self/fd), so the checksum and the graph come from the same bytes.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, QStringLiteral("no index file")};
    // For a search, reading the whole file for its checksum would cost more than the search: the bytes
    // are the ones the sidecar was written for while the file is the one the save wrote.
    const QString identity = FileIdentity::of(file.handle());
    const QString recorded = sidecar.value(QLatin1String("file")).toString();
    if (verify || identity.isEmpty() || identity != recorded) {
        if (Status s = checkChecksum(file, sidecar); !s)
            return s.error();
        // A sidecar from before identities were recorded gets this one, so that the next search does not
        // read the file again. Should another process have saved both files meanwhile, the sidecar
        // written here names a generation and checksum the new file does not have: rebuilt, never trusted.
        if (recorded.isEmpty() && !identity.isEmpty()) {
            QJsonObject upgraded = sidecar;
            upgraded.insert(QLatin1String("file"), identity);
            (void)storeSidecar(path, upgraded); // a read-only data folder keeps the old one: nothing lost
        }
    }
    const qint64 live = sidecar.value(QLatin1String("count")).toInteger(-1);
    if (live < 0)
        return Error{ErrorCode::Corrupt, QStringLiteral("index sidecar has no vector count")};
    auto index = VectorIndex::load(QStringLiteral("/proc/self/fd/%1").arg(file.handle()), dimension, m_params,
                                   static_cast<size_t>(live));
    if (!index)
        return index.error();
    return std::shared_ptr<VectorIndex>(std::move(*index));
}

Result<std::pair<std::shared_ptr<VectorIndex>, qint64>>
VectorIndexManager::rebuild(qint64 collectionId, int dimension, std::stop_token stop) const {
    QSqlDatabase db = m_database.connection();
    // One read transaction: the generation and the vectors come from the same snapshot.
    if (!db.transaction())
        return SqlError::from(db.lastError(), "reading the collection's vectors");
    struct EndRead {
        QSqlDatabase& db;
        ~EndRead() { db.rollback(); }
    } endRead{db};
    auto collection = CollectionStore(db).get(collectionId);
    if (!collection)
        return collection.error();
    ChunkStore chunks(db);
    auto count = chunks.countVectors(collection->id, collection->embedderId);
    if (!count)
        return count.error();
    auto index = std::make_shared<VectorIndex>(dimension, static_cast<size_t>(*count) + 16, m_params);
    // Read in slices: a 100k-chunk collection rebuilds without holding every vector in memory at once.
    constexpr size_t kSlice = 16384;
    std::vector<qint64> labels;
    std::vector<float> vectors;
    Status added;
    auto flush = [&] {
        if (added.ok() && !labels.empty())
            added = index->addBatch(labels, vectors, stop);
        labels.clear();
        vectors.clear();
    };
    Status read = chunks.forEachVector(
        collection->id, collection->embedderId,
        [&](qint64 chunkId, std::span<const float> vector) {
            if (vector.size() != static_cast<size_t>(dimension))
                return; // written by another embedder version: not ours
            labels.push_back(chunkId);
            vectors.insert(vectors.end(), vector.begin(), vector.end());
            if (labels.size() >= kSlice)
                flush();
        },
        stop);
    flush();
    if (!read)
        return read.error();
    if (!added)
        return added.error();
    return std::pair{index, collection->generation};
}

void VectorIndexManager::markCurrent(qint64 collectionId, const VectorIndex* index, qint64 generation) {
    QMutexLocker lock(&m_mutex);
    if (auto it = m_entries.find(collectionId); it != m_entries.end() && it->second.index.get() == index)
        it->second.generation = std::max(it->second.generation, generation);
}

Status VectorIndexManager::save(qint64 collectionId) {
    Entry entry;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_entries.find(collectionId);
        if (it == m_entries.end() || it->second.savedGeneration == it->second.generation)
            return {};
        entry = it->second;
    }
    // Written outside the mutex: searches and other collections go on meanwhile.
    const QString path = indexPath(collectionId);
    quint64 written = 0;
    QString identity;
    if (Status s = entry.index->save(path, &written, &identity); !s)
        return s;
    // The checksum of the bytes this save wrote: if another process replaced the file meanwhile, the
    // sidecar does not match it and the index is rebuilt rather than trusted.
    if (Status s = writeSidecar(path, entry, Hashing::toHex(written), identity); !s) {
        // An index without a sidecar is never trusted, so a half-done save only costs a rebuild.
        QFile::remove(sidecarPath(path));
        return s;
    }
    QMutexLocker lock(&m_mutex);
    if (auto it = m_entries.find(collectionId); it != m_entries.end() && it->second.index == entry.index)
        it->second.savedGeneration = std::max(it->second.savedGeneration, entry.generation);
    return {};
}

bool VectorIndexManager::isSaved(const Collection& collection) const {
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_entries.find(collection.id); it != m_entries.end() &&
                                                     it->second.embedderId == collection.embedderId &&
                                                     it->second.savedGeneration == collection.generation)
            return true;
    }
    return static_cast<bool>(currentSidecar(indexPath(collection.id), collection));
}

Status VectorIndexManager::writeSidecar(const QString& path, const Entry& entry, const QString& checksum,
                                        const QString& identity) const {
    QJsonObject sidecar{{QLatin1String("format"), kSidecarFormat},
                        {QLatin1String("embedder"), entry.embedderId},
                        {QLatin1String("dimension"), entry.index->dimension()},
                        {QLatin1String("generation"), entry.generation},
                        {QLatin1String("count"), static_cast<qint64>(entry.index->size())},
                        {QLatin1String("checksum"), checksum},
                        {QLatin1String("file"), identity}};
    return storeSidecar(path, sidecar);
}

void VectorIndexManager::invalidate(qint64 collectionId) {
    QMutexLocker lock(&m_mutex);
    m_entries.erase(collectionId);
}

void VectorIndexManager::drop(qint64 collectionId) {
    {
        QMutexLocker lock(&m_mutex);
        m_entries.erase(collectionId);
    }
    const QString path = indexPath(collectionId);
    QFile::remove(sidecarPath(path));
    QFile::remove(path);
}

} // namespace docrag
