#include "engine/index/lexical_index.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/document_store.h"
#include "tests/support/one_passage_document.h"
#include "tests/support/temp_tree.h"

#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace docrag;

class TestLexicalIndex final : public QObject {
    Q_OBJECT

private:
    // In the 300 rows of frequentWordsDatabase(): skip the words in more than 15 rows.
    static constexpr LexicalSkipping kSkipBeyondFifteenRows{0.05, 0};

    test::TempTree m_dir;
    std::unique_ptr<Database> m_db;
    std::vector<qint64> m_collections;
    std::vector<qint64> m_chunkIds; // in insertion order
    int m_databases = 0;

    void add(qint64 collection, const QString& title, const QString& heading, const QString& text) {
        auto id = test::addOnePassageDocument(m_db->connection(), collection,
                                              QStringLiteral("/d/%1.md").arg(m_chunkIds.size()), title,
                                              heading, text);
        QVERIFY(id.ok());
        m_chunkIds.push_back(*id);
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

    // A table where "common" is in every row, "often" and "usual" each in a third, "seldom" in every
    // tenth, "rare" in four rows, and "scarce" in two: a search of frequent and rare words can skip rows.
    std::unique_ptr<Database> frequentWordsDatabase() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("frequent%1.sqlite3").arg(++m_databases)));
        if (!db)
            return nullptr;
        Collection c;
        c.name = QStringLiteral("frequent");
        c.embedderId = QStringLiteral("e");
        const qint64 collection = CollectionStore((*db)->connection()).create(c).value().id;
        Document d;
        d.collectionId = collection;
        d.path = QStringLiteral("/d/frequent.md");
        d.status = DocumentStatus::Indexed;
        const qint64 document = DocumentStore((*db)->connection()).upsert(d).value();
        std::vector<Chunk> chunks(300);
        for (int i = 0; i < 300; ++i) {
            QString text = QStringLiteral("common filler words number %1").arg(i);
            if (i % 3 == 0)
                text += QStringLiteral(" often");
            if (i % 3 == 1)
                text += QStringLiteral(" usual");
            if (i % 10 == 0)
                text += QStringLiteral(" seldom seldom");
            if (i % 75 == 1)
                text += QStringLiteral(" rare");
            if (i % 150 == 2)
                text += QStringLiteral(" scarce");
            chunks[static_cast<size_t>(i)].ordinal = i;
            chunks[static_cast<size_t>(i)].text = text + QStringLiteral(" common").repeated(i % 4);
        }
        const std::vector<float> vectors(600, 0.5f);
        if (!ChunkStore((*db)->connection()).insert(document, chunks, QStringLiteral("e"), vectors, 2).ok())
            return nullptr;
        return std::move(*db);
    }

    // Skipping rows must never change the result: the same chunks, scores and order as scoring every
    // row, both when the rare words fill the list and when the search has to fall back to every row.
    void skippingFrequentWordsKeepsTheExactRanking_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QList<int>>("keptByTry"); // how many words each try kept, rarest first
        QTest::newRow("rare words fill the list")
            << QStringLiteral("common often rare scarce") << 3 << QList<int>{2};
        QTest::newRow("one skipped word") << QStringLiteral("often scarce rare") << 3 << QList<int>{2};
        QTest::newRow("too few rows: the next word joins")
            << QStringLiteral("scarce seldom often") << 5 << QList<int>{1, 2};
        QTest::newRow("too few rows, then every word")
            << QStringLiteral("common rare") << 10 << QList<int>{1, 2};
        QTest::newRow("bound above the last row: skip fewer")
            << QStringLiteral("seldom often usual common") << 5 << QList<int>{1, 2};
        QTest::newRow("bound above the last of many rows")
            << QStringLiteral("often usual seldom") << 25 << QList<int>{1, 2};
        QTest::newRow("bound above a rare row")
            << QStringLiteral("often seldom rare") << 2 << QList<int>{1, 2};
    }

    void skippingFrequentWordsKeepsTheExactRanking() {
        QFETCH(QString, query);
        QFETCH(int, limit);
        auto db = frequentWordsDatabase();
        QVERIFY(db);
        const LexicalIndex plain(db->connection());
        const LexicalIndex pruning(db->connection(), {}, &db->ranker(), kSkipBeyondFifteenRows);
        QVERIFY(!pruning.prunedExpression(query)); // no word counted yet
        const auto expected = plain.search(query, {}, limit).value();
        QCOMPARE(expected.size(), size_t(limit));
        const auto expression = pruning.prunedExpression(query);
        QVERIFY(expression);
        QVERIFY2(expression->startsWith(QStringLiteral("(\"")), qPrintable(*expression));
        QVERIFY(!expression->section(QStringLiteral(" AND "), 0, 0).contains(QStringLiteral("common")));
        QStringList tried;
        const auto found = pruning.search(query, {}, limit, &tried).value();
        QCOMPARE(found.size(), expected.size());
        for (size_t i = 0; i < found.size(); ++i) {
            QCOMPARE(found[i].chunkId, expected[i].chunkId);
            QCOMPARE(found[i].score, expected[i].score);
        }
        QFETCH(QList<int>, keptByTry);
        QCOMPARE(tried.size(), keptByTry.size());
        for (qsizetype i = 0; i < tried.size(); ++i) {
            // A skipping try reads "(kept) AND (kept OR skipped)"; the last resort has no AND.
            const QString kept = tried[i].contains(QStringLiteral(" AND "))
                                     ? tried[i].section(QStringLiteral(" AND "), 0, 0)
                                     : tried[i];
            QVERIFY2(kept.count(QLatin1Char('"')) == 2 * keptByTry[i], qPrintable(tried[i]));
        }
    }

    void oneWordOrNoRankerSkipsNothing() {
        auto db = frequentWordsDatabase();
        QVERIFY(db);
        const LexicalIndex pruning(db->connection(), {}, &db->ranker(), kSkipBeyondFifteenRows);
        QVERIFY(pruning.search(QStringLiteral("common rare"), {}, 5).ok());
        QVERIFY(pruning.prunedExpression(QStringLiteral("common rare")));
        QVERIFY(!pruning.prunedExpression(QStringLiteral("common")));
        QVERIFY(!LexicalIndex(db->connection()).prunedExpression(QStringLiteral("common rare")));
    }

    // Four rows of four words each; "zeta" in the title of one, the heading of another, the text of a
    // third: each field's weight scales the term's frequency before BM25 saturates it (BM25F), and the
    // scores are the formula's to the last digit.
    void fieldWeightsScaleTheTermFrequencyOfTheirField_data() {
        QTest::addColumn<double>("title");
        QTest::addColumn<double>("heading");
        QTest::addColumn<double>("text");
        QTest::addColumn<QStringList>("order");
        QTest::newRow("title, then heading") << 2.0 << 1.5 << 1.0 << QStringList{"title", "heading", "text"};
        QTest::newRow("text first") << 0.5 << 0.25 << 1.0 << QStringList{"text", "title", "heading"};
        QTest::newRow("heading first") << 1.0 << 3.0 << 0.5 << QStringList{"heading", "title", "text"};
    }

    void fieldWeightsScaleTheTermFrequencyOfTheirField() {
        QFETCH(double, title);
        QFETCH(double, heading);
        QFETCH(double, text);
        QFETCH(QStringList, order);
        auto db = Database::open(m_dir.filePath(QStringLiteral("fields%1.sqlite3").arg(++m_databases)));
        QVERIFY(db.ok());
        Collection c;
        c.name = QStringLiteral("fields");
        c.embedderId = QStringLiteral("e");
        const qint64 collection = CollectionStore((*db)->connection()).create(c).value().id;
        std::map<qint64, QString> fieldOf;
        const auto add = [&](const QString& field, const QString& t, const QString& h, const QString& x) {
            auto id = test::addOnePassageDocument((*db)->connection(), collection,
                                                  QStringLiteral("/d/%1.md").arg(field), t, h, x);
            QVERIFY(id.ok());
            fieldOf[*id] = field;
        };
        add(QStringLiteral("title"), QStringLiteral("zeta"), QStringLiteral("omega"),
            QStringLiteral("beta gamma"));
        add(QStringLiteral("heading"), QStringLiteral("alpha"), QStringLiteral("zeta"),
            QStringLiteral("beta gamma"));
        add(QStringLiteral("text"), QStringLiteral("alpha"), QStringLiteral("omega"),
            QStringLiteral("zeta gamma"));
        add(QStringLiteral("none"), QStringLiteral("alpha"), QStringLiteral("omega"),
            QStringLiteral("beta gamma"));

        LexicalWeights weights;
        weights.title = title;
        weights.headingPath = heading;
        weights.text = text;
        const auto found =
            LexicalIndex((*db)->connection(), weights).search(QStringLiteral("zeta"), {}, 10).value();
        QCOMPARE(found.size(), size_t(3));
        // Every row is as long as the average: the length norm is k1. Three rows of four hold the term.
        const double idf = std::log(1.0 + (4.0 - 3.0 + 0.5) / (3.0 + 0.5));
        const std::map<QString, double> weightOf{{"title", title}, {"heading", heading}, {"text", text}};
        for (size_t i = 0; i < found.size(); ++i) {
            const QString field = fieldOf.at(found[i].chunkId);
            QCOMPARE(field, order[static_cast<qsizetype>(i)]);
            const double f = weightOf.at(field);
            QVERIFY(std::abs(found[i].score - idf * f * (weights.k1 + 1.0) / (f + weights.k1)) < 1e-9);
        }
    }

    void emptyQueriesFindNothing() {
        QCOMPARE(LexicalIndex(m_db->connection()).search(QStringLiteral("  ?! "), {}, 10).value().size(),
                 size_t(0));
        QCOMPARE(LexicalIndex(m_db->connection()).search(QStringLiteral("file"), {}, 0).value().size(),
                 size_t(0));
    }

    // A search within a collection reads only the span of chunk ids the collection has held. Ingests
    // take turns, so a collection's passages can lie on both sides of another's: the span covers them.
    void aCollectionsSpanCoversPassagesAddedAfterAnothers() {
        add(m_collections[0], QStringLiteral("Files"), QStringLiteral("Copying"),
            QStringLiteral("Copy a file to another folder."));
        QSqlQuery span(m_db->connection());
        QVERIFY(
            span.exec(QStringLiteral("SELECT chunk_id_first, chunk_id_last FROM collections WHERE id = %1")
                          .arg(m_collections[0])));
        QVERIFY(span.next());
        QCOMPARE(span.value(0).toLongLong(), m_chunkIds[0]);
        QCOMPARE(span.value(1).toLongLong(), m_chunkIds.back());
        const std::vector<qint64> one = {m_collections[0]};
        auto found = LexicalIndex(m_db->connection()).search(QStringLiteral("file"), one, 10);
        QVERIFY(found.ok());
        std::vector<qint64> ids;
        for (const ScoredChunk& hit : *found)
            ids.push_back(hit.chunkId);
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, (std::vector<qint64>{m_chunkIds[0], m_chunkIds.back()}));
    }
};

QTEST_GUILESS_MAIN(TestLexicalIndex)
#include "test_lexical_index.moc"
