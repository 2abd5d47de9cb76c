#include "ui/chat/question_edit.h"

#include <QSignalSpy>
#include <QTest>

using namespace docrag;

class TestQuestionEdit final : public QObject {
    Q_OBJECT

private slots:
    void enterSendsShiftEnterAddsALineEscStops() {
        QuestionEdit edit;
        edit.show();
        QSignalSpy submitted(&edit, &QuestionEdit::submitted);
        QSignalSpy stop(&edit, &QuestionEdit::stopRequested);
        QTest::keyClicks(&edit, QStringLiteral("first line"));
        QTest::keyClick(&edit, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(&edit, QStringLiteral("second"));
        QCOMPARE(submitted.count(), 0);
        QCOMPARE(edit.toPlainText(), QStringLiteral("first line\nsecond"));
        QTest::keyClick(&edit, Qt::Key_Return);
        QCOMPARE(submitted.count(), 1);
        QTest::keyClick(&edit, Qt::Key_Enter);
        QCOMPARE(submitted.count(), 2);
        QCOMPARE(edit.toPlainText(), QStringLiteral("first line\nsecond")); // the pane clears it, not the box
        QTest::keyClick(&edit, Qt::Key_Escape);
        QCOMPARE(stop.count(), 1);
    }
};

QTEST_MAIN(TestQuestionEdit)
#include "test_question_edit.moc"
