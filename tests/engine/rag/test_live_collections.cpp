#include "engine/rag/live_collections.h"
#include "engine/rag/rag_engine.h"
#include "tests/support/temp_tree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace docrag;

// Collections that follow their folders, on a real engine and real folders: what changes on disk is
// searchable within seconds, bursts coalesce, and folders past the watch budget are rescanned instead.
class TestLiveCollections final : public QObject {
    Q_OBJECT

private:
    // Within the 3 s a user may wait after saving: each change below must be searchable by then.
    static constexpr int kWithinMs = 3000;

    struct Rig final {
        test::TempTree tree;
        std::unique_ptr<RagEngine> engine;
        std::unique_ptr<LiveCollections> live;
        std::unique_ptr<QSignalSpy> started;
        std::unique_ptr<QSignalSpy> finished;
        std::unique_ptr<QSignalSpy> following;
    };

    static QString page(const QString& word) {
        return QStringLiteral("# Page\n\nThis page is about the %1 and nothing else.\n").arg(word);
    }

    // A collection of `files` pages in docs/, ingested, marked to keep in sync, and followed.
    static std::unique_ptr<Rig> followedRig(int files, LiveOptions options = fastOptions()) {
        auto rig = std::make_unique<Rig>();
        for (int i = 0; i < files; ++i)
            rig->tree.write(QStringLiteral("docs/part%1/page%2.md").arg(i % 4).arg(i),
                            page(QStringLiteral("filler%1").arg(i)));
        EngineOptions engineOptions;
        engineOptions.dataDir = rig->tree.filePath(QStringLiteral("data"));
        auto engine = RagEngine::open(engineOptions);
        if (!engine)
            return nullptr;
        rig->engine = std::move(*engine);
        IngestRequest request;
        request.collection = QStringLiteral("docs");
        request.paths = {rig->tree.filePath(QStringLiteral("docs"))};
        request.keepInSync = true;
        if (!rig->engine->ingest(request))
            return nullptr;
        rig->live = std::make_unique<LiveCollections>(*rig->engine, options);
        rig->started = std::make_unique<QSignalSpy>(rig->live.get(), &LiveCollections::syncStarted);
        rig->finished = std::make_unique<QSignalSpy>(rig->live.get(), &LiveCollections::syncFinished);
        rig->following = std::make_unique<QSignalSpy>(rig->live.get(), &LiveCollections::following);
        rig->live->follow();
        // The first sync is the rescan of what changed while nothing watched: nothing here.
        if (!QTest::qWaitFor([&] { return rig->finished->count() == 1; }, 10000))
            return nullptr;
        return rig;
    }

    static LiveOptions fastOptions() {
        LiveOptions options;
        options.quietMs = 100;
        options.maxDelayMs = 1000;
        options.rescanIntervalMs = 500;
        return options;
    }

    static QStringList found(RagEngine& engine, const QString& word) {
        SearchOptions options;
        options.mode = SearchMode::Lexical;
        options.k = 10;
        QStringList paths;
        auto hits = engine.search(word, options);
        if (hits) {
            for (const Hit& hit : *hits)
                paths << QFileInfo(hit.path).fileName();
        }
        return paths;
    }

