#include "engine/core/clock.h"
#include "engine/embed/local_embedder.h"
#include "engine/index/hybrid_retriever.h"
#include "engine/index/vector_index_manager.h"
#include "engine/ingest/chunker.h"
#include "engine/ingest/ingestion_pipeline.h"
#include "engine/ingest/loader_registry.h"
#include "engine/store/database.h"
#include "tests/support/temp_tree.h"

#include <QTest>
#include <QThreadPool>

using namespace docrag;

class TestHybridRetriever final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<VectorIndexManager> m_indexes;
    LocalEmbedder m_embedder;
    std::unique_ptr<HybridRetriever> m_retriever;

    void ingest(const QString& collection, const QString& docType, const QString& folder) {
        LoaderRegistry loaders;
        Chunker chunker;
        QThreadPool pool;
        SystemClock clock;
        IngestionPipeline pipeline(*m_db, *m_indexes, loaders, chunker, m_embedder, pool, clock);
        IngestRequest request;
        request.collection = collection;
        request.docType = docType;
        request.paths = {m_tree.filePath(folder)};
        QVERIFY(pipeline.run(request).ok());
    }

    std::vector<Hit> search(const QString& query, SearchOptions options = {}) {
        auto hits = m_retriever->search(query, options);
        if (!hits)
            return {};
        return *hits;
    }

private slots:
    void initTestCase() {
        m_tree.write(QStringLiteral("py/files.md"),
                     QStringLiteral(
                         "# Files\n\n## Reading files\n\nTo read a file line by line, loop over the file "
                         "object: `for line in f`.\n\n## Writing files\n\nUse `f.write(text)` to write.\n"));
        m_tree.write(
            QStringLiteral("py/venv.md"),
            QStringLiteral(
                "# Virtual environments\n\nCreate one with `python -m venv .venv` and activate it.\n"));
        // One long section: the chunker cuts it, and a search for it finds neighbouring chunks.
        QString longSection = QStringLiteral("# Ocelots\n\n## Habitat\n\n");
        for (int i = 0; i < 40; ++i)
            longSection +=
                QStringLiteral("Ocelot habitat paragraph %1 covers dense forest and scrub near rivers.\n\n")
                    .arg(i);
        m_tree.write(QStringLiteral("py/ocelots.md"), longSection);
        m_tree.write(
            QStringLiteral("js/promises.md"),
            QStringLiteral("# Promises\n\nA promise represents a value that arrives later; await it.\n"));
        auto db = Database::open(m_tree.filePath(QStringLiteral("data/d.sqlite3")));
        QVERIFY(db.ok());
        m_db = std::move(*db);
        m_indexes =
            std::make_unique<VectorIndexManager>(*m_db, m_tree.filePath(QStringLiteral("data/indexes")));
        m_retriever = std::make_unique<HybridRetriever>(*m_db, *m_indexes, m_embedder);
        ingest(QStringLiteral("python"), QStringLiteral("python"), QStringLiteral("py"));
        ingest(QStringLiteral("javascript"), QStringLiteral("javascript"), QStringLiteral("js"));
    }

    void findsTheRightSectionWithItsCitation() {
        const auto hits = search(QStringLiteral("how do I read a file line by line"));
        QVERIFY(!hits.empty());
        const Hit& top = hits.front();
        QVERIFY(top.path.endsWith(QLatin1String("py/files.md")));
        QCOMPARE(top.headingPath, QStringLiteral("Reading files"));
        QCOMPARE(top.anchor, QStringLiteral("reading-files"));
        QCOMPARE(top.locStart, 5);
        QCOMPARE(top.collection, QStringLiteral("python"));
        QVERIFY(top.lexicalRank == 1 && top.denseRank == 1);
        QVERIFY(top.snippet.contains(QLatin1String("read a file line by line")));
        QVERIFY(!top.snippetHighlights.isEmpty());
        for (size_t i = 1; i < hits.size(); ++i)
            QVERIFY(hits[i - 1].score >= hits[i].score);
    }

    void bothRetrieversContribute() {
        SearchOptions lexical;
        lexical.mode = SearchMode::Lexical;
        SearchOptions dense;
        dense.mode = SearchMode::Dense;
        // "environments" only shares a stem with "environment": both modes find the venv page.
        QVERIFY(search(QStringLiteral("virtual environment"), lexical)
                    .front()
                    .path.endsWith(QLatin1String("venv.md")));
        QVERIFY(search(QStringLiteral("virtual environment"), dense)
                    .front()
                    .path.endsWith(QLatin1String("venv.md")));
        const auto onlyLexical = search(QStringLiteral("promise"), lexical);
        QVERIFY(std::all_of(onlyLexical.begin(), onlyLexical.end(),
                            [](const Hit& h) { return h.denseRank == 0; }));
    }

    void filtersByCollectionAndDocType() {
        SearchOptions js;
        js.collections = {QStringLiteral("javascript")};
        auto hits = search(QStringLiteral("read a file"), js);
        QVERIFY(std::all_of(hits.begin(), hits.end(),
                            [](const Hit& h) { return h.collection == QLatin1String("javascript"); }));
        SearchOptions python;
        python.docType = QStringLiteral("python");
        hits = search(QStringLiteral("promise value await"), python);
        QVERIFY(std::all_of(hits.begin(), hits.end(),
                            [](const Hit& h) { return h.docType == QLatin1String("python"); }));
        SearchOptions k1;
        k1.k = 1;
        QCOMPARE(search(QStringLiteral("file"), k1).size(), size_t(1));
    }

    void neighbouringChunksOfASectionAreMerged() {
        SearchOptions options;
        options.k = 3;
        const auto hits = search(QStringLiteral("ocelot habitat forest rivers"), options);
        QVERIFY(!hits.empty());
        const Hit& top = hits.front();
        QVERIFY2(top.path.endsWith(QLatin1String("ocelots.md")),
                 qPrintable(top.path + QLatin1Char(' ') + top.text));
        QVERIFY2(top.chunkCount > 1, qPrintable(QString::number(top.chunkCount)));
        QCOMPARE(top.headingPath, QStringLiteral("Habitat"));
        // The merged passage is continuous: each paragraph once, in order.
        QStringList numbers;
        for (const QString& paragraph : top.text.split(QStringLiteral("\n\n")))
            numbers << paragraph.section(QLatin1Char(' '), 3, 3);
        for (int i = 1; i < numbers.size(); ++i)
            QCOMPARE(numbers[i].toInt(), numbers[i - 1].toInt() + 1);
        QVERIFY(top.locEnd > top.locStart);
        // No other hit is a piece of the same passage.
        for (size_t i = 1; i < hits.size(); ++i)
            QVERIFY(hits[i].chunkId != top.chunkId);
    }

    void unknownCollectionsAreErrorsAndEmptyQueriesAreEmpty() {
        SearchOptions missing;
        missing.collections = {QStringLiteral("nope")};
        auto hits = m_retriever->search(QStringLiteral("file"), missing);
        QVERIFY(!hits.ok());
        QCOMPARE(hits.error().code, ErrorCode::NotFound);
        QVERIFY(m_retriever->search(QStringLiteral("   "), {}).value().empty());
    }
};

QTEST_GUILESS_MAIN(TestHybridRetriever)
#include "test_hybrid_retriever.moc"
