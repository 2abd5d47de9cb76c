#include "engine/metrics/page_question_set.h"

#include <QTest>

using namespace docrag;

// The question sets of tests/eval: their TSV, their halves, and how a result's path meets a page.
class TestPageQuestionSet final : public QObject {
    Q_OBJECT

private slots:
    void parsesQuestionsPagesAnchorsAndHalves() {
        const auto set = PageQuestionSet::parse(QStringLiteral(
            "# a comment\n"
            "question\tpages\thalf\n"
            "get the size of a file\tlibrary/os.path.html#os.path.getsize; library/os.html\ttune\n"
            "\n"
            "start a virtual environment\ttutorial/venv.html\tTEST\n"));
        QVERIFY(set.ok());
        const auto all = set->questions();
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[0].text, QStringLiteral("get the size of a file"));
        QCOMPARE(all[0].pages,
                 (QStringList{QStringLiteral("library/os.path.html"), QStringLiteral("library/os.html")}));
        QCOMPARE(all[0].anchors, (QStringList{QStringLiteral("os.path.getsize"), QString()}));
        QCOMPARE(set->questions(QStringLiteral("tune")).size(), size_t(1));
        QCOMPARE(set->questions(QStringLiteral("test")).front().pages.front(),
                 QStringLiteral("tutorial/venv.html"));
    }

    void refusesMalformedSets() {
        QVERIFY(!PageQuestionSet::parse(QStringLiteral("q\tp\th\nx\ty\ttune\n")).ok());         // header
        QVERIFY(!PageQuestionSet::parse(QStringLiteral("question\tpages\thalf\nx\ty\n")).ok()); // fields
        QVERIFY(!PageQuestionSet::parse(QStringLiteral("question\tpages\thalf\nx\ty\tlater\n")).ok()); // half
        QVERIFY(
            !PageQuestionSet::parse(QStringLiteral("question\tpages\thalf\nx\t \ttune\n")).ok()); // no page
        QVERIFY(!PageQuestionSet::parse(QStringLiteral("question\tpages\thalf\n")).ok());         // empty
    }

    // A result answers when its path ends with the page at a folder boundary, wherever the set was ingested.
    void pathsMeetPagesByTheirEnd() {
        PageQuestion q;
        q.pages = {QStringLiteral("library/os.html")};
        QVERIFY(
            PageQuestionSet::answers(QStringLiteral("/usr/share/doc/python3.11/html/library/os.html"), q));
        QVERIFY(PageQuestionSet::answers(QStringLiteral("library/os.html"), q));
        // Not a page of that name: "myos.html" and "library/os.html.bak" answer nothing.
        QVERIFY(!PageQuestionSet::answers(QStringLiteral("/x/library/myos.html"), q));
        QVERIFY(!PageQuestionSet::answers(QStringLiteral("/x/library/os.html.bak"), q));
    }
};

QTEST_GUILESS_MAIN(TestPageQuestionSet)
#include "test_page_question_set.moc"
