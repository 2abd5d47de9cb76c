// The only file that includes hnswlib: 0.6.2 defines non-inline functions in its headers.
#include "engine/index/vector_index.h"

#include "engine/core/file_identity.h"
#include "engine/core/hashing.h"
#include "engine/index/dot_product.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <queue>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
// hnswlib's own SIMD kernels are not used (DotProductSpace picks AVX2 or SSE at run time), and its
// prefetches read one element past the end of full neighbour lists, which AddressSanitizer rightly
// reports; without manual vectorisation neither is compiled in.
#define NO_MANUAL_VECTORIZATION
#include <cerrno>
#include <fcntl.h>
#include <hnswlib/hnswlib.h>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace docrag {
namespace {

// The graph stores its vectors in half precision (DotProduct::toHalf): half the memory, file and
// bandwidth of floats, for scores within about 0.001 of theirs. Vectors and queries are converted on the
// way in.
using Half = std::uint16_t;
DotProduct::HalfFunction s_dot = DotProduct::bestHalf();

float innerProductDistance(const void* a, const void* b, const void* param) {
    const size_t n = *static_cast<const size_t*>(param);
    return 1.0f - s_dot(static_cast<const Half*>(a), static_cast<const Half*>(b), n);
}

// Halves per stored vector: an odd dimension gets a zero half more, so that every record of the graph
// (neighbour list, vector, label) stays a whole number of 4-byte words and its lists stay aligned.
std::size_t storedHalves(std::size_t dimension) {
    return dimension + dimension % 2;
}

// The vectors of `values` (each `dimension` floats) as the graph stores them.
std::vector<Half> halves(std::span<const float> values, std::size_t dimension) {
    const std::size_t count = values.size() / dimension;
    const std::size_t stride = storedHalves(dimension);
    std::vector<Half> out(count * stride, 0);
    for (std::size_t i = 0; i < count; ++i)
        DotProduct::toHalf(values.data() + i * dimension, out.data() + i * stride, dimension);
    return out;
}

class DotProductSpace final : public hnswlib::SpaceInterface<float> {
public:
    explicit DotProductSpace(size_t dimension)
        : m_dimension(dimension) {}
    size_t get_data_size() override { return storedHalves(m_dimension) * sizeof(Half); }
    hnswlib::DISTFUNC<float> get_dist_func() override { return &innerProductDistance; }
    void* get_dist_func_param() override { return &m_dimension; }

private:
    size_t m_dimension;
};

using Graph = hnswlib::HierarchicalNSW<float>;

// What hnswlib's loadIndex does, from the file mapped in memory, every size checked against it and the
// vectors' against `dimension` (hnswlib trusts the header and allocates what it says, so a damaged file
// could ask for terabytes). The level-0 records (the vectors and their neighbours, nearly all of the file)
// are used where they lie in the private mapping, not copied: opening an index costs what a search touches,
// not the file's size. The graph's capacity is its count, so that the first insert grows it, and
// Impl::ownMemory copies the records out first. The count of removed vectors is `count - liveCount` when the
// caller knows it (reading every record's mark would read the whole file). Throws nothing. `g` comes from
// destructibleGraph(); after an error it can still be destroyed (it owns exactly what was built), and it no
// longer points into `file`.
Status readGraph(Graph& g, QByteArrayView file, hnswlib::SpaceInterface<float>& space, int dimension,
                 std::optional<std::size_t> liveCount) {
    std::size_t built = 0; // elements whose level and links are set
    const auto fail = [&](ErrorCode code, const QString& message) -> Status {
        g.data_level0_memory_ = nullptr; // the mapping's, not hnswlib's to free
        g.cur_element_count = built;
        return Error{code, message};
    };
    std::size_t at = 0;
    const auto size = static_cast<std::size_t>(file.size());
    const auto take = [&](void* into, std::size_t bytes) {
        if (bytes > size - at)
            return false;
        std::memcpy(into, file.data() + at, bytes);
        at += bytes;
        return true;
    };
    const auto pod = [&](auto& value) { return take(&value, sizeof(value)); };
    const bool header = pod(g.offsetLevel0_) && pod(g.max_elements_) && pod(g.cur_element_count) &&
                        pod(g.size_data_per_element_) && pod(g.label_offset_) && pod(g.offsetData_) &&
                        pod(g.maxlevel_) && pod(g.enterpoint_node_) && pod(g.maxM_) && pod(g.maxM0_) &&
                        pod(g.M_) && pod(g.mult_) && pod(g.ef_construction_);
    const std::size_t count = g.cur_element_count;
    g.cur_element_count = 0; // until the elements are built
    if (!header)
        return fail(ErrorCode::Corrupt, QStringLiteral("it is truncated"));
    // Checked before anything is multiplied or allocated.
    const std::size_t dataSize = storedHalves(static_cast<std::size_t>(dimension)) * sizeof(Half);
    const bool plausible = count <= g.max_elements_ && count < (std::size_t(1) << 32) &&
                           g.size_data_per_element_ < (1 << 20) && g.offsetData_ < g.label_offset_ &&
                           g.label_offset_ - g.offsetData_ == dataSize &&
                           g.label_offset_ + sizeof(hnswlib::labeltype) <= g.size_data_per_element_ &&
                           count * g.size_data_per_element_ <= size && g.max_elements_ <= 2 * count + 65536;
    if (!plausible)
        return fail(ErrorCode::Corrupt, QStringLiteral("it is damaged or has another dimension"));
    g.size_links_per_element_ = g.maxM_ * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint);
    g.size_links_level0_ = g.maxM0_ * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint);
    if (g.maxM_ == 0 || g.maxM_ > 4096 || g.maxM0_ > 8192 || g.mult_ <= 0 || g.offsetLevel0_ != 0 ||
        g.offsetData_ != g.size_links_level0_ ||
        g.size_data_per_element_ != g.size_links_level0_ + dataSize + sizeof(hnswlib::labeltype) ||
        count * g.size_data_per_element_ > size - at || (count > 0 && g.enterpoint_node_ >= count))
        return fail(ErrorCode::Corrupt, QStringLiteral("its header does not describe it"));
    g.max_elements_ = count;
    g.data_size_ = space.get_data_size();
    g.fstdistfunc_ = space.get_dist_func();
    g.dist_func_param_ = space.get_dist_func_param();
    g.data_level0_memory_ = const_cast<char*>(file.data()) + at;
    at += count * g.size_data_per_element_;
    g.linkLists_ = static_cast<char**>(std::calloc(std::max<std::size_t>(count, 1), sizeof(void*)));
    if (!g.linkLists_)
        return fail(ErrorCode::TooLarge, QStringLiteral("not enough memory to load it"));
    // The per-element locks and the label map only serve inserts and removals: Impl::prepareWrites
    // makes them. Building the map here would read every record, the whole file.
    std::vector<std::mutex>(Graph::max_update_element_locks).swap(g.link_list_update_locks_);
    g.visited_list_pool_ = new hnswlib::VisitedListPool(1, static_cast<int>(count));
    g.element_levels_ = std::vector<int>(count);
    g.revSize_ = 1.0 / g.mult_;
    g.ef_ = 10;
    for (std::size_t i = 0; i < count; ++i) {
        unsigned int links = 0;
        if (!pod(links) || links % g.size_links_per_element_ != 0 || links > size - at ||
            static_cast<int>(links / g.size_links_per_element_) > g.maxlevel_)
            return fail(ErrorCode::Corrupt, QStringLiteral("its links are damaged"));
        g.element_levels_[i] = static_cast<int>(links / g.size_links_per_element_);
        if (links > 0) {
            g.linkLists_[i] = static_cast<char*>(std::malloc(links));
            if (!g.linkLists_[i])
                return fail(ErrorCode::TooLarge, QStringLiteral("not enough memory to load it"));
            take(g.linkLists_[i], links);
        }
        built = i + 1;
    }
    g.cur_element_count = count;
    if (at != size)
        return fail(ErrorCode::Corrupt, QStringLiteral("it has bytes after its last vector"));
    if (liveCount) {
        if (*liveCount > count)
            return fail(ErrorCode::Corrupt, QStringLiteral("it holds fewer vectors than it should"));
        g.num_deleted_ = count - *liveCount;
        return {};
    }
    g.num_deleted_ = 0;
    for (std::size_t i = 0; i < count; ++i)
        g.num_deleted_ += g.isMarkedDeleted(static_cast<hnswlib::tableint>(i)) ? 1 : 0;
    return {};
}

