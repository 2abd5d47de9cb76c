#include "engine/rag/rag_engine.h"
#include "engine/rag/symbol_lookup.h"
#include "engine/store/database.h"
#include "tests/support/ingested_engine.h"
#include "tests/support/read_fixture.h"
#include "tests/support/temp_tree.h"

#include <QSqlQuery>
#include <QTest>

namespace docrag {
namespace {

QStringList names(const Result<std::vector<SymbolHit>>& hits) {
    QStringList out;
    if (!hits)
        return {QStringLiteral("error: ") + hits.error().message};
    for (const SymbolHit& h : *hits)
        out << h.symbol.name;
    return out;
}

const char* const kFsPage =
    "# File system\n\n## Class: `fs.Dir`\n\nA directory.\n\n### `dir.close()`\n\nCloses it.\n";

} // namespace

// Symbols found at ingest, looked up through the engine as the type-ahead and `lookup` do.
class TestSymbolLookup final : public QObject {
    Q_OBJECT

private:
    static EngineOptions optionsFor(const test::TempTree& tree) {
        EngineOptions options;
        options.dataDir = tree.filePath(QStringLiteral("data"));
        return options;
    }

    static Status ingest(RagEngine& engine, const QString& collection, const QString& folder) {
        IngestRequest request;
        request.collection = collection;
        request.paths = {folder};
        auto report = engine.ingest(request);
        return report ? Status{} : Status{report.error()};
    }

private slots:
    void findsWhatIngestFound() {
        test::TempTree tree;
        tree.write(QStringLiteral("docs/ref.html"),
                   test::readFixture(QStringLiteral("loaders/sphinx_reference.html")));
        tree.write(QStringLiteral("docs/fs.md"), QByteArray(kFsPage));
        auto engine = test::ingestedEngine(optionsFor(tree), QStringLiteral("docs"),
                                           tree.filePath(QStringLiteral("docs")));
        QVERIFY2(engine, qPrintable(engine ? QString() : engine.error().message));
        RagEngine& e = **engine;

        const auto hits = e.lookupSymbols(QStringLiteral("gauge.r"), 5);
        QCOMPARE(names(hits), QStringList{QStringLiteral("Gauge.read")});
        const SymbolHit& read = hits->front();
        QCOMPARE(read.symbol.kind, QStringLiteral("method"));
        QCOMPARE(read.symbol.anchor, QStringLiteral("Gauge.read"));
        QCOMPARE(read.collection, QStringLiteral("docs"));
        QVERIFY(read.path.endsWith(QLatin1String("docs/ref.html")));
        QCOMPARE(read.title, QStringLiteral("Built-in Helpers"));
        QCOMPARE(names(e.lookupSymbols(QStringLiteral("fs.d"), 5)), QStringList{QStringLiteral("fs.Dir")});
        QCOMPARE(e.lookupSymbols(QStringLiteral("dir.close"), 5)->front().symbol.line, 7);
        QCOMPARE(names(e.lookupSymbols(QStringLiteral("clamp"), 5, {QStringLiteral("docs")})),
                 QStringList{QStringLiteral("clamp")});
        const auto unknown = e.lookupSymbols(QStringLiteral("clamp"), 5, {QStringLiteral("nope")});
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    }

