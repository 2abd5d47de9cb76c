#include "engine/index/lexical_index.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/document_store.h"
#include "tests/support/temp_tree.h"

#include <QTest>

#include <algorithm>

using namespace docrag;

class TestLexicalIndex final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_dir;
    std::unique_ptr<Database> m_db;
    std::vector<qint64> m_collections;
    std::vector<qint64> m_chunkIds; // in insertion order

    void add(qint64 collection, const QString& title, const QString& heading, const QString& text) {
        Document d;
        d.collectionId = collection;
        d.path = QStringLiteral("/d/%1.md").arg(m_chunkIds.size());
        d.title = title;
        d.status = DocumentStatus::Indexed;
        auto id = DocumentStore(m_db->connection()).upsert(d);
        QVERIFY(id.ok());
        std::vector<Chunk> chunks(1);
        chunks[0].headingPath = heading;
        chunks[0].text = text;
        std::vector<float> vector(2, 0.5f);
        QVERIFY(ChunkStore(m_db->connection()).insert(*id, chunks, QStringLiteral("e"), vector, 2).ok());
        m_chunkIds.push_back(chunks[0].id);
    }

private slots:
    void initTestCase() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("l.sqlite3")));
        QVERIFY(db.ok());
        m_db = std::move(*db);
        for (const char* name : {"one", "two"}) {
            Collection c;
            c.name = QLatin1String(name);
            c.embedderId = QStringLiteral("e");
            m_collections.push_back(CollectionStore(m_db->connection()).create(c).value().id);
        }
        add(m_collections[0], QStringLiteral("Files"), QStringLiteral("Reading"),
            QStringLiteral("Read a file line by line with a for loop."));
        add(m_collections[0], QStringLiteral("Networking"), QStringLiteral("Sockets"),
            QStringLiteral("Open a socket and send bytes."));
        add(m_collections[1], QStringLiteral("Files"), QStringLiteral("Writing"),
            QStringLiteral("Write lines to a file near the end."));
        add(m_collections[1], QStringLiteral("Misc"), QStringLiteral("NEAR and NOT"),
            QStringLiteral("Operators such as AND, OR, NOT and NEAR are words here."));
    }

    void matchExpressionQuotesEveryWord() {
        QCOMPARE(LexicalIndex::matchExpression(QStringLiteral("How do I read a file?")),
                 QStringLiteral("\"read\" OR \"file\""));
        QCOMPARE(LexicalIndex::matchExpression(QStringLiteral("\"unbalanced (quote* -x: NEAR")),
                 QStringLiteral("\"unbalanced\" OR \"quote\" OR \"x\" OR \"near\""));
        QCOMPARE(LexicalIndex::matchExpression(QStringLiteral("*** ::: ()")), QString());
    }

    void ranksTheBestMatchFirst() {
        auto found = LexicalIndex(m_db->connection()).search(QStringLiteral("read file line"), {}, 10);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), size_t(2));
        QCOMPARE(found->front().chunkId, m_chunkIds[0]);
        QVERIFY((*found)[0].score > (*found)[1].score);
    }

    void hostileQueriesReturnResultsNotErrors_data() {
        QTest::addColumn<QString>("query");
        QTest::newRow("quote") << QStringLiteral("\"file");
        QTest::newRow("quotes") << QStringLiteral("\"read\" \"file\"\"");
        QTest::newRow("star") << QStringLiteral("file* *");
        QTest::newRow("near") << QStringLiteral("NEAR(file line, 2)");
        QTest::newRow("minus") << QStringLiteral("-file -");
        QTest::newRow("paren") << QStringLiteral("(file OR (line");
        QTest::newRow("colon") << QStringLiteral("text: file heading_path:");
        QTest::newRow("caret") << QStringLiteral("^file +line");
        QTest::newRow("operators") << QStringLiteral("AND OR NOT near");
    }

    void hostileQueriesReturnResultsNotErrors() {
        QFETCH(QString, query);
        auto found = LexicalIndex(m_db->connection()).search(query, {}, 10);
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message));
        QVERIFY(!found->empty());
    }

    void filtersByCollection() {
        const std::vector<qint64> two = {m_collections[1]};
        auto found = LexicalIndex(m_db->connection()).search(QStringLiteral("file"), two, 10);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), size_t(1));
        QCOMPARE(found->front().chunkId, m_chunkIds[2]);
    }

    // Parallel search of large collections relies on this: halves of the id range score like the whole.
    void idRangesPartitionTheResults() {
        const LexicalIndex index(m_db->connection());
        const auto [first, last] = index.idRange().value();
        QCOMPARE(first, m_chunkIds.front());
        QCOMPARE(last, m_chunkIds.back());
        const QString query = QStringLiteral("file lines words");
        const auto whole = index.search(query, {}, 10).value();
        QCOMPARE(whole.size(), size_t(3));
        const qint64 middle = m_chunkIds[1];
        auto parts = index.search(query, {}, 10, first, middle).value();
        const auto upper = index.search(query, {}, 10, middle + 1, last).value();
        QVERIFY(!parts.empty() && !upper.empty());
        parts.insert(parts.end(), upper.begin(), upper.end());
        for (const ScoredChunk& w : whole) {
            const auto same = std::find_if(parts.begin(), parts.end(),
                                           [&](const ScoredChunk& p) { return p.chunkId == w.chunkId; });
            QVERIFY(same != parts.end());
            QCOMPARE(same->score, w.score);
        }
        QCOMPARE(parts.size(), whole.size());
    }

    void emptyQueriesFindNothing() {
        QCOMPARE(LexicalIndex(m_db->connection()).search(QStringLiteral("  ?! "), {}, 10).value().size(),
                 size_t(0));
        QCOMPARE(LexicalIndex(m_db->connection()).search(QStringLiteral("file"), {}, 0).value().size(),
                 size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestLexicalIndex)
#include "test_lexical_index.moc"
