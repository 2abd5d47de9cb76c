#include "engine/index/snippet_builder.h"

#include <QTest>

using namespace docrag;

class TestSnippetBuilder final : public QObject {
    Q_OBJECT

private slots:
    void shortTextsAreWholeWithTheirMatchesHighlighted() {
        const Snippet s = SnippetBuilder::build(QStringLiteral("Open the file,\n\n  then read it."),
                                                {QStringLiteral("read"), QStringLiteral("file")});
        QCOMPARE(s.text, QStringLiteral("Open the file, then read it."));
        QCOMPARE(s.highlights.size(), 2);
        QCOMPARE(s.text.mid(s.highlights[0].first, s.highlights[0].second), QStringLiteral("file"));
        QCOMPARE(s.text.mid(s.highlights[1].first, s.highlights[1].second), QStringLiteral("read"));
    }

    void inflectedFormsMatch() {
        const Snippet s =
            SnippetBuilder::build(QStringLiteral("Reading lines is easy."), {QStringLiteral("read")});
        QCOMPARE(s.highlights.size(), 1);
        QCOMPARE(s.text.mid(s.highlights[0].first, s.highlights[0].second), QStringLiteral("Reading"));
    }

    void longTextsShowTheDensestWindow() {
        const QString filler = QStringLiteral("lorem ipsum dolor sit amet ").repeated(30);
        const QString text =
            filler + QStringLiteral("the socket timeout applies to every socket call ") + filler;
        const Snippet s =
            SnippetBuilder::build(text, {QStringLiteral("socket"), QStringLiteral("timeout")}, 120);
        QVERIFY(s.text.startsWith(QStringLiteral("…")));
        QVERIFY(s.text.endsWith(QStringLiteral("…")));
        QVERIFY(s.text.contains(QLatin1String("the socket timeout applies")));
        QVERIFY(s.text.size() <= 150);
        QCOMPARE(s.highlights.size(), 3);
        for (const auto& [start, length] : s.highlights)
            QVERIFY(s.text.mid(start, length).startsWith(QLatin1String("socket")) ||
                    s.text.mid(start, length) == QLatin1String("timeout"));
    }

    void codeFencesAreNotPartOfTheSnippet() {
        const Snippet s = SnippetBuilder::build(QStringLiteral("```python\nf.readline()\n```\n\nMore text."),
                                                {QStringLiteral("readline")});
        QCOMPARE(s.text, QStringLiteral("f.readline() More text."));
    }
};

QTEST_GUILESS_MAIN(TestSnippetBuilder)
#include "test_snippet_builder.moc"
