#include "engine/core/logging.h"
#include "tests/support/temp_tree.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace docrag;

class TestLogging final : public QObject {
    Q_OBJECT

private slots:
    void subsystemLoggersWriteToTheRotatingFile() {
        test::TempTree dir;
        const QString logs = dir.filePath(QStringLiteral("logs"));
        Logging::init(logs);
        auto ingest = Logging::get("docrag.test-ingest");
        QCOMPARE(Logging::get("docrag.test-ingest").get(), ingest.get());
        ingest->info("indexed {} ({} chunks)", QStringLiteral("guide/ünïcode.md"), 3);
        Logging::get("docrag.test-store")->warn("slow query");
        ingest->flush();
        Logging::get("docrag.test-store")->flush();
        QFile file(QDir(logs).filePath(QStringLiteral("docrag.log")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(
            text.contains(QStringLiteral("[docrag.test-ingest] [info] indexed guide/ünïcode.md (3 chunks)")),
            qPrintable(text));
        QVERIFY(text.contains(QLatin1String("[docrag.test-store] [warning] slow query")));
    }

    void theFileStaysWithinItsCap() {
        test::TempTree dir;
        const QString logs = dir.filePath(QStringLiteral("logs"));
        Logging::init(logs);
        auto log = Logging::get("docrag.test-cap");
        const std::string line(1000, 'x');
        for (int i = 0; i < 25000; ++i) // 25 MB written in all
            log->info("{}", line);
        log->flush();
        qint64 total = 0;
        const QFileInfoList files = QDir(logs).entryInfoList(QDir::Files);
        for (const QFileInfo& f : files)
            total += f.size();
        QCOMPARE(files.size(), static_cast<qsizetype>(Logging::kMaxFiles + 1));
        QVERIFY2(total <= static_cast<qint64>((Logging::kMaxFiles + 1) * Logging::kMaxFileBytes),
                 qPrintable(QString::number(total)));
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "test_logging.moc"