// As hnswlib's getListCount: the low half of a list's first word.
std::size_t listSize(const hnswlib::linklistsizeint* list) {
    unsigned short size = 0;
    std::memcpy(&size, list, sizeof(size));
    return size;
}

// The neighbour ids of a list, its size and every id checked first; nullopt when they are damaged.
std::optional<std::span<const hnswlib::tableint>> checkedList(const hnswlib::linklistsizeint* list,
                                                              std::size_t most, std::size_t count) {
    const std::size_t size = listSize(list);
    if (size > most)
        return std::nullopt;
    const std::span<const hnswlib::tableint> ids(list + 1, size);
    if (std::any_of(ids.begin(), ids.end(), [count](hnswlib::tableint id) { return id >= count; }))
        return std::nullopt;
    return ids;
}

using Found = std::priority_queue<std::pair<float, hnswlib::tableint>>; // farthest on top

// hnswlib 0.6.2's searchKnn with every list size and neighbour id checked before it is followed: an index
// opened without reading all of it (VectorIndexManager trusts a file it finds unchanged) must not read
// or write out of bounds when its file was damaged after all. The k nearest, farthest on top.
Result<Found> checkedSearch(const Graph& g, const Half* query, std::size_t k) {
    const std::size_t count = g.cur_element_count;
    const auto damaged = [] {
        return Error{ErrorCode::Corrupt, QStringLiteral("the vector index is damaged")};
    };
    const auto distance = [&](hnswlib::tableint id) {
        return g.fstdistfunc_(query, g.getDataByInternalId(id), g.dist_func_param_);
    };
    Found top;
    if (count == 0)
        return top;
    hnswlib::tableint current = g.enterpoint_node_;
    if (current >= count)
        return damaged();
    float nearest = distance(current);
    for (int level = g.maxlevel_; level > 0; --level) {
        for (bool moved = true; moved;) {
            moved = false;
            if (g.element_levels_[current] < level)
                return damaged();
            const auto ids = checkedList(g.get_linklist(current, level), g.maxM_, count);
            if (!ids)
                return damaged();
            for (const hnswlib::tableint next : *ids) {
                if (const float d = distance(next); d < nearest) {
                    nearest = d;
                    current = next;
                    moved = true;
                }
            }
        }
    }
    const std::size_t ef = std::max(g.ef_, k);
    const bool deletions = g.num_deleted_ > 0;
    hnswlib::VisitedList* visited = g.visited_list_pool_->getFreeVisitedList();
    struct Release {
        hnswlib::VisitedListPool* pool;
        hnswlib::VisitedList* list;
        ~Release() { pool->releaseVisitedList(list); }
    } release{g.visited_list_pool_, visited};
    // Nearest on top, as negated distances.
    std::priority_queue<std::pair<float, hnswlib::tableint>> candidates;
    float bound = std::numeric_limits<float>::max();
    if (!deletions || !g.isMarkedDeleted(current)) {
        bound = nearest;
        top.emplace(nearest, current);
    }
    candidates.emplace(-nearest, current);
    visited->mass[current] = visited->curV;
    while (!candidates.empty()) {
        const auto [negated, node] = candidates.top();
        if (-negated > bound && (top.size() == ef || !deletions))
            break;
        candidates.pop();
        const auto ids = checkedList(g.get_linklist0(node), g.maxM0_, count);
        if (!ids)
            return damaged();
        for (const hnswlib::tableint next : *ids) {
            if (visited->mass[next] == visited->curV)
                continue;
            visited->mass[next] = visited->curV;
            const float d = distance(next);
            if (top.size() < ef || d < bound) {
                candidates.emplace(-d, next);
                if (!deletions || !g.isMarkedDeleted(next))
                    top.emplace(d, next);
                if (top.size() > ef)
                    top.pop();
                if (!top.empty())
                    bound = top.top().first;
            }
        }
    }
    while (top.size() > k)
        top.pop();
    return top;
}

