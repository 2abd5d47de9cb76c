#include "engine/index/question_boilerplate.h"

#include <QTest>

using namespace docrag;

// What a question says about being a question is dropped; what it is about stays.
class TestQuestionBoilerplate final : public QObject {
    Q_OBJECT

private slots:
    void dropsTheQuestionsForm() {
        QCOMPARE(QuestionBoilerplate::strip(QStringLiteral("What is the difference between fetch and pull?")),
                 QStringLiteral("fetch and pull?"));
        QCOMPARE(QuestionBoilerplate::strip(QStringLiteral("is there a way to squash commits")),
                 QStringLiteral("squash commits"));
        QCOMPARE(QuestionBoilerplate::strip(QStringLiteral("How do I read a file line by line")),
                 QStringLiteral("read a file line by line"));
        QCOMPARE(QuestionBoilerplate::strip(QStringLiteral("I want to delete a remote branch")),
                 QStringLiteral("delete a remote branch"));
        QCOMPARE(QuestionBoilerplate::strip(QStringLiteral("merge vs rebase")),
                 QStringLiteral("merge rebase"));
        QCOMPARE(QuestionBoilerplate::strip(QStringLiteral("staticmethod versus classmethod")),
                 QStringLiteral("staticmethod classmethod"));
    }

    void keepsTopicalWordsAndWholeQueries() {
        // A phrase inside a word is no phrase: "howto" is a page name, "difference" alone is a topic.
        QCOMPARE(QuestionBoilerplate::strip(QStringLiteral("howto logging")),
                 QStringLiteral("howto logging"));
        QCOMPARE(QuestionBoilerplate::strip(QStringLiteral("difference")), QStringLiteral("difference"));
        // Nothing but boilerplate: the query stays as it was.
        QCOMPARE(QuestionBoilerplate::strip(QStringLiteral("how to")), QStringLiteral("how to"));
        QCOMPARE(QuestionBoilerplate::strip(QStringLiteral("os.path.getsize")),
                 QStringLiteral("os.path.getsize"));
    }
};

QTEST_GUILESS_MAIN(TestQuestionBoilerplate)
#include "test_question_boilerplate.moc"
