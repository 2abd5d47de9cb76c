#include "engine/core/clock.h"
#include "engine/index/hybrid_retriever.h"
#include "engine/index/vector_index_manager.h"
#include "engine/ingest/chunker.h"
#include "engine/ingest/ingestion_pipeline.h"
#include "engine/ingest/loader_registry.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "tests/support/counting_embedder.h"
#include "tests/support/pdf_fixture.h"
#include "tests/support/temp_tree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>
#include <QThreadPool>

using namespace docrag;

namespace {

// Everything an ingest needs, over one data directory.
struct Rig final {
    explicit Rig(const QString& dataDir)
        : dir(dataDir) {
        auto opened = Database::open(QDir(dataDir).filePath(QStringLiteral("docrag.sqlite3")));
        if (opened)
            database = std::move(*opened);
        indexes = std::make_unique<VectorIndexManager>(*database,
                                                       QDir(dataDir).filePath(QStringLiteral("indexes")));
        pool.setMaxThreadCount(2);
        pipeline =
            std::make_unique<IngestionPipeline>(*database, *indexes, loaders, chunker, embedder, pool, clock);
        retriever = std::make_unique<HybridRetriever>(*database, *indexes, embedder);
    }
    ~Rig() { pool.waitForDone(); }

    Result<IngestReport> ingest(const QStringList& paths, std::stop_token stop = {},
                                const IngestionPipeline::ProgressCallback& progress = {},
                                qint64 maxBytes = 1 << 20, IngestLimits limits = {}) {
        IngestRequest request;
        request.collection = QStringLiteral("docs");
        request.docType = QStringLiteral("test");
        request.paths = paths;
        request.limits = limits;
        request.limits.maxFileBytes = maxBytes;
        return pipeline->run(request, stop, progress);
    }

    int scalar(const QString& sql) {
        QSqlQuery q(database->connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

    int ftsMatches(const QString& word) {
        return scalar(
            QStringLiteral("SELECT COUNT(*) FROM chunks_fts WHERE chunks_fts MATCH '%1'").arg(word));
    }

    QString dir;
    std::unique_ptr<Database> database;
    std::unique_ptr<VectorIndexManager> indexes;
    LoaderRegistry loaders;
    Chunker chunker;
    test::CountingEmbedder embedder;
    QThreadPool pool;
    SystemClock clock;
    std::unique_ptr<IngestionPipeline> pipeline;
    std::unique_ptr<HybridRetriever> retriever;
};

const FileReport* find(const IngestReport& report, const QString& fileName) {
    for (const FileReport& f : report.files) {
        if (f.path.endsWith(QLatin1Char('/') + fileName))
            return &f;
    }
    return nullptr;
}

QString guide(const QString& installText) {
    return QStringLiteral("# Guide\n\nWelcome to the zebrafish guide.\n\n## Install\n\n%1\n\n## Usage\n\n"
                          "Ask about the okapi.\n\n## Privacy\n\nNothing leaves the capybara machine.\n")
        .arg(installText);
}

} // namespace

class TestIngestionPipeline final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;