// hnswlib 0.6.2's loading constructor leaves num_deleted_ uninitialised, and its plain one initialises
// no pointer or count: a graph for readGraph, which its destructor can always free.
std::unique_ptr<Graph> destructibleGraph(hnswlib::SpaceInterface<float>& space) {
    auto g = std::make_unique<Graph>(&space);
    g->data_level0_memory_ = nullptr;
    g->linkLists_ = nullptr;
    g->visited_list_pool_ = nullptr;
    g->cur_element_count = 0;
    g->num_deleted_ = 0;
    return g;
}

} // namespace

struct VectorIndex::Impl final {
    explicit Impl(size_t dimension)
        : space(dimension) {}
    DotProductSpace space;
    std::unique_ptr<Graph> graph;
    VectorIndexParams params;
    bool fixedEf = false;
    mutable std::shared_mutex lock;
    // The index file, mapped privately (writes such as a removal's mark stay in this process), while
    // the graph's level-0 records still lie in it.
    void* mapBase = nullptr;
    std::size_t mapSize = 0;

    ~Impl() {
        if (!mapBase)
            return;
        graph->data_level0_memory_ = nullptr; // hnswlib frees it: not this
        graph.reset();
        ::munmap(mapBase, mapSize);
    }

    // Whether the graph was read from a file and has no label map or element locks yet.
    bool readOnly = false;

