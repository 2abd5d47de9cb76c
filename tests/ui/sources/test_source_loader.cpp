#include "engine/core/hashing.h"
#include "engine/rag/rag_engine.h"
#include "tests/support/temp_tree.h"
#include "ui/sources/source_loader.h"

#include <QTest>

using namespace docrag;

// What the source viewer is given for a citation, before and after the cited document changes.
class TestSourceLoader final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;

    static QString paragraph(const QString& topic, int n) {
        QStringList sentences;
        for (int i = 0; i < n; ++i)
            sentences
                << QStringLiteral("Sentence %1 about %2 explains one more detail of it.").arg(i).arg(topic);
        return sentences.join(QLatin1Char(' '));
    }

    // The first paragraph is long enough for two chunks: the passage cited below.
    void write(const QString& first, const QString& tail) {
        m_tree.write(QStringLiteral("docs/long.md"),
                     QStringLiteral("# Long\n\n## Section\n\n%1\n\n%2\n\n%3\n")
                         .arg(first, paragraph(QStringLiteral("gamma"), 30), tail));
    }

    void ingest() {
        IngestRequest request;
        request.collection = QStringLiteral("docs");
        request.paths = {m_tree.filePath(QStringLiteral("docs"))};
        QVERIFY(m_engine->ingest(request).ok());
    }

    std::vector<Chunk> chunks() {
        const auto collections = m_engine->collections().value();
        const auto documents = m_engine->documents(collections.front().collection.id).value();
        return m_engine->chunks(documents.front().id).value();
    }

    // A citation of the first two chunks merged into one passage, as the retriever merges neighbours.
    Source mergedCitation(const std::vector<Chunk>& c) {
        Source s;
        s.number = 1;
        s.chunkId = c[0].id;
        s.collection = QStringLiteral("docs");
        s.path = m_tree.filePath(QStringLiteral("docs/long.md"));
        s.excerpt = c[0].text + QStringLiteral("\n\n") + c[1].text;
        s.textHash = Hashing::xxh3(QStringView(s.excerpt));
        s.locStart = c[0].locStart;
        s.locEnd = c[1].locEnd;
        return s;
    }

private slots:
    void initTestCase() {
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        m_engine = RagEngine::open(options).value();
    }

    void mergedPassagesAreNotReportedAsChanged() {
        write(paragraph(QStringLiteral("alpha"), 30), QStringLiteral("Tail."));
        ingest();
        const std::vector<Chunk> before = chunks();
        QVERIFY(before.size() >= 3);
        QCOMPARE(before[0].locStart, before[1].locStart); // one paragraph, two chunks
        const Source cited = mergedCitation(before);

        auto view = SourceLoader::forSource(*m_engine, cited);
        QVERIFY(view.ok());
        QVERIFY(!view->changed);
        QVERIFY(view->notice.isEmpty());
        QCOMPARE(view->target.locEnd, cited.locEnd);

        // The file changes after the cited lines: new chunk ids, the same passage.
        write(paragraph(QStringLiteral("alpha"), 30), QStringLiteral("A different tail."));
        ingest();
        QVERIFY(chunks().front().id != before.front().id);
        view = SourceLoader::forSource(*m_engine, cited);
        QVERIFY(view.ok());
        QVERIFY2(!view->changed, qPrintable(view->notice));

        // Now the cited passage itself changes, in its second chunk.
        write(paragraph(QStringLiteral("alpha"), 29) + QStringLiteral(" One sentence is new."),
              QStringLiteral("A different tail."));
        ingest();
        view = SourceLoader::forSource(*m_engine, cited);
        QVERIFY(view.ok());
        QVERIFY(view->changed);
        QVERIFY(view->notice.contains(QStringLiteral("changed since the answer")));
    }

    void removedDocumentsShowTheSnapshot() {
        Source cited;
        cited.collection = QStringLiteral("docs");
        cited.path = m_tree.filePath(QStringLiteral("docs/gone.md"));
        cited.excerpt = QStringLiteral("What it said.");
        auto view = SourceLoader::forSource(*m_engine, cited);
        QVERIFY(view.ok());
        QVERIFY(view->changed);
        QCOMPARE(view->content, QStringLiteral("What it said."));
        QVERIFY(view->notice.contains(QStringLiteral("no longer in the collection")));
    }
};

QTEST_MAIN(TestSourceLoader)
#include "test_source_loader.moc"