    // The index is built once and built again when a collection changes, by this engine or another.
    void followsChangesToCollections() {
        test::TempTree tree;
        tree.write(QStringLiteral("docs/fs.md"), QByteArray(kFsPage));
        auto engine = test::ingestedEngine(optionsFor(tree), QStringLiteral("docs"),
                                           tree.filePath(QStringLiteral("docs")));
        QVERIFY2(engine, qPrintable(engine ? QString() : engine.error().message));
        RagEngine& e = **engine;
        auto first = e.symbols().index();
        QVERIFY(first);
        auto again = e.symbols().index();
        QVERIFY(again);
        QCOMPARE(again->get(), first->get()); // nothing changed: the same index

        tree.write(QStringLiteral("docs/fs.md"),
                   QByteArray("# File system\n\n## Class: `fs.Stats`\n\nSizes.\n"));
        QVERIFY(tree.touch(QStringLiteral("docs/fs.md")));
        {
            // Another process's ingest: its own engine on the same data folder.
            auto other = RagEngine::open(optionsFor(tree));
            QVERIFY(other);
            QVERIFY(ingest(**other, QStringLiteral("docs"), tree.filePath(QStringLiteral("docs"))));
        }
        QCOMPARE(names(e.lookupSymbols(QStringLiteral("fs."), 5)), QStringList{QStringLiteral("fs.Stats")});

        tree.write(QStringLiteral("more/api.md"), QByteArray("# API\n\n## `fs.open(path)`\n\nOpens.\n"));
        QVERIFY(ingest(e, QStringLiteral("more"), tree.filePath(QStringLiteral("more"))));
        QCOMPARE(names(e.lookupSymbols(QStringLiteral("fs."), 5)),
                 (QStringList{QStringLiteral("fs.Stats"), QStringLiteral("fs.open")}));
        QVERIFY(e.removeCollection(QStringLiteral("docs")));
        QCOMPARE(names(e.lookupSymbols(QStringLiteral("fs."), 5)), QStringList{QStringLiteral("fs.open")});
    }

    // A data folder from before symbols existed gets them from its next ingest, without re-embedding.
    void anOlderDataFolderFindsSymbolsAtItsNextIngest() {
        test::TempTree tree;
        tree.write(QStringLiteral("docs/fs.md"), QByteArray(kFsPage));
        const EngineOptions options = optionsFor(tree);
        {
            auto engine =
                test::ingestedEngine(options, QStringLiteral("docs"), tree.filePath(QStringLiteral("docs")));
            QVERIFY2(engine, qPrintable(engine ? QString() : engine.error().message));
        }
        {
            // Back to schema 2, as DocRag left it before symbols: no table, documents up to date.
            auto db = Database::open(options.dataDir + QStringLiteral("/docrag.sqlite3"));
            QVERIFY(db);
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("DROP TABLE symbols")));
            for (const char* later :
                 {"DROP INDEX chunks_owner", "DROP TRIGGER chunks_span_insert",
                  "DROP TRIGGER chunks_span_update", "DROP TRIGGER documents_span_update",
                  "ALTER TABLE collections DROP COLUMN chunk_id_first",
                  "ALTER TABLE collections DROP COLUMN chunk_id_last", "DROP TABLE stat_minutes",
                  "ALTER TABLE collections DROP COLUMN keep_in_sync",
                  "ALTER TABLE collections DROP COLUMN synced_at", "DROP TABLE libraries",
                  "ALTER TABLE collections DROP COLUMN library_id",
                  "ALTER TABLE collections DROP COLUMN library_collection_id",
                  "ALTER TABLE collections DROP COLUMN library_version",
                  "ALTER TABLE messages DROP COLUMN feedback_shared"})
                QVERIFY2(q.exec(QString::fromLatin1(later)), later);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 2")));
        }
        auto engine = RagEngine::open(options);
        QVERIFY(engine);
        QVERIFY((*engine)->lookupSymbols(QStringLiteral("fs"), 5)->empty());
        IngestRequest request;
        request.collection = QStringLiteral("docs");
        request.paths = {tree.filePath(QStringLiteral("docs"))};
        auto report = (*engine)->ingest(request);
        QVERIFY(report);
        QCOMPARE(report->embeddingsComputed, qint64(0)); // the vectors came back from the previous version
        QCOMPARE(names((*engine)->lookupSymbols(QStringLiteral("fs"), 5)),
                 QStringList{QStringLiteral("fs.Dir")});
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestSymbolLookup)
#include "test_symbol_lookup.moc"