    // What an insert or a removal needs and a search does not: the records in memory of their own
    // (hnswlib reallocs them as the graph grows), the label map and the per-element locks. Call with
    // the lock held exclusively.
    Status prepareWrites() {
        if (Status own = ownMemory(); !own)
            return own;
        if (!readOnly)
            return {};
        Graph& g = *graph;
        try {
            std::vector<std::mutex>(g.max_elements_).swap(g.link_list_locks_);
            g.label_lookup_.reserve(g.cur_element_count);
            for (std::size_t i = 0; i < g.cur_element_count; ++i)
                g.label_lookup_[g.getExternalLabel(static_cast<hnswlib::tableint>(i))] =
                    static_cast<hnswlib::tableint>(i);
        } catch (const std::exception&) {
            return Error{ErrorCode::TooLarge, QStringLiteral("not enough memory to change the index")};
        }
        readOnly = false;
        return {};
    }

    Status ownMemory() {
        if (!mapBase)
            return {};
        const std::size_t bytes = graph->max_elements_ * graph->size_data_per_element_;
        char* own = static_cast<char*>(std::malloc(std::max<std::size_t>(bytes, 1)));
        if (!own)
            return Error{ErrorCode::TooLarge, QStringLiteral("not enough memory to grow the index")};
        std::memcpy(own, graph->data_level0_memory_, bytes);
        graph->data_level0_memory_ = own;
        ::munmap(mapBase, mapSize);
        mapBase = nullptr;
        return {};
    }

    // Both beams follow the graph's size. Call with the lock held exclusively.
    void adaptEf() {
        if (!graph)
            return;
        const auto live =
            static_cast<int>(std::min<size_t>(graph->cur_element_count - graph->num_deleted_, 1u << 30));
        if (!fixedEf) {
            graph->setEf(static_cast<size_t>(
                std::clamp(live / 40, params.efSearch, std::max(params.efSearch, params.efSearchMax))));
        }
        // hnswlib reads it at every insert: the vectors added once the graph is large get the wider
        // construction beam that a large graph needs.
        const auto all = static_cast<int>(std::min<size_t>(graph->cur_element_count, 1u << 30));
        graph->ef_construction_ = static_cast<size_t>(std::clamp(
            all / 1600, params.efConstruction, std::max(params.efConstruction, params.efConstructionMax)));
    }
};

