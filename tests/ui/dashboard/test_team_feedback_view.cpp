#include "engine/library/team_libraries.h"
#include "tests/support/team_library_rig.h"
#include "ui/dashboard/team_feedback_view.h"

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace docrag;

// The dashboard's team feedback on a real PostgreSQL server, offscreen: read when first shown, the
// questions most often not helpful first, and a plain word when there is nothing to show.
class TestTeamFeedbackView final : public QObject {
    Q_OBJECT

private:
    test::TeamLibraryRig m_rig;

private slots:
    void initTestCase() { QVERIFY2(m_rig.start(), qPrintable(m_rig.server().error())); }

    void withoutALibraryItSaysSo() {
        auto engine = m_rig.engine(QStringLiteral("none"));
        TeamFeedbackView view(*engine);
        view.show();
        auto* status = view.findChild<QLabel*>(QStringLiteral("teamFeedbackStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("No team library")), 5000);
    }

    void showsTheTeamsFeedbackWorstFirst() {
        const QString url = m_rig.freshLibrary();
        const QString database = url.section(QLatin1Char('/'), -1);
        const QString folder = m_rig.writePages(QStringLiteral("view/docs"), 1, QStringLiteral("stilt"));
        auto engine = m_rig.engine(QStringLiteral("view/data"));
        QVERIFY(engine->ingest(test::TeamLibraryRig::sharing(QStringLiteral("docs"), folder, url)));
        for (const char* sql : {"INSERT INTO feedback (origin, collections, question, rating, note) VALUES "
                                "('a:1', 'docs', 'How do stilts nest?', 1, ''), "
                                "('b:1', 'docs', 'Why is stilt0 slow?', -1, 'no answer'), "
                                "('c:7', 'docs', 'why is stilt0 slow?', -1, 'wrong page')"})
            QVERIFY2(m_rig.server().exec(QLatin1String(sql), database), qPrintable(m_rig.server().error()));

        TeamFeedbackView view(*engine);
        view.show();
        auto* table = view.findChild<QTableWidget*>(QStringLiteral("teamFeedbackTable"));
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, 10000);
        QCOMPARE(table->item(0, 0)->text().toLower(), QStringLiteral("why is stilt0 slow?"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("2"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("docs"));
        QVERIFY(table->item(0, 4)->toolTip().contains(QLatin1String("no answer")));
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("1"));

        // Refresh reads again.
        QVERIFY(
            m_rig.server().exec(QStringLiteral("INSERT INTO feedback (origin, collections, question, rating) "
                                               "VALUES ('a:1', 'docs', 'How do stilts nest?', 0)"),
                                database));
        view.findChild<QPushButton*>(QStringLiteral("teamFeedbackRefreshButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10000);
    }
};

QTEST_MAIN(TestTeamFeedbackView)
#include "test_team_feedback_view.moc"
