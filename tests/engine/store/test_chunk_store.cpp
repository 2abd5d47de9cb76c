#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/document_store.h"
#include "tests/support/temp_tree.h"

#include <QSqlQuery>
#include <QTest>

using namespace docrag;

namespace {

constexpr int kDim = 4;

Chunk chunk(int ordinal, const QString& heading, const QString& text) {
    Chunk c;
    c.ordinal = ordinal;
    c.headingPath = heading;
    c.text = text;
    c.textHash = 1000 + static_cast<quint64>(ordinal);
    c.tokenCount = 5;
    c.locStart = ordinal * 10 + 1;
    c.locEnd = ordinal * 10 + 9;
    c.anchor = QStringLiteral("a%1").arg(ordinal);
    return c;
}

QList<qint64> match(QSqlDatabase db, const QString& expression) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rowid"));
    q.addBindValue(expression);
    QList<qint64> ids;
    if (!q.exec())
        return {-1};
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

// FTS5's own check that the index matches its external content exactly.
bool ftsIntact(QSqlDatabase db) {
    QSqlQuery q(db);
    return q.exec(QStringLiteral("INSERT INTO chunks_fts(chunks_fts) VALUES('integrity-check')"));
}

int count(QSqlDatabase db, const QString& table) {
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    q.next();
    return q.value(0).toInt();
}

} // namespace

class TestChunkStore final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_collection = 0;

    qint64 addDocument(const QString& path, const QString& title, std::vector<Chunk> chunks) {
        Document d;
        d.collectionId = m_collection;
        d.path = path;
        d.title = title;
        d.status = DocumentStatus::Indexed;
        auto id = DocumentStore(m_db->connection()).upsert(d);
        if (!id)
            return -1;
        std::vector<float> vectors(chunks.size() * kDim);
        for (size_t i = 0; i < vectors.size(); ++i)
            vectors[i] = static_cast<float>(i);
        ChunkStore store(m_db->connection());
        if (!store.insert(*id, chunks, QStringLiteral("test-embedder"), vectors, kDim).ok())
            return -1;
        return *id;
    }

