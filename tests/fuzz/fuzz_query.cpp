// libFuzzer target: a user's question on its way to SQLite, through the query analyzer
// (TextAnalyzer), the FTS5 MATCH expression LexicalIndex builds from it (plain and pruned), and
// the search itself against a real FTS5 table with our ranking functions. LexicalIndex promises that
// no question can make a search fail: any error here is a bug.
#include "engine/embed/text_analyzer.h"
#include "engine/index/lexical_index.h"
#include "engine/store/chunk_store.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/document_store.h"
#include "tests/fuzz/loader_fuzz.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <memory>

using namespace docrag;

namespace {

struct Fixture final {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::vector<qint64> collections;
};

Fixture* fixture = nullptr;

void add(qint64 collection, int n, const QString& heading, const QString& text) {
    Document d;
    d.collectionId = collection;
    d.path = QStringLiteral("/d/%1.md").arg(n);
    d.title = QStringLiteral("Page %1").arg(n);
    d.status = DocumentStatus::Indexed;
    const auto id = DocumentStore(fixture->db->connection()).upsert(d);
    if (!id)
        fuzz::fail("storing a document");
    std::vector<Chunk> chunks(1);
    chunks[0].headingPath = heading;
    chunks[0].text = text;
    const std::vector<float> vector(2, 0.5f);
    if (!ChunkStore(fixture->db->connection()).insert(*id, chunks, QStringLiteral("e"), vector, 2).ok())
        fuzz::fail("storing a chunk");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    static QCoreApplication app(*argc, *argv); // the SQL driver is a plugin, found through the application
    fixture = new Fixture;
    auto db = Database::open(fixture->dir.filePath(QStringLiteral("q.sqlite3")));
    if (!db)
        fuzz::fail("opening the database");
    fixture->db = std::move(*db);
    for (const char* name : {"one", "two"}) {
        Collection c;
        c.name = QLatin1String(name);
        c.embedderId = QStringLiteral("e");
        fixture->collections.push_back(CollectionStore(fixture->db->connection()).create(c).value().id);
    }
    // "file" is in every row and "read" in most: frequent words, so that searches take the pruned plan.
    const QStringList words = {QStringLiteral("socket"),   QStringLiteral("near"),
                               QStringLiteral("NOT"),      QStringLiteral("unicode ünïcödé 日本語"),
                               QStringLiteral("loop"),     QStringLiteral("AND OR"),
                               QStringLiteral("readLine"), QStringLiteral("x86_64")};
    for (int i = 0; i < 40; ++i) {
        add(fixture->collections[size_t(i % 2)], i, QStringLiteral("Files > %1").arg(words[i % words.size()]),
            QStringLiteral("Read a file %1 with %2 and %3.")
                .arg(words[i % words.size()], words[(i * 3) % words.size()],
                     i % 5 ? QStringLiteral("read") : QStringLiteral("write")));
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0)
        return 0;
    // An odd first byte takes the rest as raw UTF-16, which reaches characters (lone surrogates, NULs)
    // that decoding UTF-8 never makes; an even one as UTF-8, as typed.
    const char* bytes = reinterpret_cast<const char*>(data + 1);
    const QString query = data[0] % 2
                              ? QString(reinterpret_cast<const QChar*>(bytes), qsizetype((size - 1) / 2))
                              : QString::fromUtf8(bytes, qsizetype(size - 1));

    TextAnalyzer analyzer;
    QString lowered;
    std::vector<TextAnalyzer::Term> terms;
    analyzer.analyze(query, lowered, terms);
    for (const TextAnalyzer::Term& term : terms) {
        if (term.start < 0 || term.length <= 0 || term.start + term.length > lowered.size())
            fuzz::fail("a term outside the analyzed text");
    }

    const LexicalIndex index(fixture->db->connection(), {}, &fixture->db->ranker());
    (void)index.prunedExpression(query);
    // A few times over: the first search of a word counts it, the next can plan with it.
    for (int round = 0; round < 2; ++round) {
        if (!index.search(query, {}, 5))
            fuzz::fail("a search over every collection failed");
        if (!index.search(query, std::span(fixture->collections).first(1), 3))
            fuzz::fail("a search of one collection failed");
    }
    return 0;
}
