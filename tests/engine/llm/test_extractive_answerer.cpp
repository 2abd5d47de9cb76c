#include "engine/llm/extractive_answerer.h"

#include <QRegularExpression>
#include <QTest>

using namespace docrag;

namespace {

Hit hit(qint64 id, const QString& path, const QString& text) {
    Hit h;
    h.chunkId = id;
    h.documentId = id;
    h.path = path;
    h.title = path;
    h.text = text;
    h.locStart = 10;
    h.locEnd = 20;
    return h;
}

} // namespace

class TestExtractiveAnswerer final : public QObject {
    Q_OBJECT

private slots:
    void quotesTheSentencesThatAnswerWithCitations() {
        const std::vector<Hit> hits = {
            hit(1, QStringLiteral("cooking.md"),
                QStringLiteral("Pasta is boiled in salted water. Serve it hot.")),
            hit(2, QStringLiteral("venv.md"),
                QStringLiteral(
                    "A virtual environment isolates packages. To create a virtual environment, run "
                    "the venv module with a directory:\n\n```sh\npython3 -m venv env\n```\n\nThe "
                    "weather is nice today.")),
        };
        const Answer a =
            ExtractiveAnswerer().answer(QStringLiteral("How do I create a virtual environment?"), hits);
        QVERIFY(a.extractive);
        QCOMPARE(a.model, QStringLiteral("extractive"));
        QVERIFY(a.text.contains(QLatin1String("extractive")));
        QVERIFY(a.text.contains(QLatin1String("To create a virtual environment")));
        // The sentence that introduces a command comes with it.
        QVERIFY(a.text.contains(QLatin1String("python3 -m venv env")));
        QVERIFY(!a.text.contains(QLatin1String("Pasta")));
        QVERIFY(!a.text.contains(QLatin1String("weather")));
        QCOMPARE(a.sources.size(), size_t(1));
        QCOMPARE(a.sources[0].number, 1);
        QCOMPARE(a.sources[0].path, QStringLiteral("venv.md"));
        QCOMPARE(a.sources[0].location, QStringLiteral("lines 10-20"));
        QVERIFY(a.sources[0].textHash != 0);
        // Every citation in the text names a listed source.
        const QRegularExpression cite(QStringLiteral("\\[(\\d+)\\]"));
        int citations = 0;
        for (auto it = cite.globalMatch(a.text); it.hasNext(); ++citations)
            QCOMPARE(it.next().captured(1).toInt(), 1);
        QVERIFY(citations >= 2);
    }

    void numbersSourcesInOrderOfRank() {
        const std::vector<Hit> hits = {
            hit(1, QStringLiteral("a.md"),
                QStringLiteral("Indexing builds the search index from your files.")),
            hit(2, QStringLiteral("b.md"), QStringLiteral("The search index is rebuilt when files change.")),
        };
        const Answer a = ExtractiveAnswerer().answer(QStringLiteral("search index files"), hits);
        QCOMPARE(a.sources.size(), size_t(2));
        QCOMPARE(a.sources[0].path, QStringLiteral("a.md"));
        QCOMPARE(a.sources[1].path, QStringLiteral("b.md"));
        QVERIFY(a.text.indexOf(QLatin1String("[1]")) < a.text.indexOf(QLatin1String("[2]")));
    }

    void saysSoWhenNothingAnswers() {
        const std::vector<Hit> hits = {hit(1, QStringLiteral("a.md"), QStringLiteral("Bananas are yellow."))};
        const Answer a = ExtractiveAnswerer().answer(QStringLiteral("configure the proxy server"), hits);
        QVERIFY(a.sources.empty());
        QVERIFY(a.text.contains(QLatin1String("does not seem to answer")));
        QVERIFY(ExtractiveAnswerer().answer(QStringLiteral("anything"), {}).sources.empty());
    }

    void staysShort() {
        QString text;
        for (int i = 0; i < 40; ++i)
            text += QStringLiteral("Caching keeps answers for later number %1. ").arg(i);
        const Answer a = ExtractiveAnswerer().answer(QStringLiteral("caching answers"),
                                                     {hit(1, QStringLiteral("c.md"), text)});
        QVERIFY(a.text.count(QLatin1String("[1]")) <= 2);
        QVERIFY(a.text.size() < 600);
    }
};

QTEST_GUILESS_MAIN(TestExtractiveAnswerer)
#include "test_extractive_answerer.moc"
