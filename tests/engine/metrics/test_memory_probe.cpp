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
};

QTEST_GUILESS_MAIN(TestMemoryProbe)
#include "test_memory_probe.moc"
