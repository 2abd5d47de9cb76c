#include "engine/index/index_inserter.h"
#include "engine/index/vector_index.h"
#include "tests/support/random_vectors.h"

#include <QTest>

using namespace docrag;

namespace {

constexpr int kDim = 16;

std::vector<float> randomVectors(size_t count, unsigned seed) {
    return test::randomUnitVectors(count, kDim, seed);
}

} // namespace

// The ingest writer hands vectors to the inserter's thread; the queue between them is bounded.
class TestIndexInserter final : public QObject {
    Q_OBJECT

private slots:
    void insertsEverythingInOrderWithinItsQueueBudget() {
        auto index = std::make_shared<VectorIndex>(kDim);
        const size_t budget = 4 * 50 * kDim * sizeof(float); // four batches of 50
        IndexInserter inserter(index, {}, budget);
        qint64 label = 0;
        for (int batch = 0; batch < 60; ++batch) {
            std::vector<qint64> labels;
            for (int i = 0; i < 50; ++i)
                labels.push_back(label++);
            inserter.add(std::move(labels), randomVectors(50, static_cast<unsigned>(batch)));
        }
        QVERIFY(inserter.finish().ok());
        QCOMPARE(index->size(), size_t(3000));
        QVERIFY2(inserter.peakQueuedBytes() <= budget,
                 qPrintable(QString::number(inserter.peakQueuedBytes())));
        QVERIFY(inserter.peakQueuedBytes() > 0);
    }

    // A batch larger than the whole budget still goes in (alone), rather than waiting forever.
    void aBatchLargerThanTheBudgetIsTakenAlone() {
        auto index = std::make_shared<VectorIndex>(kDim);
        IndexInserter inserter(index, {}, 64);
        std::vector<qint64> labels(100);
        for (int i = 0; i < 100; ++i)
            labels[static_cast<size_t>(i)] = i;
        inserter.add(labels, randomVectors(100, 1));
        for (qint64& l : labels)
            l += 100;
        inserter.add(labels, randomVectors(100, 2));
        QVERIFY(inserter.finish().ok());
        QCOMPARE(index->size(), size_t(200));
    }

    // Stopped while the writer waits for room: the wait ends, the ingest learns it failed.
    void aStopEndsTheWait() {
        auto index = std::make_shared<VectorIndex>(kDim);
        std::stop_source stop;
        IndexInserter inserter(index, stop.get_token(), 64);
        std::vector<qint64> labels(4000);
        for (int i = 0; i < 4000; ++i)
            labels[static_cast<size_t>(i)] = i;
        inserter.add(labels, randomVectors(4000, 3));
        stop.request_stop();
        inserter.add(labels, randomVectors(4000, 4)); // returns: stopped
        QVERIFY(!inserter.finish().ok());
        QVERIFY(inserter.failed());
    }
};

QTEST_GUILESS_MAIN(TestIndexInserter)
#include "test_index_inserter.moc"
