#include "engine/index/vector_index.h"
#include "tests/support/random_vectors.h"
#include "tests/support/temp_tree.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QThreadPool>

#include <cmath>
#include <csignal>
#include <cstring>
#include <random>
#include <sys/resource.h>

using namespace docrag;

namespace {

constexpr int kDim = 32;

std::vector<float> randomUnitVectors(size_t count, unsigned seed) {
    return test::randomUnitVectors(count, kDim, seed);
}

std::span<const float> row(const std::vector<float>& all, size_t i) {
    return test::vectorAt(all, kDim, i);
}

// The bytes of an index of `data`'s vectors (labels 0, 1, ...) as saved at `path`; empty on a failure.
QByteArray savedIndex(const QString& path, const std::vector<float>& data, VectorIndexParams params = {}) {
    VectorIndex index(kDim, 16, params);
    for (size_t i = 0; i < data.size() / kDim; ++i) {
        if (!index.add(static_cast<qint64>(i), row(data, i)).ok())
            return {};
    }
    QFile f(path);
    return index.save(path).ok() && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// From hnswlib 0.6.2's 96-byte header: how many records, and the size of one.
std::pair<quint64, quint64> recordsOf(const QByteArray& file) {
    quint64 count = 0;
    quint64 perElement = 0;
    std::memcpy(&count, file.constData() + 16, 8);
    std::memcpy(&perElement, file.constData() + 24, 8);
    return {count, perElement};
}

} // namespace

class TestVectorIndex final : public QObject {
    Q_OBJECT

private slots:
    void findsTheVectorItself() {
        VectorIndex index(kDim);
        const auto data = randomUnitVectors(100, 1);
        for (size_t i = 0; i < 100; ++i)
            QVERIFY(index.add(static_cast<qint64>(i) + 1000, row(data, i)).ok());
        QCOMPARE(index.size(), size_t(100));
        auto found = index.search(row(data, 42), 3);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), size_t(3));
        QCOMPARE(found->front().chunkId, qint64(1042));
        // Within half precision's rounding of 32 components.
        QVERIFY(std::abs(found->front().score - 1.0) < 2e-3);
        QVERIFY((*found)[0].score >= (*found)[1].score);
    }

    void graphSearchAgreesWithExactSearch() {
        // Above the exact-scan limit the HNSW graph answers; it must find what a full scan finds.
        VectorIndexParams params;
        params.exactSearchLimit = 0;
        VectorIndex index(kDim, 16, params);
        const auto data = randomUnitVectors(3000, 2);
        std::vector<qint64> labels(3000);
        std::iota(labels.begin(), labels.end(), 1);
        QVERIFY(index.addBatch(labels, data).ok());
        const auto queries = randomUnitVectors(50, 3);
        int agreed = 0;
        for (size_t q = 0; q < 50; ++q) {
            auto approx = index.search(row(queries, q), 10).value();
            auto exact = index.searchExact(row(queries, q), 10).value();
            for (const ScoredChunk& e : exact)
                agreed += std::any_of(approx.begin(), approx.end(),
                                      [&](const ScoredChunk& a) { return a.chunkId == e.chunkId; });
        }
        const double recall = agreed / 500.0;
        QVERIFY2(recall >= 0.95, qPrintable(QString::number(recall)));
    }

    void bothBeamsGrowWithTheGraph() {
        VectorIndexParams params;
        params.efConstruction = 4;
        params.efConstructionMax = 8;
        params.efSearch = 10;
        params.efSearchMax = 150;
        VectorIndex index(kDim, 16, params);
        QCOMPARE(index.efConstruction(), 4);
        QCOMPARE(index.efSearch(), 10);
        const auto data = randomUnitVectors(16000, 5);
        std::vector<qint64> labels(16000);
        std::iota(labels.begin(), labels.end(), 1);
        const auto half = std::span<const float>(data).first(8000 * kDim);
        QVERIFY(index.addBatch(std::span<const qint64>(labels).first(8000), half).ok());
        QCOMPARE(index.efConstruction(), 5); // 8,000 / 1,600
        QCOMPARE(index.efSearch(), 150);     // 8,000 / 40, at most 150
        QVERIFY(index
                    .addBatch(std::span<const qint64>(labels).subspan(8000),
                              std::span<const float>(data).subspan(8000 * kDim))
                    .ok());
        QCOMPARE(index.efConstruction(), 8); // 16,000 / 1,600 = 10, at most 8
    }

    void removedVectorsAreNotFound() {
        VectorIndex index(kDim);
        const auto data = randomUnitVectors(10, 4);
        for (size_t i = 0; i < 10; ++i)
            QVERIFY(index.add(static_cast<qint64>(i), row(data, i)).ok());
        index.remove(3);
        index.remove(12345); // unknown: ignored
        QCOMPARE(index.size(), size_t(9));
        QCOMPARE(index.deletedCount(), size_t(1));
        auto found = index.search(row(data, 3), 10).value();
        QVERIFY(
            std::none_of(found.begin(), found.end(), [](const ScoredChunk& s) { return s.chunkId == 3; }));
        // Adding the label again brings it back with the new vector.
        QVERIFY(index.add(3, row(data, 7)).ok());
        QCOMPARE(index.size(), size_t(10));
    }

    void savesAndLoadsAtomically() {
        test::TempTree dir;
        const QString path = dir.filePath(QStringLiteral("i.hnsw"));
        const auto data = randomUnitVectors(200, 5);
        QVERIFY(!savedIndex(path, data).isEmpty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("i.hnsw")});
        auto loaded = VectorIndex::load(path, kDim);
        QVERIFY(loaded.ok());
        QCOMPARE((*loaded)->size(), size_t(200));
        QCOMPARE((*loaded)->search(row(data, 17), 1).value().front().chunkId, qint64(17));
    }

    // A save that cannot write the whole file (a full disk, here a file size limit) fails and leaves
    // the previous file and no temporary one behind; it used to succeed with a short file.
    void aShortWriteFailsTheSave() {
        test::TempTree dir;
        const QString path = dir.filePath(QStringLiteral("i.hnsw"));
        const auto data = randomUnitVectors(400, 9);
        VectorIndex index(kDim);
        QVERIFY(index.add(0, row(data, 0)).ok());
        QVERIFY(index.save(path).ok());
        const QByteArray before = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        for (size_t i = 1; i < 400; ++i)
            QVERIFY(index.add(static_cast<qint64>(i), row(data, i)).ok());
        struct rlimit old {};
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &old) == 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = old;
        small.rlim_cur = 4096;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        const Status saved = index.save(path);
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previousHandler);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, ErrorCode::Io);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("i.hnsw")});
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    // The index is read from the mapped file, not by hnswlib's loader: what comes back searches exactly as
    // what was saved, and takes more vectors and removals.
    void aLoadedIndexSearchesAsTheSavedOne() {
        test::TempTree dir;
        const QString path = dir.filePath(QStringLiteral("i.hnsw"));
        const auto data = randomUnitVectors(1500, 21);
        VectorIndex saved(kDim);
        for (size_t i = 0; i < 1000; ++i)
            QVERIFY(saved.add(static_cast<qint64>(i), row(data, i)).ok());
        saved.remove(7);
        QVERIFY(saved.save(path).ok());
        auto loaded = VectorIndex::load(path, kDim);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        QCOMPARE((*loaded)->size(), saved.size());
        for (size_t q = 1000; q < 1100; ++q) {
            const auto a = saved.search(row(data, q), 10).value();
            const auto b = (*loaded)->search(row(data, q), 10).value();
            QCOMPARE(b.size(), a.size());
            for (size_t i = 0; i < a.size(); ++i)
                QCOMPARE(b[i].chunkId, a[i].chunkId);
        }
        for (size_t i = 1000; i < 1500; ++i)
            QVERIFY((*loaded)->add(static_cast<qint64>(i), row(data, i)).ok());
        (*loaded)->remove(1499);
        QCOMPARE((*loaded)->search(row(data, 1200), 1).value().front().chunkId, qint64(1200));
        QCOMPARE((*loaded)->size(), size_t(1498));
    }

    // Cut short, grown, or with a neighbour list's size damaged: an error, never a crash or a wrong graph.
    void damagedFilesAreCorrupt() {
        test::TempTree dir;
        const QByteArray good = savedIndex(dir.filePath(QStringLiteral("i.hnsw")), randomUnitVectors(300, 4));
        QVERIFY(!good.isEmpty());
        const auto loadBytes = [&](const QByteArray& bytes) {
            const QString damaged = dir.write(QStringLiteral("d.hnsw"), bytes);
            return VectorIndex::load(damaged, kDim);
        };
        QVERIFY(loadBytes(good).ok());
        QCOMPARE(loadBytes(good.chopped(1)).error().code, ErrorCode::Corrupt);
        QCOMPARE(loadBytes(good + QByteArray(1, '\0')).error().code, ErrorCode::Corrupt);
        // The first neighbour-list size, after hnswlib 0.6.2's 96-byte header and the level-0 records: not a
        // whole number of lists, then more than the file holds.
        const auto [count, perElement] = recordsOf(good);
        const qsizetype firstList = 96 + static_cast<qsizetype>(count * perElement);
        QVERIFY(firstList + 4 <= good.size());
        for (const quint32 bad : {quint32(3), quint32(0x7fffffff)}) {
            QByteArray damaged = good;
            std::memcpy(damaged.data() + firstList, &bad, 4);
            QCOMPARE(loadBytes(damaged).error().code, ErrorCode::Corrupt);
        }
        // Where the records' lists start, and how long a record is: moved by one byte, every list would
        // be read out of line (the fuzzer found the second).
        for (const int field : {0, 24}) {
            QByteArray damaged = good;
            damaged[field] = static_cast<char>(damaged[field] + 1);
            QCOMPARE(loadBytes(damaged).error().code, ErrorCode::Corrupt);
        }
    }

    // Half-precision records of an odd dimension get a zero half more: every record stays a whole number
    // of 4-byte words, so that its neighbour list is aligned.
    void anOddDimensionKeepsRecordsAligned() {
        test::TempTree dir;
        const int odd = 15;
        const auto data = test::randomUnitVectors(200, odd, 5);
        VectorIndex index(odd);
        for (size_t i = 0; i < 200; ++i)
            QVERIFY(index.add(static_cast<qint64>(i), test::vectorAt(data, odd, i)).ok());
        const QString path = dir.filePath(QStringLiteral("odd.hnsw"));
        QVERIFY(index.save(path).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto [count, perElement] = recordsOf(f.readAll());
        QCOMPARE(count, quint64(200));
        QCOMPARE(perElement % 4, quint64(0));
        auto loaded = VectorIndex::load(path, odd);
        QVERIFY(loaded.ok());
        QCOMPARE((*loaded)->search(test::vectorAt(data, odd, 77), 1).value().front().chunkId, qint64(77));
        QVERIFY(std::abs((*loaded)->search(test::vectorAt(data, odd, 77), 1).value().front().score - 1.0) <
                2e-3);
    }

    // A file damaged where the load does not look (it reads the header and the upper layers' lists,
    // not the records it maps): a neighbour id past the end is an error of the search, not a read out
    // of bounds. With hnswlib's own search it was.
    void aDamagedNeighbourIdIsAnErrorNotACrash() {
        test::TempTree dir;
        VectorIndexParams params;
        params.exactSearchLimit = 0;
        const auto data = randomUnitVectors(300, 8);
        QByteArray bytes = savedIndex(dir.filePath(QStringLiteral("i.hnsw")), data, params);
        QVERIFY(!bytes.isEmpty());
        // Every level-0 record starts with its list: a 4-byte size word, then the neighbour ids.
        const auto [count, perElement] = recordsOf(bytes);
        const quint32 farAway = 0x7ffffff0;
        for (quint64 i = 0; i < count; ++i)
            std::memcpy(bytes.data() + 96 + i * perElement + 4, &farAway, 4);
        const QString damaged = dir.write(QStringLiteral("d.hnsw"), bytes);
        auto loaded = VectorIndex::load(damaged, kDim, params, count);
        QVERIFY(loaded.ok());
        auto found = (*loaded)->search(row(data, 5), 3);
        QVERIFY(!found.ok());
        QCOMPARE(found.error().code, ErrorCode::Corrupt);
    }

    // The count of live vectors the caller knows (the sidecar's) spares the load reading every record;
    // the index then searches, takes inserts and removals as one loaded the long way.
    void aLoadToldItsLiveCountWorksAsAnother() {
        test::TempTree dir;
        const QString path = dir.filePath(QStringLiteral("i.hnsw"));
        VectorIndexParams params;
        params.exactSearchLimit = 0;
        VectorIndex saved(kDim, 16, params);
        const auto data = randomUnitVectors(700, 12);
        for (size_t i = 0; i < 600; ++i)
            QVERIFY(saved.add(static_cast<qint64>(i), row(data, i)).ok());
        saved.remove(3);
        saved.remove(4);
        QVERIFY(saved.save(path).ok());
        QCOMPARE(VectorIndex::load(path, kDim, params, 601).error().code, ErrorCode::Corrupt);
        auto loaded = VectorIndex::load(path, kDim, params, 598);
        QVERIFY(loaded.ok());
        QCOMPARE((*loaded)->size(), size_t(598));
        QCOMPARE((*loaded)->deletedCount(), size_t(2));
        for (size_t q = 600; q < 650; ++q) {
            const auto a = saved.search(row(data, q), 10).value();
            const auto b = (*loaded)->search(row(data, q), 10).value();
            QCOMPARE(b.size(), a.size());
            for (size_t i = 0; i < a.size(); ++i)
                QCOMPARE(b[i].chunkId, a[i].chunkId);
        }
        QVERIFY((*loaded)->search(row(data, 3), 1).value().front().chunkId != 3);
        // The label map is made at the first change: a removal by label, then a replacement.
        (*loaded)->remove(10);
        QVERIFY((*loaded)->search(row(data, 10), 1).value().front().chunkId != 10);
        QVERIFY((*loaded)->add(11, row(data, 650)).ok());
        QCOMPARE((*loaded)->search(row(data, 650), 1).value().front().chunkId, qint64(11));
        for (size_t i = 600; i < 700; ++i)
            QVERIFY((*loaded)->add(static_cast<qint64>(i), row(data, i)).ok());
        QCOMPARE((*loaded)->size(), size_t(697));
        QCOMPARE((*loaded)->search(row(data, 690), 1).value().front().chunkId, qint64(690));
    }

    void badFilesAreErrorsNotCrashes() {
        test::TempTree dir;
        QCOMPARE(VectorIndex::load(dir.filePath(QStringLiteral("missing.hnsw")), kDim).error().code,
                 ErrorCode::NotFound);
        const QString junk = dir.write(QStringLiteral("junk.hnsw"), QByteArray(10, 'x'));
        QVERIFY(!VectorIndex::load(junk, kDim).ok());

        // A real index file read with the wrong dimension.
        const QString path = dir.filePath(QStringLiteral("i.hnsw"));
        VectorIndex index(kDim);
        QVERIFY(index.add(1, row(randomUnitVectors(1, 6), 0)).ok());
        QVERIFY(index.save(path).ok());
        QCOMPARE(VectorIndex::load(path, kDim * 2).error().code, ErrorCode::Corrupt);
    }

    void rejectsVectorsOfTheWrongSize() {
        VectorIndex index(kDim);
        std::vector<float> small(kDim - 1, 0.1f);
        QCOMPARE(index.add(1, small).error().code, ErrorCode::InvalidArgument);
        QVERIFY(!index.search(small, 1).ok());
    }
};

QTEST_GUILESS_MAIN(TestVectorIndex)
#include "test_vector_index.moc"