    void writeCorpus(const test::TempTree& t) {
        t.write(QStringLiteral("docs/guide.md"), guide(QStringLiteral("Run the quokka installer.")));
        t.write(QStringLiteral("docs/page.html"),
                QStringLiteral("<html><head><title>Page</title></head><body><main><h1 id=\"top\">Page</h1>"
                               "<p>The axolotl lives here.</p></main></body></html>"));
        t.write(QStringLiteral("docs/intro.rst"), QStringLiteral("Intro\n=====\n\nThe wombat section.\n"));
        t.write(QStringLiteral("docs/notes.txt"), QStringLiteral("Plain notes about the pangolin.\n"));
        t.write(QStringLiteral("docs/tool.py"), QStringLiteral("def tapir():\n    return 1\n"));
        t.write(QStringLiteral("docs/manual.pdf"),
                test::PdfFixture::build(
                    {QStringLiteral("Lemur chapter one."), QStringLiteral("Lemur chapter two.")}));
        t.write(
            QStringLiteral("docs/latin1.txt"),
            QStringLiteral("Le café au lait est servi très chaud. À la fenêtre, le narval rêve d'une crème "
                           "brûlée et d'un gâteau à la française.\n")
                .toLatin1());
        t.write(QStringLiteral("docs/empty.md"), QByteArray());
        t.write(QStringLiteral("docs/blob.txt"), QByteArray("\x00\x01\x02binary", 9));
        t.write(QStringLiteral("docs/big.txt"), QByteArray(2 << 20, 'a'));
        t.write(QStringLiteral("docs/broken.pdf"), QByteArray("%PDF-1.4 this is not really a PDF"));
        t.write(QStringLiteral("docs/picture.png"), QByteArray("\x89PNG\r\n", 6));
        t.write(QStringLiteral("docs/private/secret.md"), QStringLiteral("# Secret\n\nThe ocelot code.\n"));
        t.write(QStringLiteral("docs/.docragignore"), QStringLiteral("private/\n"));
    }

private slots:
    void everyFileGetsAStatusWithItsReason() {
        test::TempTree t;
        writeCorpus(t);
        Rig rig(t.filePath(QStringLiteral("data")));
        auto report = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));

        for (const char* name :
             {"guide.md", "page.html", "intro.rst", "notes.txt", "tool.py", "manual.pdf", "latin1.txt"})
            QCOMPARE(find(*report, QLatin1String(name))->outcome, FileOutcome::Indexed);
        QCOMPARE(find(*report, QStringLiteral("latin1.txt"))->detail,
                 QStringLiteral("decoded as WINDOWS-1252"));
        QCOMPARE(rig.scalar(QStringLiteral("SELECT COUNT(*) FROM chunks WHERE text LIKE '%crème brûlée%'")),
                 1);
        auto expectSkip = [&](const char* name, const char* reason) {
            const FileReport* f = find(*report, QLatin1String(name));
            QVERIFY2(f, name);
            QCOMPARE(f->outcome, FileOutcome::Skipped);
            QVERIFY2(f->detail.contains(QLatin1String(reason)), qPrintable(f->detail));
        };
        expectSkip("empty.md", "empty file");
        expectSkip("blob.txt", "binary content");
        expectSkip("big.txt", "too large");
        expectSkip("picture.png", "unsupported file type (.png)");
        QCOMPARE(find(*report, QStringLiteral("broken.pdf"))->outcome, FileOutcome::Failed);
        QVERIFY(
            find(*report, QStringLiteral("broken.pdf"))->detail.contains(QLatin1String("not a valid PDF")));
        QVERIFY(!find(*report, QStringLiteral("secret.md")));
        QCOMPARE(report->files.size(), size_t(12));

        for (const char* word : {"quokka", "axolotl", "wombat", "pangolin", "tapir", "lemur", "narval"})
            QVERIFY2(rig.ftsMatches(QLatin1String(word)) > 0, word);
        QCOMPARE(rig.ftsMatches(QStringLiteral("ocelot")), 0);
        QCOMPARE(rig.scalar(QStringLiteral("SELECT COUNT(*) FROM chunks")), report->chunksWritten);
        QCOMPARE(rig.scalar(QStringLiteral("SELECT COUNT(*) FROM embeddings")), report->chunksWritten);
        QCOMPARE(rig.embedder.texts(), report->chunksWritten);
        // PDF chunks cite their page.
        QCOMPARE(rig.scalar(QStringLiteral("SELECT page FROM chunks c JOIN chunks_fts f ON f.rowid = c.id "
                                           "WHERE chunks_fts MATCH 'two'")),
                 2);

