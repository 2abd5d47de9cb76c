#include "engine/metrics/memory_probe.h"

#include <QTest>

#include <cstring>
#include <memory>
#include <sys/mman.h>

using namespace docrag;

class TestMemoryProbe final : public QObject {
    Q_OBJECT

private slots:
    void followsWhatTheProcessTouches() {
        const qint64 before = MemoryProbe::residentBytes();
        QVERIFY(before > 1024 * 1024); // a Qt process is more than a megabyte
        constexpr size_t kBytes = 96u * 1024 * 1024;
        auto block = std::make_unique<char[]>(kBytes);
        std::memset(block.get(), 1, kBytes); // resident only once written
        const qint64 during = MemoryProbe::residentBytes();
        QVERIFY2(during - before >= qint64(kBytes) * 9 / 10,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(during)));
        QVERIFY(block[kBytes - 1] == 1);
    }

    void thePeakStaysAfterTheMemoryIsGone() {
        // Mapped and unmapped directly: an allocator may keep freed blocks (AddressSanitizer's does).
        constexpr size_t kBytes = 64u * 1024 * 1024;
        void* block = mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        QVERIFY(block != MAP_FAILED);
        std::memset(block, 2, kBytes);
        const qint64 during = MemoryProbe::residentBytes();
        QVERIFY(munmap(block, kBytes) == 0);
        const qint64 peak = MemoryProbe::peakResidentBytes();
        // The kernel's counters of a thread catch up in batches: the two figures may differ by a little.
        constexpr qint64 kSlack = 4 * 1024 * 1024;
        QVERIFY2(peak >= during - kSlack,
                 qPrintable(QStringLiteral("peak %1, during %2").arg(peak).arg(during)));
        const qint64 now = MemoryProbe::residentBytes();
        QVERIFY2(peak - now >= qint64(kBytes) / 2,
                 qPrintable(QStringLiteral("peak %1, now %2").arg(peak).arg(now)));
    }
};

QTEST_GUILESS_MAIN(TestMemoryProbe)
#include "test_memory_probe.moc"
