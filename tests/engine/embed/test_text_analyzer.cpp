#include "engine/embed/text_analyzer.h"

#include <QTest>

using namespace docrag;

namespace {

QStringList words(const QString& text, std::vector<TextAnalyzer::Term>* out = nullptr) {
    TextAnalyzer analyzer;
    QString lowered;
    std::vector<TextAnalyzer::Term> terms;
    analyzer.analyze(text, lowered, terms);
    QStringList list;
    for (const auto& t : terms)
        list << lowered.sliced(t.start, t.length);
    if (out)
        *out = terms;
    return list;
}

} // namespace

class TestTextAnalyzer final : public QObject {
    Q_OBJECT

private slots:
    void splitsOnNonWordCharacters() {
        QCOMPARE(words(QStringLiteral("Hello, world! read_file(x) 3.14")),
                 (QStringList{"hello", "world", "read", "file", "x", "3", "14"}));
    }

    void splitsCamelCaseAndKeepsTheWhole() {
        QCOMPARE(words(QStringLiteral("readLine")), (QStringList{"read", "line", "readline"}));
        QCOMPARE(words(QStringLiteral("HTTPServer")), (QStringList{"httpserver"}));
    }

    void handlesUnicode() {
        QCOMPARE(words(QStringLiteral("Größe café naïve")), (QStringList{"größe", "café", "naïve"}));
    }

    void stemsInflectedFormsTogether() {
        std::vector<TextAnalyzer::Term> terms;
        words(QStringLiteral("reading reads read"), &terms);
        QCOMPARE(terms.size(), size_t(3));
        QCOMPARE(terms[0].stemHash, terms[1].stemHash);
        QCOMPARE(terms[1].stemHash, terms[2].stemHash);
        TextAnalyzer analyzer;
        QCOMPARE(analyzer.stem(QStringLiteral("connections")), QStringLiteral("connect"));
    }

    void marksStopwords() {
        std::vector<TextAnalyzer::Term> terms;
        words(QStringLiteral("how to open the file"), &terms);
        QCOMPARE(terms.size(), size_t(5));
        QVERIFY(terms[0].stopword);
        QVERIFY(terms[1].stopword);
        QVERIFY(!terms[2].stopword);
        QVERIFY(terms[3].stopword);
        QVERIFY(!terms[4].stopword);
    }

    void wordsKeepTheirOrderAndRepeats() {
        QCOMPARE(TextAnalyzer::words(QStringLiteral("Read a FILE, a file: os.path.getSize()")),
                 (QStringList{"read", "a", "file", "a", "file", "os", "path", "getsize"}));
        QCOMPARE(TextAnalyzer::words(QStringLiteral("Ünïcode café_2")),
                 (QStringList{"ünïcode", "café", "2"}));
        QCOMPARE(TextAnalyzer::words(QStringLiteral("\"*:-()")), QStringList{});
    }

    void contentWordsDropStopwordsUnlessNothingElseIsLeft() {
        QCOMPARE(TextAnalyzer::contentWords(QStringLiteral("How do I read a FILE, a file?")),
                 (QStringList{"read", "file"}));
        QCOMPARE(TextAnalyzer::contentWords(QStringLiteral("to be or to be")),
                 (QStringList{"to", "be", "or"}));
        QCOMPARE(TextAnalyzer::contentWords(QStringLiteral("\"*:-()")), QStringList{});
    }
};

QTEST_GUILESS_MAIN(TestTextAnalyzer)
#include "test_text_analyzer.moc"