VectorIndex::VectorIndex(int dimension, size_t initialCapacity, VectorIndexParams params)
    : m_impl(std::make_unique<Impl>(static_cast<size_t>(dimension)))
    , m_dimension(dimension) {
    m_impl->params = params;
    m_impl->graph =
        std::make_unique<Graph>(&m_impl->space, std::max<size_t>(initialCapacity, 16),
                                static_cast<size_t>(params.m), static_cast<size_t>(params.efConstruction));
    m_impl->adaptEf();
}

VectorIndex::~VectorIndex() = default;

Result<std::unique_ptr<VectorIndex>> VectorIndex::load(const QString& path, int dimension,
                                                       VectorIndexParams params,
                                                       std::optional<size_t> liveCount) {
    if (!QFile::exists(path))
        return Error{ErrorCode::NotFound, QStringLiteral("no index file %1").arg(path)};
    auto index = std::make_unique<VectorIndex>(dimension, 16, params);
    auto graph = destructibleGraph(index->m_impl->space);
    // Saves replace the file by a rename, never in place: a mapping keeps the version it was made of.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    const bool sized = fd >= 0 && ::fstat(fd, &st) == 0;
    const std::size_t size = sized ? static_cast<std::size_t>(st.st_size) : 0;
    // An empty file maps nothing and reads as truncated below.
    void* base = size > 0 ? ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0) : nullptr;
    const int error = errno;
    if (fd >= 0)
        ::close(fd);
    if (!sized || base == MAP_FAILED)
        return Error{ErrorCode::Io, QStringLiteral("cannot read index %1: %2")
                                        .arg(path, QString::fromLocal8Bit(std::strerror(error)))};
    Status read =
        readGraph(*graph, QByteArrayView(static_cast<const char*>(base), static_cast<qsizetype>(size)),
                  index->m_impl->space, dimension, liveCount);
    if (!read) {
        graph.reset();
        if (base)
            ::munmap(base, size);
        return Error{read.error().code,
                     QStringLiteral("cannot read index %1: %2").arg(path, read.error().message)};
    }
    index->m_impl->graph = std::move(graph);
    index->m_impl->mapBase = base;
    index->m_impl->mapSize = size;
    index->m_impl->readOnly = true;
    index->m_impl->adaptEf();
    return index;
}

// What hnswlib's saveIndex writes for `g`: it checks none of its writes, so a full disk would leave a
// short file that loads as a smaller graph. The file's size is compared with this instead.
static size_t expectedFileSize(const Graph& g) {
    size_t size = sizeof(g.offsetLevel0_) + sizeof(g.max_elements_) + sizeof(g.cur_element_count) +
                  sizeof(g.size_data_per_element_) + sizeof(g.label_offset_) + sizeof(g.offsetData_) +
                  sizeof(g.maxlevel_) + sizeof(g.enterpoint_node_) + sizeof(g.maxM_) + sizeof(g.maxM0_) +
                  sizeof(g.M_) + sizeof(g.mult_) + sizeof(g.ef_construction_);
    size += g.cur_element_count * g.size_data_per_element_;
    for (size_t i = 0; i < g.cur_element_count; ++i) {
        size += sizeof(unsigned int);
        if (g.element_levels_[i] > 0)
            size += g.size_links_per_element_ * static_cast<size_t>(g.element_levels_[i]);
    }
    return size;
}