    static LiveCollections::Outcome lastOutcome(const QSignalSpy& finished) {
        return finished.last().at(0).value<LiveCollections::Outcome>();
    }

private slots:
    void createdEditedRenamedDeletedWithinSeconds() {
        auto rig = followedRig(8);
        QVERIFY(rig);
        QCOMPARE(rig->following->count(), 1);
        QCOMPARE(rig->following->first().at(1).toBool(), true); // watched, not rescanned
        RagEngine& engine = *rig->engine;

        rig->tree.write(QStringLiteral("docs/part1/new.md"), page(QStringLiteral("quokka")));
        QTRY_COMPARE_WITH_TIMEOUT(found(engine, QStringLiteral("quokka")), QStringList{"new.md"}, kWithinMs);

        rig->tree.write(QStringLiteral("docs/part1/new.md"), page(QStringLiteral("wombat")));
        QTRY_COMPARE_WITH_TIMEOUT(found(engine, QStringLiteral("wombat")), QStringList{"new.md"}, kWithinMs);
        QVERIFY(found(engine, QStringLiteral("quokka")).isEmpty());

        QVERIFY(QFile::rename(rig->tree.filePath(QStringLiteral("docs/part1/new.md")),
                              rig->tree.filePath(QStringLiteral("docs/part2/renamed.md"))));
        QTRY_COMPARE_WITH_TIMEOUT(found(engine, QStringLiteral("wombat")), QStringList{"renamed.md"},
                                  kWithinMs);

        QVERIFY(rig->tree.remove(QStringLiteral("docs/part2/renamed.md")));
        QTRY_VERIFY_WITH_TIMEOUT(found(engine, QStringLiteral("wombat")).isEmpty(), kWithinMs);

        // A folder made, filled and removed: its files come and go with it.
        rig->tree.write(QStringLiteral("docs/fresh/deeper/inner.md"), page(QStringLiteral("narwhal")));
        QTRY_COMPARE_WITH_TIMEOUT(found(engine, QStringLiteral("narwhal")), QStringList{"inner.md"},
                                  kWithinMs);
        rig->tree.write(QStringLiteral("docs/fresh/deeper/second.md"), page(QStringLiteral("axolotl")));
        QTRY_COMPARE_WITH_TIMEOUT(found(engine, QStringLiteral("axolotl")), QStringList{"second.md"},
                                  kWithinMs);
        QVERIFY(QDir(rig->tree.filePath(QStringLiteral("docs/fresh"))).removeRecursively());
        QTRY_VERIFY_WITH_TIMEOUT(found(engine, QStringLiteral("narwhal")).isEmpty(), kWithinMs);
        QVERIFY(found(engine, QStringLiteral("filler3")).size() == 1); // the rest untouched
    }

    // 500 files written at once (a checkout) are one or two ingests, not 500; and nothing unchanged
    // is embedded again.
    void aBurstCoalescesAndUnchangedPassagesKeepTheirVectors() {
        auto rig = followedRig(500);
        QVERIFY(rig);
        const int before = static_cast<int>(rig->started->count());
        for (int i = 0; i < 500; ++i) {
            const QString rel = QStringLiteral("docs/part%1/page%2.md").arg(i % 4).arg(i);
            rig->tree.write(rel, i == 7 ? page(QStringLiteral("pangolin"))
                                        : page(QStringLiteral("filler%1").arg(i)));
            if (i != 7)
                QVERIFY(rig->tree.touch(rel, 5)); // new time, same text
        }
        QTRY_COMPARE_WITH_TIMEOUT(found(*rig->engine, QStringLiteral("pangolin")), QStringList{"page7.md"},
                                  10000);
        QTRY_VERIFY_WITH_TIMEOUT(!rig->live->isSyncing(), 10000);
        QTest::qWait(300); // anything left would start by now
        QTRY_VERIFY_WITH_TIMEOUT(!rig->live->isSyncing(), 10000);
        const int ingests = static_cast<int>(rig->started->count()) - before;
        QVERIFY2(ingests >= 1 && ingests <= 3, qPrintable(QString::number(ingests)));
        qint64 embedded = 0;
        for (qsizetype i = rig->finished->count() - ingests; i < rig->finished->count(); ++i) {
            const auto outcome = rig->finished->at(i).at(0).value<LiveCollections::Outcome>();
            QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
            embedded += outcome.embeddingsComputed;
        }
        // Only the page whose text changed is embedded again: one passage.
        QCOMPARE(embedded, qint64(1));
    }

    // With a watch budget below the collection's folders, it is rescanned every interval instead, and
    // still converges; the watched one next to it is unaffected.
    void pastTheWatchBudgetItRescansAndConverges() {
        LiveOptions options = fastOptions();
        options.watchBudget = 2; // docs/ has five folders
        auto rig = followedRig(8, options);
        QVERIFY(rig);
        QCOMPARE(rig->following->count(), 1);
        QCOMPARE(rig->following->first().at(1).toBool(), false);
        QVERIFY2(rig->following->first().at(2).toString().contains(QStringLiteral("folders to watch")),
                 qPrintable(rig->following->first().at(2).toString()));
        rig->tree.write(QStringLiteral("docs/part3/late.md"), page(QStringLiteral("capybara")));
        QTRY_COMPARE_WITH_TIMEOUT(found(*rig->engine, QStringLiteral("capybara")), QStringList{"late.md"},
                                  kWithinMs);
        QVERIFY(rig->tree.remove(QStringLiteral("docs/part3/late.md")));
        QTRY_VERIFY_WITH_TIMEOUT(found(*rig->engine, QStringLiteral("capybara")).isEmpty(), kWithinMs);
        // Rescans that find nothing changed embed nothing.
        const qsizetype syncs = rig->finished->count();
        QTRY_VERIFY_WITH_TIMEOUT(rig->finished->count() >= syncs + 2, kWithinMs);
        QCOMPARE(lastOutcome(*rig->finished).changedFiles, 0);
        QCOMPARE(lastOutcome(*rig->finished).embeddingsComputed, qint64(0));
    }

