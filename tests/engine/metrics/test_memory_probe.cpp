#include "engine/metrics/memory_probe.h"

#include <QTest>

#include <cstring>
#include <memory>

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
        constexpr size_t kBytes = 64u * 1024 * 1024;
        qint64 during = 0;
        {
            auto block = std::make_unique<char[]>(kBytes);
            std::memset(block.get(), 2, kBytes);
            during = MemoryProbe::residentBytes();
            QVERIFY(block[kBytes / 2] == 2);
        } // freed: a block this large is unmapped at once
        const qint64 peak = MemoryProbe::peakResidentBytes();
        QVERIFY2(peak >= during, qPrintable(QStringLiteral("peak %1, during %2").arg(peak).arg(during)));
        QVERIFY2(peak - MemoryProbe::residentBytes() >= qint64(kBytes) / 2,
                 qPrintable(QStringLiteral("peak %1, now %2").arg(peak).arg(MemoryProbe::residentBytes())));
    }
};

QTEST_GUILESS_MAIN(TestMemoryProbe)
#include "test_memory_probe.moc"
