#include "engine/index/joined_terms.h"
#include "engine/index/lexical_index.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "tests/support/one_passage_document.h"
#include "tests/support/temp_tree.h"

#include <QTest>

using namespace docrag;

// Identifier matching: the tokenizer splits `os.path.join` and `read_text` at their punctuation; a
// name written as one word (`getsize`, `readFile`, `startswith`) is met by gluing the question's words.
class TestJoinedTerms final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_dir;
    std::unique_ptr<Database> m_db;
    std::map<QString, qint64> m_chunkByHeading;

    void add(const QString& title, const QString& heading, const QString& text) {
        auto id = test::addOnePassageDocument(m_db->connection(), 1,
                                              QStringLiteral("/d/%1.html").arg(m_chunkByHeading.size()),
                                              title, heading, text);
        QVERIFY(id.ok());
        m_chunkByHeading[heading] = *id;
    }

    QString first(const QString& query, bool joinWords) {
        LexicalWeights weights;
        weights.joinWords = joinWords;
        const auto found = LexicalIndex(m_db->connection(), weights).search(query, {}, 5);
        if (!found || found->empty())
            return QStringLiteral("(nothing)");
        for (const auto& [heading, id] : m_chunkByHeading) {
            if (id == found->front().chunkId)
                return heading;
        }
        return QStringLiteral("(unknown)");
    }

private slots:
    void gluesNeighboursAndWordsAroundAStopword() {
        const QStringList size = JoinedTerms::of(QStringLiteral("Get the size of a file"));
        QVERIFY2(size.contains(QStringLiteral("getsize")), qPrintable(size.join(' ')));
        QVERIFY(size.contains(QStringLiteral("sizeof")));
        QVERIFY(
            JoinedTerms::of(QStringLiteral("starts with a prefix")).contains(QStringLiteral("startswith")));
        QVERIFY(!JoinedTerms::of(QStringLiteral("is it a file?")).contains(QStringLiteral("isfile")));
        QVERIFY(JoinedTerms::of(QStringLiteral("is a file?")).contains(QStringLiteral("isfile")));
        QCOMPARE(JoinedTerms::of(QStringLiteral("read   File")), QStringList{QStringLiteral("readfile")});
    }

    void leavesOutStopwordPairsShortWordsAndTheQuestionsOwnWords() {
        QCOMPARE(JoinedTerms::of(QStringLiteral("what is the")), QStringList());
        QCOMPARE(JoinedTerms::of(QStringLiteral("x y z")), QStringList());
        QCOMPARE(JoinedTerms::of(QStringLiteral("data base database")),
                 QStringList{QStringLiteral("basedatabase")});
        QCOMPARE(JoinedTerms::of(QString()), QStringList());
        QCOMPARE(JoinedTerms::of(QStringLiteral("(*) ::")), QStringList());
        const QString longQuestion =
            QStringLiteral("alpha beta gamma delta epsilon zeta eta theta iota kappa "
                           "lambda omicron sigma tau upsilon omega");
        QCOMPARE(JoinedTerms::of(longQuestion).size(), 12);
    }

    void initTestCase() {
        auto db = Database::open(m_dir.filePath(QStringLiteral("j.sqlite3")));
        QVERIFY(db.ok());
        m_db = std::move(*db);
        Collection c;
        c.name = QStringLiteral("api");
        c.embedderId = QStringLiteral("e");
        QCOMPARE(CollectionStore(m_db->connection()).create(c).value().id, 1);
        add(QStringLiteral("os.path"), QStringLiteral("os.path.getsize()"),
            QStringLiteral("Return the size, in bytes, of path."));
        add(QStringLiteral("os"), QStringLiteral("Querying the size of a terminal"),
            QStringLiteral("Get the size of the terminal window as columns and lines."));
        add(QStringLiteral("str"), QStringLiteral("str.startswith()"),
            QStringLiteral("Return True if the string begins with prefix."));
        add(QStringLiteral("str"), QStringLiteral("str.splitlines()"),
            QStringLiteral("Check that a string starts a new line at each line break."));
        add(QStringLiteral("fs"), QStringLiteral("fs.readFile(path, callback)"),
            QStringLiteral("Asynchronously reads the entire contents."));
        add(QStringLiteral("stream"), QStringLiteral("Readable streams"),
            QStringLiteral("To read a file, or part of its contents, pipe a readable stream."));
        add(QStringLiteral("os.path"), QStringLiteral("os.path.join()"),
            QStringLiteral("Join one or more path segments intelligently."));
        add(QStringLiteral("pathlib"), QStringLiteral("Path.read_text()"),
            QStringLiteral("Return the decoded text of the pointed-to path as a string."));
    }

    // The names written as one word are found only with the glued words; without them a page that
    // merely shares the question's words comes first.
    void findsNamesWrittenAsOneWord_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("withGlue");
        QTest::addColumn<QString>("without");
        QTest::newRow("getsize") << QStringLiteral("get the size of a file in bytes")
                                 << QStringLiteral("os.path.getsize()")
                                 << QStringLiteral("Querying the size of a terminal");
        QTest::newRow("startswith") << QStringLiteral("check whether a string starts with a prefix")
                                    << QStringLiteral("str.startswith()")
                                    << QStringLiteral("str.splitlines()");
        QTest::newRow("camelCase") << QStringLiteral("read file contents")
                                   << QStringLiteral("fs.readFile(path, callback)")
                                   << QStringLiteral("Readable streams");
    }

    void findsNamesWrittenAsOneWord() {
        QFETCH(QString, query);
        QFETCH(QString, withGlue);
        QFETCH(QString, without);
        QCOMPARE(first(query, true), withGlue);
        QCOMPARE(first(query, false), without);
    }

    // Dotted and snake_case names are split by the tokenizer itself, glued words or not.
    void findsDottedAndSnakeCaseNamesByTheirParts() {
        for (const bool glue : {false, true}) {
            QCOMPARE(first(QStringLiteral("os path join"), glue), QStringLiteral("os.path.join()"));
            QCOMPARE(first(QStringLiteral("read text of a path"), glue), QStringLiteral("Path.read_text()"));
        }
    }
};

QTEST_GUILESS_MAIN(TestJoinedTerms)
#include "test_joined_terms.moc"
