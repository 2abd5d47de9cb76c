#include "engine/index/vector_index_manager.h"

#include "engine/core/hashing.h"
#include "engine/core/logging.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QThreadPool>

#include <xxhash.h>

namespace docrag {
namespace {

constexpr int kSidecarFormat = 1;

Result<QString> fileChecksum(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1").arg(path)};
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = file.read(buffer.data(), buffer.size())) > 0)
        XXH3_64bits_update(state, buffer.constData(), static_cast<size_t>(n));
    const quint64 hash = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    if (n < 0)
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1").arg(path)};
    return Hashing::toHex(hash);
}

QString sidecarPath(const QString& indexPath) {
    return indexPath + QStringLiteral(".json");
}

} // namespace

VectorIndexManager::VectorIndexManager(Database& database, QString indexDir, VectorIndexParams params,
                                       QThreadPool* pool)
    : m_database(database)
    , m_indexDir(std::move(indexDir))
    , m_params(params)
    , m_pool(pool ? pool : QThreadPool::globalInstance()) {
    QDir().mkpath(m_indexDir);
}

VectorIndexManager::~VectorIndexManager() = default;

QString VectorIndexManager::indexPath(qint64 collectionId) const {
    return QDir(m_indexDir).filePath(QStringLiteral("collection-%1.hnsw").arg(collectionId));
}

Result<std::shared_ptr<VectorIndex>> VectorIndexManager::open(const Collection& collection, int dimension) {
    QMutexLocker lock(&m_mutex);
    m_lastOpenRebuilt = false;
    auto it = m_entries.find(collection.id);
    if (it != m_entries.end() && it->second.generation == collection.generation &&
        it->second.embedderId == collection.embedderId)
        return it->second.index;

    auto loaded = loadFromDisk(collection, dimension);
    Entry entry;
    entry.embedderId = collection.embedderId;
    entry.generation = collection.generation;
    if (loaded) {
        entry.index = *loaded;
        entry.savedGeneration = collection.generation;
    } else {
        Logging::get("docrag.index")
            ->info("rebuilding the index of \"{}\" from the database: {}", collection.name,
                   loaded.error().message);
        auto rebuilt = rebuild(collection, dimension);
        if (!rebuilt)
            return rebuilt.error();
        entry.index = *rebuilt;
        m_lastOpenRebuilt = true;
    }
    auto index = entry.index;
    m_entries[collection.id] = std::move(entry);
    if (m_lastOpenRebuilt) {
        lock.unlock();
        if (Status saved = save(collection.id); !saved)
            Logging::get("docrag.index")->warn("cannot save the rebuilt index: {}", saved.error().message);
    }
    return index;
}

Result<std::shared_ptr<VectorIndex>> VectorIndexManager::loadFromDisk(const Collection& collection,
                                                                      int dimension) const {
    const QString path = indexPath(collection.id);
    QFile sidecarFile(sidecarPath(path));
    if (!sidecarFile.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, QStringLiteral("no index file")};
    const QJsonObject sidecar = QJsonDocument::fromJson(sidecarFile.readAll()).object();
    if (sidecar.value(QLatin1String("format")).toInt() != kSidecarFormat ||
        sidecar.value(QLatin1String("embedder")).toString() != collection.embedderId ||
        sidecar.value(QLatin1String("dimension")).toInt() != dimension)
        return Error{ErrorCode::Corrupt, QStringLiteral("index made by another embedder or version")};
    if (sidecar.value(QLatin1String("generation")).toInteger() != collection.generation)
        return Error{ErrorCode::Corrupt,
                     QStringLiteral("index is behind the database (generation %1, database %2)")
                         .arg(sidecar.value(QLatin1String("generation")).toInteger())
                         .arg(collection.generation)};
    auto checksum = fileChecksum(path);
    if (!checksum)
        return checksum.error();
    if (*checksum != sidecar.value(QLatin1String("checksum")).toString())
        return Error{ErrorCode::Corrupt, QStringLiteral("index file checksum mismatch")};
    auto index = VectorIndex::load(path, dimension, m_params);
    if (!index)
        return index.error();
    if (static_cast<qint64>((*index)->size()) != sidecar.value(QLatin1String("count")).toInteger())
        return Error{ErrorCode::Corrupt, QStringLiteral("index holds another number of vectors")};
    return std::shared_ptr<VectorIndex>(std::move(*index));
}

Result<std::shared_ptr<VectorIndex>> VectorIndexManager::rebuild(const Collection& collection,
                                                                 int dimension) const {
    ChunkStore chunks(m_database.connection());
    auto count = chunks.countVectors(collection.id, collection.embedderId);
    if (!count)
        return count.error();
    auto index = std::make_shared<VectorIndex>(dimension, static_cast<size_t>(*count) + 16, m_params);
    // Read in slices and insert each in parallel: a 100k-chunk collection rebuilds in seconds
    // without holding every vector in memory at once.
    constexpr size_t kSlice = 16384;
    std::vector<qint64> labels;
    std::vector<float> vectors;
    Status added;
    auto flush = [&] {
        if (added.ok() && !labels.empty())
            added = index->addBatch(labels, vectors, *m_pool);
        labels.clear();
        vectors.clear();
    };
    Status read = chunks.forEachVector(collection.id, collection.embedderId,
                                       [&](qint64 chunkId, std::span<const float> vector) {
                                           if (vector.size() != static_cast<size_t>(dimension))
                                               return; // written by another embedder version: not ours
                                           labels.push_back(chunkId);
                                           vectors.insert(vectors.end(), vector.begin(), vector.end());
                                           if (labels.size() >= kSlice)
                                               flush();
                                       });
    flush();
    if (!read)
        return read.error();
    if (!added)
        return added.error();
    return index;
}

void VectorIndexManager::markCurrent(qint64 collectionId, qint64 generation) {
    QMutexLocker lock(&m_mutex);
    if (auto it = m_entries.find(collectionId); it != m_entries.end())
        it->second.generation = generation;
}

Status VectorIndexManager::save(qint64 collectionId) {
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(collectionId);
    if (it == m_entries.end() || it->second.savedGeneration == it->second.generation)
        return {};
    const QString path = indexPath(collectionId);
    if (Status s = it->second.index->save(path); !s)
        return s;
    if (Status s = writeSidecar(collectionId, it->second); !s)
        return s;
    it->second.savedGeneration = it->second.generation;
    return {};
}

Status VectorIndexManager::writeSidecar(qint64 collectionId, const Entry& entry) const {
    const QString path = indexPath(collectionId);
    auto checksum = fileChecksum(path);
    if (!checksum)
        return checksum.error();
    QJsonObject sidecar{{QLatin1String("format"), kSidecarFormat},
                        {QLatin1String("embedder"), entry.embedderId},
                        {QLatin1String("dimension"), entry.index->dimension()},
                        {QLatin1String("generation"), entry.generation},
                        {QLatin1String("count"), static_cast<qint64>(entry.index->size())},
                        {QLatin1String("checksum"), *checksum}};
    QSaveFile file(sidecarPath(path));
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(file.fileName())};
    file.write(QJsonDocument(sidecar).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(file.fileName())};
    return {};
}

void VectorIndexManager::invalidate(qint64 collectionId) {
    QMutexLocker lock(&m_mutex);
    m_entries.erase(collectionId);
}

void VectorIndexManager::drop(qint64 collectionId) {
    QMutexLocker lock(&m_mutex);
    m_entries.erase(collectionId);
    const QString path = indexPath(collectionId);
    QFile::remove(path);
    QFile::remove(sidecarPath(path));
}

} // namespace docrag
