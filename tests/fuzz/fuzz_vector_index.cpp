// libFuzzer target: searching a vector index file damaged after it was saved. A search opens an index
// file without reading all of it when the file is the one its sidecar names (VectorIndexManager), so
// whatever the damage, loading it and searching it must give results or an error, never read or write
// out of bounds. The input is a list of 5-byte edits (a little-endian offset into the file, a byte to
// XOR there) applied to a small index saved once per process.
#include "engine/index/vector_index.h"
#include "tests/fuzz/loader_fuzz.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstring>
#include <random>

namespace {

constexpr int kDim = 16;

docrag::VectorIndexParams params() {
    docrag::VectorIndexParams p;
    p.exactSearchLimit = 0; // always the graph search
    return p;
}

std::vector<float> vectorsOf(unsigned seed, size_t count) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::vector<float> out(count * kDim);
    for (float& v : out)
        v = normal(rng);
    return out;
}

struct Saved final {
    QTemporaryDir dir;
    QByteArray bytes;
    QString damaged;
};

const Saved& saved() {
    static Saved s = [] {
        Saved made;
        docrag::VectorIndex index(kDim, 16, params());
        const auto data = vectorsOf(1, 300);
        for (size_t i = 0; i < 300; ++i)
            (void)index.add(static_cast<qint64>(i), std::span(data).subspan(i * kDim, kDim));
        const QString path = QDir(made.dir.path()).filePath(QStringLiteral("i.hnsw"));
        if (!index.save(path).ok())
            docrag::fuzz::fail("cannot save the index to damage");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            docrag::fuzz::fail("cannot read the saved index");
        made.bytes = file.readAll();
        made.damaged = QDir(made.dir.path()).filePath(QStringLiteral("d.hnsw"));
        return made;
    }();
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const Saved& s = saved();
    QByteArray bytes = s.bytes;
    for (size_t at = 0; at + 5 <= size; at += 5) {
        quint32 offset = 0;
        std::memcpy(&offset, data + at, 4);
        bytes[static_cast<qsizetype>(offset % static_cast<quint32>(bytes.size()))] ^=
            static_cast<char>(data[at + 4]);
    }
    QFile out(s.damaged);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size())
        docrag::fuzz::fail("cannot write the damaged index");
    out.close();
    // The count of live vectors as the sidecar would say: the load then reads no removal mark.
    auto index = docrag::VectorIndex::load(s.damaged, kDim, params(), 300);
    if (!index)
        return 0;
    const auto queries = vectorsOf(2, 3);
    for (size_t q = 0; q < 3; ++q) {
        const auto query = std::span(queries).subspan(q * kDim, kDim);
        if (auto found = (*index)->search(query, 10); found && found->size() > 10)
            docrag::fuzz::fail("more results than asked for");
        (void)(*index)->searchExact(query, 10);
    }
    return 0;
}