Status VectorIndex::save(const QString& path, quint64* checksum, QString* identity) const {
    // A name of its own per process and call: two processes saving the same index must not write
    // into one temporary file. VectorIndexManager removes those whose process is gone.
    static std::atomic<quint64> s_saves{0};
    const QString tmp =
        QStringLiteral("%1.tmp-%2-%3").arg(path).arg(QCoreApplication::applicationPid()).arg(++s_saves);
    size_t expected = 0;
    {
        std::shared_lock lock(m_impl->lock);
        expected = expectedFileSize(*m_impl->graph);
        try {
            m_impl->graph->saveIndex(tmp.toStdString());
        } catch (const std::exception& e) {
            QFile::remove(tmp);
            return Error{ErrorCode::Io,
                         QStringLiteral("cannot write %1: %2").arg(tmp, QString::fromUtf8(e.what()))};
        }
    }
    QFile written(tmp);
    if (!written.open(QIODevice::ReadWrite) || static_cast<size_t>(written.size()) != expected) {
        const qint64 got = written.size();
        written.remove();
        return Error{ErrorCode::Io,
                     QStringLiteral("cannot write %1: %2 of %3 bytes written (is the disk full?)")
                         .arg(tmp)
                         .arg(got)
                         .arg(expected)};
    }
    if (::fsync(written.handle()) != 0) {
        written.remove();
        return Error{ErrorCode::Io, QStringLiteral("cannot sync %1").arg(tmp)};
    }
    if (checksum) {
        written.seek(0);
        const auto hash = Hashing::xxh3(written);
        if (!hash) {
            written.remove();
            return Error{ErrorCode::Io, QStringLiteral("cannot read back %1").arg(tmp)};
        }
        *checksum = *hash;
    }
    // A rename keeps the inode, the size and the modification time.
    if (identity)
        *identity = FileIdentity::of(written.handle());
    written.close();
    if (std::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(tmp);
        return Error{ErrorCode::Io, QStringLiteral("cannot replace %1").arg(path)};
    }
    // The rename itself is durable only once the directory is synced.
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    if (const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    return {};
}

Status VectorIndex::add(qint64 label, std::span<const float> vector) {
    if (vector.size() != static_cast<size_t>(m_dimension))
        return Error{
            ErrorCode::InvalidArgument,
            QStringLiteral("vector of dimension %1, index has %2").arg(vector.size()).arg(m_dimension)};
    const std::vector<Half> stored = halves(vector, static_cast<size_t>(m_dimension));
    std::unique_lock lock(m_impl->lock);
    if (Status ready = m_impl->prepareWrites(); !ready)
        return ready;
    Graph& g = *m_impl->graph;
    try {
        if (g.cur_element_count >= g.max_elements_)
            g.resizeIndex(std::max<size_t>(g.max_elements_ * 2, 1024));
        g.addPoint(stored.data(), static_cast<hnswlib::labeltype>(label));
        m_impl->adaptEf();
    } catch (const std::exception& e) {
        return Error{ErrorCode::Internal,
                     QStringLiteral("cannot add to the index: %1").arg(QString::fromUtf8(e.what()))};
    }
    return {};
}

Status VectorIndex::addBatch(std::span<const qint64> labels, std::span<const float> vectors,
                             std::stop_token stop) {
    const auto dim = static_cast<size_t>(m_dimension);
    if (vectors.size() != labels.size() * dim)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("%1 vectors for %2 labels").arg(vectors.size() / dim).arg(labels.size())};
    // Searches wait for the lock while a slice goes in: small slices keep that wait short.
    constexpr size_t kSlice = 512;
    for (size_t from = 0; from < labels.size(); from += kSlice) {
        if (stop.stop_requested())
            return Error{ErrorCode::Cancelled, QStringLiteral("stopped")};
        const size_t to = std::min(labels.size(), from + kSlice);
        const std::vector<Half> stored = halves(vectors.subspan(from * dim, (to - from) * dim), dim);
        std::unique_lock lock(m_impl->lock);
        if (Status ready = m_impl->prepareWrites(); !ready)
            return ready;
        Graph& g = *m_impl->graph;
        try {
            if (g.cur_element_count + (to - from) > g.max_elements_)
                g.resizeIndex(std::max(g.max_elements_ * 2, g.cur_element_count + (to - from)));
        } catch (const std::exception& e) {
            return Error{ErrorCode::Internal,
                         QStringLiteral("cannot grow the index: %1").arg(QString::fromUtf8(e.what()))};
        }
        // One insert at a time: hnswlib 0.6.2's concurrent addPoint holds the new element's lock
        // while it takes its neighbours' locks, so two elements inserted at once that pick each other
        // as neighbours deadlock (ThreadSanitizer reports the lock-order inversion).
        try {
            for (size_t i = from; i < to; ++i)
                g.addPoint(stored.data() + (i - from) * storedHalves(dim),
                           static_cast<hnswlib::labeltype>(labels[i]));
        } catch (const std::exception& e) {
            m_impl->adaptEf();
            return Error{ErrorCode::Internal,
                         QStringLiteral("cannot add to the index: %1").arg(QString::fromUtf8(e.what()))};
        }
        m_impl->adaptEf();
    }
    return {};
}

