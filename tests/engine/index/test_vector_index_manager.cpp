#include "engine/index/vector_index_manager.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/document_store.h"
#include "tests/support/temp_tree.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

using namespace docrag;

namespace {

constexpr int kDim = 8;

} // namespace

// The vector index is a cache of the embeddings table: whatever happens to its file, opening it
// gives an index that matches the database, without embedding anything again.
class TestVectorIndexManager final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_dir;
    std::unique_ptr<Database> m_db;
    Collection m_collection;

    // The collection's index built in `dir` by a manager of its own, which saves it: the file's path, or
    // nothing when that failed.
    QString savedIndexIn(const QString& dir) {
        VectorIndexManager manager(*m_db, dir);
        return manager.open(m_collection, kDim).ok() ? manager.indexPath(m_collection.id) : QString();
    }

    // Overwrites bytes in the middle of a file, keeping its size.
    static bool writeInTheMiddle(const QString& path, const char* bytes) {
        QFile file(path);
        return file.open(QIODevice::ReadWrite) && file.seek(file.size() / 2) &&
               file.write(bytes) == static_cast<qint64>(std::strlen(bytes));
    }

    Collection reload() { return CollectionStore(m_db->connection()).get(m_collection.id).value(); }

    void addChunks(int count) {
        Document d;
        d.collectionId = m_collection.id;
        d.path = QStringLiteral("/d/%1.md").arg(QDateTime::currentMSecsSinceEpoch() + count);
        d.status = DocumentStatus::Indexed;
        QVERIFY(m_db->transaction([&](QSqlDatabase& db) -> Status {
                        auto id = DocumentStore(db).upsert(d);
                        std::vector<Chunk> chunks(static_cast<size_t>(count));
                        std::vector<float> vectors(chunks.size() * kDim);
                        for (size_t i = 0; i < chunks.size(); ++i) {
                            chunks[i].ordinal = static_cast<int>(i);
                            chunks[i].text = QStringLiteral("chunk %1").arg(i);
                            vectors[i * kDim + i % kDim] = 1.0f;
                        }
                        if (Status s =
                                ChunkStore(db).insert(*id, chunks, m_collection.embedderId, vectors, kDim);
                            !s)
                            return s;
                        return CollectionStore(db).bumpGeneration(m_collection.id, 1);
                    })
                    .ok());
    }

