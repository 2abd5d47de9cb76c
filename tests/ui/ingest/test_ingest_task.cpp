#include "engine/rag/rag_engine.h"
#include "tests/support/temp_tree.h"
#include "ui/ingest/ingest_task.h"
#include "ui/widgets/error_text.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace docrag;

namespace {

constexpr int kFiles = 400;

QString page(int i) {
    return QStringLiteral("# Page %1\n\nPage %1 explains option %1 of the tool.\n\n## Usage\n\nSet option %1 "
                          "in the configuration file and restart.\n")
        .arg(i);
}

} // namespace

// IngestTask: one ingest at a time on the engine's long-work thread, reported on the UI thread with
// throttled progress, every file report, and a one-line summary.
class TestIngestTask final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;

    IngestRequest request(const QString& collection) const {
        IngestRequest r;
        r.collection = collection;
        r.paths = {m_tree.filePath(QStringLiteral("docs"))};
        return r;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_tree.isValid());
        for (int i = 0; i < kFiles; ++i)
            QVERIFY(
                !m_tree.write(QStringLiteral("docs/d%1/page%2.md").arg(i % 10).arg(i), page(i)).isEmpty());
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine = RagEngine::open(options);
        QVERIFY(engine.ok());
        m_engine = std::move(*engine);
    }

    void deliversEveryFileReportAndTheLastProgressThrottled() {
        IngestTask task(*m_engine);
        // The order of everything the task emits: reports and progress must all precede `finished`.
        QStringList events;
        QSet<QString> reported;
        QStringList outcomes;
        std::vector<IngestProgress> progress;
        connect(&task, &IngestTask::fileFinished, this, [&](const FileReport& r) {
            events << QStringLiteral("file");
            reported.insert(r.path);
            outcomes << fileOutcomeName(r.outcome);
        });
        connect(&task, &IngestTask::progressed, this, [&](const IngestProgress& p) {
            events << QStringLiteral("progress");
            progress.push_back(p);
        });
        QSignalSpy finished(&task, &IngestTask::finished);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(task.start(request(QStringLiteral("throttled"))));
        QVERIFY(task.isRunning());
        QCOMPARE(task.request().collection, QStringLiteral("throttled"));
        // One ingest at a time.
        QVERIFY(!task.start(request(QStringLiteral("other"))));
        QCOMPARE(task.request().collection, QStringLiteral("throttled"));

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        const qint64 elapsedMs = timer.elapsed();
        QVERIFY(!task.isRunning());
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        const QString summary = finished.at(0).at(1).toString();
        QVERIFY2(
            summary.startsWith(QStringLiteral("throttled: %1 indexed, 0 skipped, 0 failed in ").arg(kFiles)),
            qPrintable(summary));
        QVERIFY2(summary.endsWith(QLatin1String(" s")), qPrintable(summary));

        QCOMPARE(reported.size(), kFiles);
        QCOMPARE(outcomes.count(QStringLiteral("indexed")), kFiles);
        QCOMPARE(events.count(QStringLiteral("file")), kFiles);
        QVERIFY(!progress.empty());
        // The last progress is the pipeline's last: everything done.
        QCOMPARE(progress.back().filesTotal, kFiles);
        QCOMPARE(progress.back().filesDone, kFiles);
        QCOMPARE(progress.back().bytesDone, progress.back().bytesTotal);
        QVERIFY(progress.back().chunks >= kFiles);
        // Throttled: at most one per interval (plus the first and the last), far fewer than the files.
        const qsizetype most = elapsedMs / IngestTask::kProgressIntervalMs + 2;
        QVERIFY2(
            qsizetype(progress.size()) <= most,
            qPrintable(QStringLiteral("%1 progress signals in %2 ms").arg(progress.size()).arg(elapsedMs)));
        QVERIFY(progress.size() < size_t(kFiles / 4));
        for (size_t i = 1; i < progress.size(); ++i)
            QVERIFY(progress[i].filesDone >= progress[i - 1].filesDone);
        QCOMPARE(events.size(), qsizetype(kFiles) + qsizetype(progress.size()));

        // Free again: the same collection a second time finds nothing to do.
        outcomes.clear();
        QVERIFY(task.start(request(QStringLiteral("throttled"))));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
        QCOMPARE(outcomes.count(QStringLiteral("unchanged")), kFiles);
        QVERIFY2(finished.at(1).at(1).toString().contains(QStringLiteral("%1 unchanged").arg(kFiles)),
                 qPrintable(finished.at(1).at(1).toString()));
    }

    void reportsErrorsAndCancelsInOneLine() {
        IngestTask task(*m_engine);
        QSignalSpy finished(&task, &IngestTask::finished);
        IngestRequest missing = request(QStringLiteral("missing"));
        missing.paths = {m_tree.filePath(QStringLiteral("nowhere"))};
        QVERIFY(task.start(missing));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        // The code's sentence in the window's language, then the engine's particulars.
        const Error notFound{ErrorCode::NotFound, QStringLiteral("no such file or directory: ") +
                                                      m_tree.filePath(QStringLiteral("nowhere"))};
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("missing: ") + ErrorText::of(notFound));

        // Cancelled before the thread has even begun: the scan stops at once.
        QVERIFY(task.start(request(QStringLiteral("cancelled"))));
        task.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        QCOMPARE(finished.at(1).at(0).toBool(), false);
        QVERIFY2(finished.at(1).at(1).toString().startsWith(QLatin1String("cancelled: cancelled")),
                 qPrintable(finished.at(1).at(1).toString()));
        QVERIFY(!task.isRunning());
        // Cancelling when nothing runs does nothing, and the next start is not born cancelled.
        task.cancel();
        QVERIFY(task.start(request(QStringLiteral("after-cancel"))));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 20000);
        QCOMPARE(finished.at(2).at(0).toBool(), true);
    }

    void destroyingARunningTaskIsSafe() {
        {
            IngestTask task(*m_engine);
            QVERIFY(task.start(request(QStringLiteral("abandoned"))));
        }
        // The dead task's queued deliveries are dropped while this one runs; the engine keeps working.
        IngestTask next(*m_engine);
        QSignalSpy done(&next, &IngestTask::finished);
        QVERIFY(next.start(request(QStringLiteral("after-abandoned"))));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        QCOMPARE(done.at(0).at(0).toBool(), true);
    }
};

QTEST_MAIN(TestIngestTask)
#include "test_ingest_task.moc"