        auto hits = rig.retriever->search(QStringLiteral("axolotl"), SearchOptions{});
        QVERIFY(hits.ok());
        QVERIFY(!hits->empty());
        QVERIFY(hits->front().path.endsWith(QLatin1String("page.html")));
        QCOMPARE(hits->front().anchor, QStringLiteral("top"));
    }

    void anUnchangedTreeIsNotReadAgain() {
        test::TempTree t;
        writeCorpus(t);
        Rig rig(t.filePath(QStringLiteral("data")));
        const auto first = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QVERIFY(first.ok());
        rig.embedder.reset();
        const auto second = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QVERIFY(second.ok());
        QCOMPARE(second->count(FileOutcome::Indexed), 0);
        // Only the file that failed is read again.
        QCOMPARE(second->bytesRead, QFileInfo(t.filePath(QStringLiteral("docs/broken.pdf"))).size());
        QCOMPARE(rig.embedder.texts(), 0);
        // Content decisions (empty, binary) are remembered; size and type decisions are re-made from the
        // scan.
        QCOMPARE(second->count(FileOutcome::Unchanged), 9);
        QCOMPARE(second->count(FileOutcome::Skipped), 2);
        // The failed PDF is tried again (the failure may have been transient).
        QCOMPARE(second->count(FileOutcome::Failed), 1);
    }

    void aTouchedFileWithTheSameContentStaysUnchanged() {
        test::TempTree t;
        t.write(QStringLiteral("docs/guide.md"), guide(QStringLiteral("Run it.")));
        Rig rig(t.filePath(QStringLiteral("data")));
        QVERIFY(rig.ingest({t.filePath(QStringLiteral("docs"))}).ok());
        QVERIFY(t.touch(QStringLiteral("docs/guide.md")));
        rig.embedder.reset();
        auto report = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QVERIFY(report.ok());
        QCOMPARE(find(*report, QStringLiteral("guide.md"))->outcome, FileOutcome::Unchanged);
        QCOMPARE(find(*report, QStringLiteral("guide.md"))->detail, QStringLiteral("same content"));
        QCOMPARE(rig.embedder.texts(), 0);
        // The new time is recorded, so the third run does not even read it.
        auto third = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QCOMPARE(third->bytesRead, qint64(0));
    }

    void anEditedFileReembedsOnlyItsChangedChunks() {
        test::TempTree t;
        t.write(QStringLiteral("docs/guide.md"), guide(QStringLiteral("Run the quokka installer.")));
        t.write(QStringLiteral("docs/other.md"), QStringLiteral("# Other\n\nUntouched.\n"));
        Rig rig(t.filePath(QStringLiteral("data")));
        auto first = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QVERIFY(first.ok());
        QCOMPARE(find(*first, QStringLiteral("guide.md"))->chunks, 4);

        t.write(QStringLiteral("docs/guide.md"), guide(QStringLiteral("Run the gecko installer instead.")));
        rig.embedder.reset();
        auto second = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QVERIFY(second.ok());
        QCOMPARE(find(*second, QStringLiteral("guide.md"))->outcome, FileOutcome::Indexed);
        QCOMPARE(find(*second, QStringLiteral("other.md"))->outcome, FileOutcome::Unchanged);
        QCOMPARE(rig.embedder.texts(), 1);
        QCOMPARE(second->embeddingsComputed, qint64(1));
        QCOMPARE(second->embeddingsReused, qint64(3));
        QCOMPARE(rig.ftsMatches(QStringLiteral("quokka")), 0);
        QCOMPARE(rig.ftsMatches(QStringLiteral("gecko")), 1);
        QCOMPARE(rig.scalar(QStringLiteral("SELECT COUNT(*) FROM chunks")), 5);
        QCOMPARE(rig.scalar(QStringLiteral("SELECT COUNT(*) FROM embeddings")), 5);
        // Dense search sees the new text, not the old.
        SearchOptions dense;
        dense.mode = SearchMode::Dense;
        dense.k = 1;
        auto hits = rig.retriever->search(QStringLiteral("gecko installer"), dense);
        QVERIFY(hits.ok());
        QVERIFY(hits->front().text.contains(QLatin1String("gecko")));
    }

    void aDeletedFileDisappears() {
        test::TempTree t;
        t.write(QStringLiteral("docs/a.md"), QStringLiteral("# A\n\nThe dugong text.\n"));
        t.write(QStringLiteral("docs/b.md"), QStringLiteral("# B\n\nThe manatee text.\n"));
        Rig rig(t.filePath(QStringLiteral("data")));
        QVERIFY(rig.ingest({t.filePath(QStringLiteral("docs"))}).ok());
        QVERIFY(t.remove(QStringLiteral("docs/a.md")));
        auto report = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QVERIFY(report.ok());
        QCOMPARE(find(*report, QStringLiteral("a.md"))->outcome, FileOutcome::Removed);
        QCOMPARE(rig.ftsMatches(QStringLiteral("dugong")), 0);
        QCOMPARE(rig.ftsMatches(QStringLiteral("manatee")), 1);
        QCOMPARE(rig.scalar(QStringLiteral("SELECT COUNT(*) FROM documents")), 1);
        SearchOptions dense;
        dense.mode = SearchMode::Dense;
        auto hits = rig.retriever->search(QStringLiteral("dugong"), dense);
        QVERIFY(hits.ok());
        QVERIFY(std::none_of(hits->begin(), hits->end(),
                             [](const Hit& h) { return h.path.endsWith(QLatin1String("a.md")); }));
    }

    // A sync of what changed: the changed file is read again, a file gone under a changed folder is
    // removed, and the rest of the collection is neither read nor judged gone. A completed run records
    // when the collection was synced.
    void anIngestOfChangesTouchesOnlyThem() {
        test::TempTree t;
        t.write(QStringLiteral("docs/a.md"), QStringLiteral("# A\n\nThe dugong text.\n"));
        t.write(QStringLiteral("docs/b.md"), QStringLiteral("# B\n\nThe manatee text.\n"));
        t.write(QStringLiteral("docs/sub/c.md"), QStringLiteral("# C\n\nThe narwhal text.\n"));
        Rig rig(t.filePath(QStringLiteral("data")));
        QVERIFY(rig.ingest({t.filePath(QStringLiteral("docs"))}).ok());
        QVERIFY(CollectionStore(rig.database->connection()).find(QStringLiteral("docs"))->syncedAtMs > 0);
        const QString docs = QFileInfo(t.filePath(QStringLiteral("docs"))).canonicalFilePath();

        t.write(QStringLiteral("docs/a.md"), QStringLiteral("# A\n\nThe beluga text now.\n"));
        QVERIFY(t.remove(QStringLiteral("docs/b.md"))); // not among the changes: stays for now
        QVERIFY(t.remove(QStringLiteral("docs/sub/c.md")));
        IngestRequest request;
        request.collection = QStringLiteral("docs");
        request.paths = {docs};
        request.scan.onlyUnder = {docs + QStringLiteral("/a.md"), docs + QStringLiteral("/sub")};
        auto report = rig.pipeline->run(request);
        QVERIFY(report.ok());
        QCOMPARE(report->files.size(), size_t(2));
        QCOMPARE(find(*report, QStringLiteral("a.md"))->outcome, FileOutcome::Indexed);
        QCOMPARE(find(*report, QStringLiteral("c.md"))->outcome, FileOutcome::Removed);
        QCOMPARE(rig.ftsMatches(QStringLiteral("beluga")), 1);
        QCOMPARE(rig.ftsMatches(QStringLiteral("dugong")), 0);
        QCOMPARE(rig.ftsMatches(QStringLiteral("narwhal")), 0);
        QCOMPARE(rig.ftsMatches(QStringLiteral("manatee")), 1);

        request.scan.onlyUnder = {docs + QStringLiteral("/b.md")};
        report = rig.pipeline->run(request);
        QVERIFY(report.ok());
        QCOMPARE(report->files.size(), size_t(1));
        QCOMPARE(find(*report, QStringLiteral("b.md"))->outcome, FileOutcome::Removed);
        QCOMPARE(rig.ftsMatches(QStringLiteral("manatee")), 0);
    }

    void aFileThatTurnsBadKeepsItsLastGoodVersion() {
        test::TempTree t;
        t.write(QStringLiteral("docs/a.txt"), QStringLiteral("The kinkajou notes.\n"));
        Rig rig(t.filePath(QStringLiteral("data")));
        QVERIFY(rig.ingest({t.filePath(QStringLiteral("docs"))}).ok());
        t.write(QStringLiteral("docs/a.txt"), QByteArray("\x00\x00garbage", 9));
        auto report = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QVERIFY(report.ok());
        const FileReport* a = find(*report, QStringLiteral("a.txt"));
        QCOMPARE(a->outcome, FileOutcome::Skipped);
        QVERIFY(a->detail.contains(QLatin1String("previously indexed version is kept")));
        QCOMPARE(rig.ftsMatches(QStringLiteral("kinkajou")), 1);
        // Once fixed, it is indexed again.
        t.write(QStringLiteral("docs/a.txt"), QStringLiteral("The binturong notes.\n"));
        auto fixed = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QCOMPARE(find(*fixed, QStringLiteral("a.txt"))->outcome, FileOutcome::Indexed);
        QCOMPARE(rig.ftsMatches(QStringLiteral("kinkajou")), 0);
        QCOMPARE(rig.ftsMatches(QStringLiteral("binturong")), 1);
    }

    void cancelStopsPromptlyAndTheNextRunResumes() {
        test::TempTree t;
        for (int i = 0; i < 80; ++i)
            t.write(QStringLiteral("docs/f%1.md").arg(i, 3, 10, QLatin1Char('0')),
                    QStringLiteral("# File %1\n\n%2\n")
                        .arg(i)
                        .arg(QStringLiteral("Some words here. ").repeated(200)));
        Rig rig(t.filePath(QStringLiteral("data")));
        std::stop_source stop;
        int seen = 0;
        auto cancelled = rig.ingest({t.filePath(QStringLiteral("docs"))}, stop.get_token(),
                                    [&](const IngestProgress&, const FileReport* file) {
                                        if (file && file->outcome == FileOutcome::Indexed && ++seen == 5)
                                            stop.request_stop();
                                    });
        QVERIFY(cancelled.ok());
        QVERIFY(cancelled->cancelled);
        const int stored = rig.scalar(QStringLiteral("SELECT COUNT(*) FROM documents"));
        QCOMPARE(stored, cancelled->count(FileOutcome::Indexed));
        QVERIFY2(stored >= 5 && stored < 80, qPrintable(QString::number(stored)));

        auto resumed = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QVERIFY(resumed.ok());
        QVERIFY(!resumed->cancelled);
        QCOMPARE(resumed->count(FileOutcome::Unchanged), stored);
        QCOMPARE(resumed->count(FileOutcome::Indexed), 80 - stored);
        QCOMPARE(rig.scalar(QStringLiteral("SELECT COUNT(*) FROM documents")), 80);
    }

    // A crash is simulated by copying the database files at a moment between two commits, which is
    // exactly what a power cut would leave; the copy is then ingested again.
    void aCrashLosesOnlyTheFilesInFlight() {
        test::TempTree t;
        for (int i = 0; i < 40; ++i)
            t.write(QStringLiteral("docs/f%1.md").arg(i, 3, 10, QLatin1Char('0')),
                    QStringLiteral("# File %1\n\nUnique word kiwi%1 and more text.\n").arg(i));
        const QString live = t.filePath(QStringLiteral("live"));
        const QString crashed = t.filePath(QStringLiteral("crashed"));
        int committed = -1;
        {
            Rig rig(live);
            int indexed = 0;
            auto report = rig.ingest(
                {t.filePath(QStringLiteral("docs"))}, {}, [&](const IngestProgress&, const FileReport* f) {
                    if (!f || f->outcome != FileOutcome::Indexed || ++indexed != 10 || committed >= 0)
                        return;
                    QDir().mkpath(crashed);
                    for (const char* suffix : {"", "-wal"}) {
                        const QString name = QStringLiteral("docrag.sqlite3") + QLatin1String(suffix);
                        QFile::copy(QDir(live).filePath(name), QDir(crashed).filePath(name));
                    }
                    committed = rig.scalar(QStringLiteral("SELECT COUNT(*) FROM documents"));
                });
            QVERIFY(report.ok());
        }
        QVERIFY(committed >= 10);

        Rig after(crashed);
        QCOMPARE(after.scalar(QStringLiteral("SELECT COUNT(*) FROM documents")), committed);
        auto resumed = after.ingest({t.filePath(QStringLiteral("docs"))});
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->count(FileOutcome::Unchanged), committed);
        QCOMPARE(resumed->count(FileOutcome::Indexed), 40 - committed);
        QVERIFY(resumed->indexRebuilt);
        // Vectors stored before the crash are back in the rebuilt index.
        SearchOptions dense;
        dense.mode = SearchMode::Dense;
        dense.k = 3;
        for (int i : {0, 39}) {
            auto hits = after.retriever->search(QStringLiteral("kiwi%1").arg(i), dense);
            QVERIFY(hits.ok());
            QVERIFY(hits->front().path.endsWith(QStringLiteral("f%1.md").arg(i, 3, 10, QLatin1Char('0'))));
        }
    }

    // Issue 12: hostile files used to become a million passages (a file of headings), a list of every
    // word (one long line) or a quadratic parse (deep markup). Each is now capped and says so.
    void hostileFilesAreCappedAndSaySo() {
        test::TempTree t;
        QByteArray headings;
        for (int i = 0; i < 20000; ++i)
            headings += "## Heading " + QByteArray::number(i) + "\nText " + QByteArray::number(i) + ".\n";
        t.write(QStringLiteral("in/headings.md"), headings);
        t.write(QStringLiteral("in/oneline.txt"), QByteArray("lorem ipsum dolor sit amet ").repeated(200000));
        t.write(QStringLiteral("in/deep.html"), "<html><body>" + QByteArray("<div>").repeated(20000) +
                                                    "deep text" + QByteArray("</div>").repeated(20000) +
                                                    "</body></html>");
        t.write(QStringLiteral("in/fine.md"), guide(QStringLiteral("Run the quokka installer.")));
        QDir(t.path()).mkpath(QStringLiteral("data"));
        Rig rig(t.path() + QStringLiteral("/data"));
        IngestLimits limits;
        limits.maxPassagesPerFile = 500;
        limits.maxHtmlDepth = 64;
        auto report = rig.ingest({t.path() + QStringLiteral("/in")}, {}, {}, 16 << 20, limits);
        QVERIFY(report.ok());
        for (const char* name : {"headings.md", "oneline.txt"}) {
            const FileReport* f = find(*report, QLatin1String(name));
            QVERIFY(f);
            QCOMPARE(f->outcome, FileOutcome::Indexed);
            QCOMPARE(f->chunks, 500);
            QVERIFY2(f->detail.contains(QLatin1String("capped at 500 passages")), qPrintable(f->detail));
        }
        const FileReport* deep = find(*report, QStringLiteral("deep.html"));
        QVERIFY(deep);
        QCOMPARE(deep->outcome, FileOutcome::Indexed);
        QVERIFY2(deep->detail.contains(QLatin1String("flattened")), qPrintable(deep->detail));
        const FileReport* fine = find(*report, QStringLiteral("fine.md"));
        QVERIFY(fine && fine->detail.isEmpty());
        QCOMPARE(rig.scalar(QStringLiteral("SELECT COUNT(*) FROM chunks")), 500 + 500 + 1 + fine->chunks);

        // A memory budget smaller than a file needs: skipped with the reason, the others indexed.
        limits.memoryBudgetBytes = limits.memoryEstimate(1 << 20);
        test::TempTree big;
        big.write(QStringLiteral("in/big.txt"), QByteArray("word ").repeated(1 << 20));
        big.write(QStringLiteral("in/small.txt"), QByteArray("a small file about the okapi"));
        QDir(big.path()).mkpath(QStringLiteral("data"));
        Rig other(big.path() + QStringLiteral("/data"));
        auto budgeted = other.ingest({big.path() + QStringLiteral("/in")}, {}, {}, 16 << 20, limits);
        QVERIFY(budgeted.ok());
        const FileReport* skipped = find(*budgeted, QStringLiteral("big.txt"));
        QVERIFY(skipped);
        QCOMPARE(skipped->outcome, FileOutcome::Skipped);
        QVERIFY2(skipped->detail.contains(QLatin1String("--memory-budget")), qPrintable(skipped->detail));
        QCOMPARE(find(*budgeted, QStringLiteral("small.txt"))->outcome, FileOutcome::Indexed);
    }

    // A run killed after its last commit and before it saved the index leaves the index file behind
    // the database. The run that resumes it has nothing left to write, and must still leave the index
    // as current as an uninterrupted run does, or every later search falls back to scanning vectors.
    void aResumeWithNothingLeftToWriteStillSavesTheIndex() {
        test::TempTree t;
        for (int i = 0; i < 6; ++i)
            t.write(QStringLiteral("docs/f%1.md").arg(i),
                    QStringLiteral("# File %1\n\nThe kiwi%1 page.\n").arg(i));
        const QString data = t.filePath(QStringLiteral("data"));
        const QString indexes = QDir(data).filePath(QStringLiteral("indexes"));
        const QString saved = t.filePath(QStringLiteral("saved"));
        QVERIFY(Rig(data).ingest({t.filePath(QStringLiteral("docs"))}).ok());
        QDir().mkpath(saved);
        const QStringList files = QDir(indexes).entryList({QStringLiteral("*.hnsw*")}, QDir::Files);
        QCOMPARE(files.size(), 2);
        for (const QString& name : files)
            QVERIFY(QFile::copy(QDir(indexes).filePath(name), QDir(saved).filePath(name)));
        t.write(QStringLiteral("docs/f0.md"), QStringLiteral("# File 0\n\nThe kiwi0 page, rewritten.\n"));
        QVERIFY(t.remove(QStringLiteral("docs/f5.md")));
        QVERIFY(Rig(data).ingest({t.filePath(QStringLiteral("docs"))}).ok());
        // What a kill before that run's save leaves: its commits, and the index the run before saved.
        for (const QString& name : files) {
            QVERIFY(QFile::remove(QDir(indexes).filePath(name)));
            QVERIFY(QFile::copy(QDir(saved).filePath(name), QDir(indexes).filePath(name)));
        }

        Rig rig(data);
        auto resumed = rig.ingest({t.filePath(QStringLiteral("docs"))});
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->count(FileOutcome::Unchanged), 5);
        auto collection = CollectionStore(rig.database->connection()).find(QStringLiteral("docs"));
        QVERIFY(collection.ok());
        auto vectors =
            ChunkStore(rig.database->connection()).countVectors(collection->id, collection->embedderId);
        QVERIFY(vectors.ok());
        const Status current = VectorIndexManager::verifyFiles(indexes, *collection, *vectors);
        QVERIFY2(current.ok(), current.ok() ? "" : qPrintable(current.error().message));
    }

    void aCollectionKeepsItsEmbedder() {
        test::TempTree t;
        t.write(QStringLiteral("docs/a.md"), QStringLiteral("# A\n\ntext\n"));
        const QString data = t.filePath(QStringLiteral("data"));
        {
            Rig rig(data);
            QVERIFY(rig.ingest({t.filePath(QStringLiteral("docs"))}).ok());
        }
        auto db = Database::open(QDir(data).filePath(QStringLiteral("docrag.sqlite3")));
        VectorIndexManager indexes(**db, QDir(data).filePath(QStringLiteral("indexes")));
        LoaderRegistry loaders;
        Chunker chunker;
        LocalEmbedder other(128);
        QThreadPool pool;
        SystemClock clock;
        IngestionPipeline pipeline(**db, indexes, loaders, chunker, other, pool, clock);
        IngestRequest request;
        request.collection = QStringLiteral("docs");
        request.paths = {t.filePath(QStringLiteral("docs"))};
        auto report = pipeline.run(request);
        QVERIFY(!report.ok());
        QVERIFY(report.error().message.contains(QLatin1String("local-hash-v1-384")));
    }

    void badRequestsAreClearErrors() {
        test::TempTree t;
        Rig rig(t.filePath(QStringLiteral("data")));
        auto missing = rig.ingest({t.filePath(QStringLiteral("nope"))});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        IngestRequest unnamed;
        unnamed.paths = {t.path()};
        QCOMPARE(rig.pipeline->run(unnamed).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestIngestionPipeline)
#include "test_ingestion_pipeline.moc"