    // A file that turns unreadable keeps its last good passages, and the sync says it failed.
    void aFileThatFailsKeepsItsPassages() {
        auto rig = followedRig(4);
        QVERIFY(rig);
        rig->tree.write(QStringLiteral("docs/part0/manual.pdf"), QByteArray("%PDF-1.4 not a PDF at all"));
        QTRY_VERIFY_WITH_TIMEOUT(rig->finished->count() >= 2 && lastOutcome(*rig->finished).failedFiles == 1,
                                 kWithinMs);
        QCOMPARE(lastOutcome(*rig->finished).failures.size(), 1);
        QVERIFY2(lastOutcome(*rig->finished).failures.first().startsWith(QStringLiteral("manual.pdf: ")),
                 qPrintable(lastOutcome(*rig->finished).failures.first()));
        rig->tree.write(QStringLiteral("docs/part0/page0.md"), page(QStringLiteral("okapi")));
        QTRY_COMPARE_WITH_TIMEOUT(found(*rig->engine, QStringLiteral("okapi")), QStringList{"page0.md"},
                                  kWithinMs);
        QFile file(rig->tree.filePath(QStringLiteral("docs/part0/page0.md")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray("\x00\x01\x02 binary now", 14)) == 14);
        file.close();
        QTRY_VERIFY_WITH_TIMEOUT(lastOutcome(*rig->finished).failedFiles == 1 &&
                                     lastOutcome(*rig->finished).changedFiles == 0,
                                 kWithinMs);
        QCOMPARE(found(*rig->engine, QStringLiteral("okapi")), QStringList{"page0.md"});
    }

    // An ingest that adds a folder to a followed collection: following again watches it too.
    void aFolderAddedLaterIsWatchedToo() {
        auto rig = followedRig(4);
        QVERIFY(rig);
        rig->tree.write(QStringLiteral("more/first.md"), page(QStringLiteral("gecko")));
        IngestRequest request;
        request.collection = QStringLiteral("docs");
        request.paths = {rig->tree.filePath(QStringLiteral("more"))};
        QVERIFY(rig->engine->ingest(request));
        rig->live->follow();
        const qsizetype syncs = rig->finished->count();
        QTRY_VERIFY_WITH_TIMEOUT(rig->finished->count() > syncs, kWithinMs); // the rescan of its folders
        rig->tree.write(QStringLiteral("more/second.md"), page(QStringLiteral("iguana")));
        QTRY_COMPARE_WITH_TIMEOUT(found(*rig->engine, QStringLiteral("iguana")), QStringList{"second.md"},
                                  kWithinMs);
        rig->tree.write(QStringLiteral("docs/part0/third.md"), page(QStringLiteral("marmot")));
        QTRY_COMPARE_WITH_TIMEOUT(found(*rig->engine, QStringLiteral("marmot")), QStringList{"third.md"},
                                  kWithinMs);
        QCOMPARE(rig->following->count(), 1); // still watched, as it was
    }

    void stopCancelsAndLetsGo() {
        auto rig = followedRig(4);
        QVERIFY(rig);
        QSignalSpy stopped(rig->live.get(), &LiveCollections::stopped);
        rig->live->stop();
        QTRY_COMPARE(stopped.count(), 1);
        const int syncs = static_cast<int>(rig->started->count());
        rig->tree.write(QStringLiteral("docs/part1/after.md"), page(QStringLiteral("tapir")));
        QTest::qWait(600);
        QCOMPARE(rig->started->count(), syncs);
        QVERIFY(found(*rig->engine, QStringLiteral("tapir")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLiveCollections)
#include "test_live_collections.moc"