private slots:
    void init() {
        m_db.reset();
        auto db = Database::open(
            m_dir.filePath(QStringLiteral("m%1.sqlite3").arg(QDateTime::currentMSecsSinceEpoch())));
        QVERIFY(db.ok());
        m_db = std::move(*db);
        Collection c;
        c.name = QStringLiteral("docs");
        c.embedderId = QStringLiteral("e");
        m_collection = CollectionStore(m_db->connection()).create(c).value();
        addChunks(12);
        m_collection = reload();
    }

    void buildsAMissingIndexFromTheDatabaseAndThenLoadsIt() {
        const QString dir = m_dir.filePath(QStringLiteral("idx-a"));
        {
            VectorIndexManager manager(*m_db, dir);
            bool rebuilt = false;
            auto index = manager.open(m_collection, kDim, {}, &rebuilt);
            QVERIFY(index.ok());
            QVERIFY(rebuilt);
            QCOMPARE((*index)->size(), size_t(12));
            QVERIFY(QFile::exists(manager.indexPath(m_collection.id)));
        }
        VectorIndexManager again(*m_db, dir);
        bool rebuilt = true;
        auto index = again.open(m_collection, kDim, {}, &rebuilt);
        QVERIFY(index.ok());
        QVERIFY(!rebuilt);
        QCOMPARE((*index)->size(), size_t(12));
    }

    void rebuildsAStaleIndex() {
        const QString dir = m_dir.filePath(QStringLiteral("idx-b"));
        {
            VectorIndexManager manager(*m_db, dir);
            QVERIFY(manager.open(m_collection, kDim).ok());
        }
        // Another run wrote chunks (the generation moved on) but died before saving the index.
        addChunks(5);
        m_collection = reload();
        VectorIndexManager manager(*m_db, dir);
        bool rebuilt = false;
        auto index = manager.open(m_collection, kDim, {}, &rebuilt);
        QVERIFY(index.ok());
        QVERIFY(rebuilt);
        QCOMPARE((*index)->size(), size_t(17));
    }

    void rebuildsACorruptIndex() {
        const QString dir = m_dir.filePath(QStringLiteral("idx-c"));
        const QString path = savedIndexIn(dir);
        QVERIFY(!path.isEmpty());
        QVERIFY(writeInTheMiddle(path, "garbage in the middle of the graph"));

        VectorIndexManager manager(*m_db, dir);
        bool rebuilt = false;
        auto index = manager.open(m_collection, kDim, {}, &rebuilt);
        QVERIFY(index.ok());
        QVERIFY(rebuilt);
        QCOMPARE((*index)->size(), size_t(12));
    }

    // Damage that leaves the file as the save wrote it to the eye of FileIdentity (same inode, size
    // and time, as a disk's own damage does): a search opens the file without reading all of it; the
    // writer reads its checksum before it adds anything, and rebuilds.
    void theWriterReadsTheChecksumOfAFileSearchesTrust() {
        const QString dir = m_dir.filePath(QStringLiteral("idx-v"));
        const QString path = savedIndexIn(dir);
        QVERIFY(!path.isEmpty());
        struct stat before {};
        QVERIFY(::stat(QFile::encodeName(path).constData(), &before) == 0);
        QVERIFY(writeInTheMiddle(path, "damage that keeps the file's size"));
        const struct timespec times[2] = {before.st_atim, before.st_mtim};
        QVERIFY(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0) == 0);

        VectorIndexManager manager(*m_db, dir);
        auto searched = manager.current(m_collection, kDim);
        QVERIFY(searched.ok());
        QVERIFY(*searched != nullptr);
        bool rebuilt = false;
        auto written = manager.open(m_collection, kDim, {}, &rebuilt);
        QVERIFY(written.ok());
        QVERIFY(rebuilt);
        QVERIFY(*written != *searched);
        QCOMPARE((*written)->size(), size_t(12));
        QCOMPARE(manager.current(m_collection, kDim).value(), *written);
    }

    // Sidecars written before they named their file get the name at the first load that reads the
    // checksum, so that the searches after it do not read the whole file again.
    void anOlderSidecarLearnsItsFilesIdentity() {
        const QString dir = m_dir.filePath(QStringLiteral("idx-o"));
        const QString path = savedIndexIn(dir);
        QVERIFY(!path.isEmpty());
        const QString sidecar = path + QStringLiteral(".json");
        const auto read = [&] {
            QFile f(sidecar);
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                               : QJsonObject();
        };
        QJsonObject older = read();
        const QString identity = older.take(QStringLiteral("file")).toString();
        QVERIFY(!identity.isEmpty());
        QFile out(sidecar);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(QJsonDocument(older).toJson());
        out.close();

        VectorIndexManager manager(*m_db, dir);
        auto index = manager.current(m_collection, kDim);
        QVERIFY(index.ok() && *index);
        QCOMPARE(read().value(QStringLiteral("file")).toString(), identity);
        QCOMPARE(read().value(QStringLiteral("checksum")), older.value(QStringLiteral("checksum")));
    }

    void rebuildsWhenTheSidecarIsMissing() {
        const QString dir = m_dir.filePath(QStringLiteral("idx-d"));
        const QString path = savedIndexIn(dir);
        QVERIFY(!path.isEmpty());
        QVERIFY(QFile::remove(path + QStringLiteral(".json")));
        VectorIndexManager manager(*m_db, dir);
        bool rebuilt = false;
        QVERIFY(manager.open(m_collection, kDim, {}, &rebuilt).ok());
        QVERIFY(rebuilt);
    }

    // Temporary files of saves whose process died are removed when a manager starts; a save still
    // running in a live process (this one) keeps its file.
    void removesTheTemporaryFilesOfCrashedSaves() {
        const QString dir = m_dir.filePath(QStringLiteral("idx-tmp"));
        QDir().mkpath(dir);
        // Far above any pid Linux hands out (pid_max is at most 4194304).
        const QString dead = dir + QStringLiteral("/collection-1.hnsw.tmp-999999999-1");
        const QString alive =
            dir + QStringLiteral("/collection-1.hnsw.tmp-%1-1").arg(QCoreApplication::applicationPid());
        for (const QString& path : {dead, alive}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("half an index");
        }
        VectorIndexManager manager(*m_db, dir);
        QVERIFY(!QFile::exists(dead));
        QVERIFY(QFile::exists(alive));
    }

    void dropDeletesTheFiles() {
        const QString dir = m_dir.filePath(QStringLiteral("idx-e"));
        VectorIndexManager manager(*m_db, dir);
        QVERIFY(manager.open(m_collection, kDim).ok());
        manager.drop(m_collection.id);
        QVERIFY(!QFile::exists(manager.indexPath(m_collection.id)));
        QVERIFY(!QFile::exists(manager.indexPath(m_collection.id) + QStringLiteral(".json")));
    }
};

QTEST_GUILESS_MAIN(TestVectorIndexManager)
#include "test_vector_index_manager.moc"
