#include "ui/sources/browsing_history.h"

#include <QTest>

using namespace docrag;

class TestBrowsingHistory final : public QObject {
    Q_OBJECT

    static BrowsingHistory::Place at(qint64 document, int scroll = -1) {
        BrowsingHistory::Place place;
        place.documentId = document;
        place.scroll = scroll;
        return place;
    }

private slots:
    void backAndForwardLikeABrowser() {
        BrowsingHistory history;
        QVERIFY(!history.back(at(1)));
        history.visit(at(1, 10));
        history.visit(at(2, 20));
        auto back = history.back(at(3, 30));
        QVERIFY(back);
        QCOMPARE(back->documentId, qint64(2));
        QCOMPARE(back->scroll, 20);
        auto forward = history.forward(at(2, 25));
        QVERIFY(forward);
        QCOMPARE(forward->documentId, qint64(3));
        QCOMPARE(forward->scroll, 30);
        QCOMPARE(history.back(at(3))->scroll, 25); // where it was left the second time
        // A new place clears what was forward.
        QVERIFY(history.canGoForward());
        history.visit(at(2));
        QVERIFY(!history.canGoForward());
    }

    void nothingShownIsNotAPlace() {
        BrowsingHistory history;
        history.visit(at(0));
        QVERIFY(!history.canGoBack());
    }

    void bounded() {
        BrowsingHistory history;
        for (int i = 1; i <= int(BrowsingHistory::kMaxPlaces) + 50; ++i)
            history.visit(at(i));
        int steps = 0;
        while (history.back(at(9999)))
            ++steps;
        QCOMPARE(steps, int(BrowsingHistory::kMaxPlaces));
    }
};

QTEST_GUILESS_MAIN(TestBrowsingHistory)
#include "test_browsing_history.moc"
