#include "engine/rag/guide_collection.h"
#include "engine/rag/rag_engine.h"
#include "tests/support/temp_tree.h"

#include <QFileInfo>
#include <QTest>

using namespace docrag;

namespace {

const QString kPage = QStringLiteral("# Adding documentation\n\nUse File > Add documentation to ingest a "
                                     "folder of Markdown or HTML pages.\n");

std::unique_ptr<RagEngine> openEngine(const test::TempTree& tree, const QString& name) {
    EngineOptions options;
    options.dataDir = tree.filePath(name);
    auto engine = RagEngine::open(options);
    return engine ? std::move(*engine) : nullptr;
}

QStringList collectionNames(RagEngine& engine) {
    QStringList names;
    const auto collections = engine.collections(); // kept: a range-for over *temporary would dangle
    for (const CollectionInfo& info : *collections)
        names << info.collection.name;
    return names;
}

} // namespace

// The bundled guide as the first collection: what the command line does on a new data folder, and how
// the desktop keeps one guide when it moves.
class TestGuideCollection final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;

private slots:
    void initTestCase() {
        m_tree.write(QStringLiteral("installed/adding-documentation.md"), kPage);
        m_tree.write(QStringLiteral("installed/privacy.md"),
                     QStringLiteral("# Privacy\n\nNothing leaves your machine.\n"));
        // Not a page of the guide: dropped beside it, it is not ingested.
        m_tree.write(QStringLiteral("installed/notes.txt"), QStringLiteral("scratch notes about ingest\n"));
        m_tree.write(QStringLiteral("elsewhere/adding-documentation.md"), kPage);
    }

    void aNewDataFolderGetsTheGuide() {
        auto engine = openEngine(m_tree, QStringLiteral("new"));
        QVERIFY(engine);
        int told = 0;
        const auto added = GuideCollection::ingestIfEmpty(
            *engine, m_tree.filePath(QStringLiteral("installed")), [&told] { ++told; });
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
        QVERIFY(added->has_value());
        QCOMPARE(told, 1);
        QCOMPARE((*added)->count(FileOutcome::Indexed), 2);
        const auto collections = engine->collections();
        QCOMPARE(collections->size(), size_t(1));
        QCOMPARE(collections->front().collection.name, QStringLiteral("DocRag guide"));
        QCOMPARE(collections->front().collection.docType, QStringLiteral("docrag"));
        QCOMPARE(collections->front().stats.documents, qint64(2));

        SearchOptions options;
        const auto hits = engine->search(QStringLiteral("how do I add documentation"), options);
        QVERIFY(hits.ok() && !hits->empty());
        QVERIFY(hits->front().path.endsWith(QStringLiteral("installed/adding-documentation.md")));

        // Once there, it is not ingested again by this path (the desktop updates it on every start).
        const auto again = GuideCollection::ingestIfEmpty(
            *engine, m_tree.filePath(QStringLiteral("installed")), [&told] { ++told; });
        QVERIFY(again.ok());
        QVERIFY(!again->has_value());
        QCOMPARE(told, 1);
    }

    void aFolderWithCollectionsIsLeftAlone() {
        auto engine = openEngine(m_tree, QStringLiteral("used"));
        QVERIFY(engine);
        IngestRequest own;
        own.collection = QStringLiteral("mine");
        own.paths = {m_tree.filePath(QStringLiteral("elsewhere"))};
        QVERIFY(engine->ingest(own).ok());
        const auto added =
            GuideCollection::ingestIfEmpty(*engine, m_tree.filePath(QStringLiteral("installed")));
        QVERIFY(added.ok());
        QVERIFY(!added->has_value());
        QCOMPARE(collectionNames(*engine), QStringList{QStringLiteral("mine")});
    }

    void noInstalledGuideDoesNothing() {
        auto engine = openEngine(m_tree, QStringLiteral("without"));
        QVERIFY(engine);
        bool told = false;
        const auto added = GuideCollection::ingestIfEmpty(*engine, QString(), [&told] { told = true; });
        QVERIFY(added.ok());
        QVERIFY(!added->has_value());
        QVERIFY(!told);
        QVERIFY(engine->collections()->empty());
    }

    // A guide ingested from another folder (the build tree, an older installation, the copy older
    // versions kept in the data folder) is dropped before the new one goes in: never two guides.
    void aGuideFromAnotherFolderIsReplaced() {
        auto engine = openEngine(m_tree, QStringLiteral("moved"));
        QVERIFY(engine);
        const QString before = m_tree.filePath(QStringLiteral("elsewhere"));
        const QString now = m_tree.filePath(QStringLiteral("installed"));
        QVERIFY(engine->ingest(GuideCollection::request(before)).ok());
        IngestRequest own;
        own.collection = QStringLiteral("mine");
        own.paths = {m_tree.filePath(QStringLiteral("installed/privacy.md"))};
        QVERIFY(engine->ingest(own).ok());

        QVERIFY(GuideCollection::forgetOtherFolders(*engine, before).ok()); // same folder: kept
        QCOMPARE(collectionNames(*engine).size(), 2);
        QVERIFY(GuideCollection::forgetOtherFolders(*engine, now).ok());
        QCOMPARE(collectionNames(*engine), QStringList{QStringLiteral("mine")}); // only the guide went
        QVERIFY(engine->ingest(GuideCollection::request(now)).ok());
        QVERIFY(GuideCollection::forgetOtherFolders(*engine, now).ok()); // in step now: kept
        const auto collections = engine->collections();
        QCOMPARE(collections->size(), size_t(2));

        SearchOptions options;
        options.collections = {GuideCollection::name()};
        options.k = 10;
        const auto hits = engine->search(QStringLiteral("add documentation"), options);
        QVERIFY(hits.ok() && !hits->empty());
        for (const Hit& hit : *hits)
            QVERIFY2(hit.path.startsWith(QFileInfo(now).canonicalFilePath()), qPrintable(hit.path));
    }

    void nothingToForgetIsFine() {
        auto engine = openEngine(m_tree, QStringLiteral("nothing"));
        QVERIFY(engine);
        QVERIFY(
            GuideCollection::forgetOtherFolders(*engine, m_tree.filePath(QStringLiteral("installed"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestGuideCollection)
#include "test_guide_collection.moc"