void VectorIndex::remove(qint64 label) {
    std::unique_lock lock(m_impl->lock);
    if (!m_impl->prepareWrites())
        return; // out of memory: the vector stays, and hits are read from the database, where it is gone
    try {
        m_impl->graph->markDelete(static_cast<hnswlib::labeltype>(label));
        m_impl->adaptEf();
    } catch (const std::exception&) {
        // Not in the index (already removed, or never added): nothing to do.
    }
}

Result<std::vector<ScoredChunk>> VectorIndex::search(std::span<const float> query, size_t k) const {
    if (query.size() != static_cast<size_t>(m_dimension))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("query vector has the wrong dimension")};
    if (size() <= m_impl->params.exactSearchLimit)
        return searchExact(query, k);
    const std::vector<Half> stored = halves(query, query.size());
    std::shared_lock lock(m_impl->lock);
    const Graph& g = *m_impl->graph;
    std::vector<ScoredChunk> out;
    try {
        auto found = checkedSearch(g, stored.data(), k);
        if (!found)
            return found.error();
        out.resize(found->size());
        for (size_t i = found->size(); i-- > 0;) {
            out[i] = ScoredChunk{static_cast<qint64>(g.getExternalLabel(found->top().second)),
                                 1.0 - found->top().first};
            found->pop();
        }
    } catch (const std::exception& e) { // std::bad_alloc from the queues
        return Error{ErrorCode::Internal,
                     QStringLiteral("vector search failed: %1").arg(QString::fromUtf8(e.what()))};
    }
    return out;
}

Result<std::vector<ScoredChunk>> VectorIndex::searchExact(std::span<const float> query, size_t k) const {
    if (query.size() != static_cast<size_t>(m_dimension))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("query vector has the wrong dimension")};
    const std::vector<Half> stored = halves(query, query.size());
    std::shared_lock lock(m_impl->lock);
    const Graph& g = *m_impl->graph;
    std::vector<ScoredChunk> all;
    all.reserve(g.cur_element_count);
    const size_t count = g.cur_element_count;
    for (hnswlib::tableint id = 0; id < count; ++id) {
        if (g.isMarkedDeleted(id))
            continue;
        const auto* data = reinterpret_cast<const Half*>(g.getDataByInternalId(id));
        all.push_back(ScoredChunk{static_cast<qint64>(g.getExternalLabel(id)),
                                  s_dot(stored.data(), data, query.size())});
    }
    const size_t top = std::min(k, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(top), all.end(),
                      [](const ScoredChunk& a, const ScoredChunk& b) { return a.score > b.score; });
    all.resize(top);
    return all;
}

size_t VectorIndex::size() const {
    std::shared_lock lock(m_impl->lock);
    return m_impl->graph->cur_element_count - m_impl->graph->num_deleted_;
}

size_t VectorIndex::deletedCount() const {
    std::shared_lock lock(m_impl->lock);
    return m_impl->graph->num_deleted_;
}

int VectorIndex::efConstruction() const {
    std::shared_lock lock(m_impl->lock);
    return static_cast<int>(m_impl->graph->ef_construction_);
}

int VectorIndex::efSearch() const {
    std::shared_lock lock(m_impl->lock);
    return static_cast<int>(m_impl->graph->ef_);
}

void VectorIndex::setEfSearch(int ef) {
    std::unique_lock lock(m_impl->lock);
    m_impl->fixedEf = true;
    m_impl->graph->setEf(static_cast<size_t>(ef));
}

} // namespace docrag