private slots:
    void init() {
        auto db = Database::open(
            m_dir.filePath(QStringLiteral("c%1.sqlite3").arg(QDateTime::currentMSecsSinceEpoch())));
        QVERIFY(db.ok());
        m_db = std::move(*db);
        Collection c;
        c.name = QStringLiteral("docs");
        c.embedderId = QStringLiteral("test-embedder");
        auto created = CollectionStore(m_db->connection()).create(c);
        QVERIFY(created.ok());
        m_collection = created->id;
    }

    void insertedChunksAreSearchableByTextHeadingAndTitle() {
        const qint64 doc =
            addDocument(QStringLiteral("/d/a.md"), QStringLiteral("Pelican guide"),
                        {chunk(0, QStringLiteral("Install"), QStringLiteral("Run the installer")),
                         chunk(1, QStringLiteral("Usage"), QStringLiteral("Open a terminal"))});
        QVERIFY(doc > 0);
        auto ids = ChunkStore(m_db->connection()).idsForDocument(doc);
        QVERIFY(ids.ok());
        QCOMPARE(ids->size(), size_t(2));
        QSqlDatabase db = m_db->connection();
        QCOMPARE(match(db, QStringLiteral("installer")), QList<qint64>{(*ids)[0]});
        QCOMPARE(match(db, QStringLiteral("heading_path:usage")), QList<qint64>{(*ids)[1]});
        QCOMPARE(match(db, QStringLiteral("pelican")), (QList<qint64>{(*ids)[0], (*ids)[1]}));
        // Porter stemming: "opening" finds "Open".
        QCOMPARE(match(db, QStringLiteral("opening")), QList<qint64>{(*ids)[1]});
        QVERIFY(ftsIntact(db));
    }

    void renamingADocumentReindexesItsTitle() {
        const qint64 doc = addDocument(QStringLiteral("/d/b.md"), QStringLiteral("Old title"),
                                       {chunk(0, QString(), QStringLiteral("Body text"))});
        QSqlDatabase db = m_db->connection();
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE documents SET title = 'Shiny heron' WHERE id = ?"));
        q.addBindValue(doc);
        QVERIFY(q.exec());
        QCOMPARE(match(db, QStringLiteral("old")).size(), 0);
        QCOMPARE(match(db, QStringLiteral("heron")).size(), 1);
        QVERIFY(ftsIntact(db));
    }

    void removingChunksOrDocumentsOrCollectionsEmptiesTheIndex() {
        const qint64 a = addDocument(QStringLiteral("/d/a.md"), QStringLiteral("Alpha"),
                                     {chunk(0, QString(), QStringLiteral("walrus")),
                                      chunk(1, QString(), QStringLiteral("walrus tusk"))});
        const qint64 b = addDocument(QStringLiteral("/d/b.md"), QStringLiteral("Beta"),
                                     {chunk(0, QString(), QStringLiteral("walrus again"))});
        QSqlDatabase db = m_db->connection();
        QCOMPARE(match(db, QStringLiteral("walrus")).size(), 3);

        auto removed = ChunkStore(db).removeForDocument(a);
        QVERIFY(removed.ok());
        QCOMPARE(removed->size(), size_t(2));
        QCOMPARE(match(db, QStringLiteral("walrus")).size(), 1);
        QVERIFY(ftsIntact(db));

        QVERIFY(DocumentStore(db).remove(b).ok());
        QCOMPARE(match(db, QStringLiteral("walrus")).size(), 0);
        QCOMPARE(count(db, QStringLiteral("embeddings")), 0);
        QVERIFY(ftsIntact(db));

        addDocument(QStringLiteral("/d/c.md"), QStringLiteral("Gamma"),
                    {chunk(0, QString(), QStringLiteral("narwhal"))});
        QVERIFY(CollectionStore(db).remove(m_collection).ok());
        QCOMPARE(match(db, QStringLiteral("narwhal")).size(), 0);
        QCOMPARE(count(db, QStringLiteral("chunks")), 0);
        QCOMPARE(count(db, QStringLiteral("documents")), 0);
        QVERIFY(ftsIntact(db));
    }

    void vectorsComeBackByTextHashAndForTheCollection() {
        const qint64 doc = addDocument(
            QStringLiteral("/d/v.md"), QStringLiteral("V"),
            {chunk(0, QString(), QStringLiteral("one")), chunk(1, QString(), QStringLiteral("two"))});
        ChunkStore store(m_db->connection());
        auto byHash = store.vectorsForDocument(doc, QStringLiteral("test-embedder"));
        QVERIFY(byHash.ok());
        QCOMPARE(byHash->size(), size_t(2));
        QCOMPARE(byHash->at(1001), (std::vector<float>{4, 5, 6, 7}));
        QCOMPARE(store.vectorsForDocument(doc, QStringLiteral("other")).value().size(), size_t(0));

        std::vector<qint64> seen;
        QVERIFY(store
                    .forEachVector(m_collection, QStringLiteral("test-embedder"),
                                   [&](qint64 id, std::span<const float> v) {
                                       QCOMPARE(v.size(), size_t(kDim));
                                       seen.push_back(id);
                                   })
                    .ok());
        QCOMPARE(seen.size(), size_t(2));
        QCOMPARE(store.countVectors(m_collection, QStringLiteral("test-embedder")).value(), qint64(2));
    }

    void hitsKeepTheRequestedOrderAndCitationData() {
        const qint64 doc = addDocument(QStringLiteral("/d/h.md"), QStringLiteral("Hits"),
                                       {chunk(0, QStringLiteral("A"), QStringLiteral("first")),
                                        chunk(1, QStringLiteral("A > B"), QStringLiteral("second"))});
        ChunkStore store(m_db->connection());
        auto ids = store.idsForDocument(doc).value();
        const std::vector<qint64> wanted = {ids[1], 999999, ids[0]};
        auto hits = store.hits(wanted);
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), size_t(2));
        QCOMPARE((*hits)[0].text, QStringLiteral("second"));
        QCOMPARE((*hits)[0].headingPath, QStringLiteral("A > B"));
        QCOMPARE((*hits)[0].locStart, 11);
        QCOMPARE((*hits)[0].locEnd, 19);
        QCOMPARE((*hits)[0].anchor, QStringLiteral("a1"));
        QCOMPARE((*hits)[0].collection, QStringLiteral("docs"));
        QCOMPARE((*hits)[0].title, QStringLiteral("Hits"));
        QCOMPARE((*hits)[1].text, QStringLiteral("first"));
    }

    void aFailedInsertLeavesNothingBehind() {
        Document d;
        d.collectionId = m_collection;
        d.path = QStringLiteral("/d/x.md");
        d.status = DocumentStatus::Indexed;
        std::vector<Chunk> chunks = {chunk(0, QString(), QStringLiteral("orca"))};
        std::vector<float> tooFew(1);
        Status s = m_db->transaction([&](QSqlDatabase& db) -> Status {
            auto id = DocumentStore(db).upsert(d);
            if (!id)
                return id.error();
            return ChunkStore(db).insert(*id, chunks, QStringLiteral("test-embedder"), tooFew, kDim);
        });
        QVERIFY(!s.ok());
        QSqlDatabase db = m_db->connection();
        QCOMPARE(count(db, QStringLiteral("documents")), 0);
        QCOMPARE(match(db, QStringLiteral("orca")).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestChunkStore)
#include "test_chunk_store.moc"
