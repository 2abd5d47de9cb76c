#include "ui/dashboard/time_series_chart.h"

#include <QChart>
#include <QLineSeries>
#include <QTest>

#include <algorithm>
#include <memory>
#include <set>

using namespace docrag;

// Qt's object hooks (the ones debugging tools such as GammaRay use, qhooks_p.h): libQt6Core calls
// qtHookData[3] from every QObject's constructor and qtHookData[4] from its destructor. They let a test
// see an object that nothing owns any more, which no public API can find.
extern "C" Q_DECL_IMPORT quintptr qtHookData[];

namespace {

constexpr int kAddQObject = 3;
constexpr int kRemoveQObject = 4;

std::set<QObject*>* live = nullptr;

void added(QObject* object) {
    live->insert(object);
}

void removed(QObject* object) {
    live->erase(object);
}

// The objects made inside `make` that are alive after `destroy` with no parent to delete them. (Qt may
// keep an object it made meanwhile for itself, owned by one of its own: a gesture its gesture manager
// caches.)
template <typename Make, typename Destroy> size_t orphans(Make make, Destroy destroy) {
    std::set<QObject*> objects;
    live = &objects;
    qtHookData[kAddQObject] = reinterpret_cast<quintptr>(&added);
    qtHookData[kRemoveQObject] = reinterpret_cast<quintptr>(&removed);
    destroy(make());
    qtHookData[kAddQObject] = 0;
    qtHookData[kRemoveQObject] = 0;
    live = nullptr;
    return static_cast<size_t>(
        std::count_if(objects.begin(), objects.end(), [](QObject* object) { return !object->parent(); }));
}

TimeSeriesChart* newChart() {
    return new TimeSeriesChart(QStringLiteral("Latency"), QStringLiteral("ms"),
                               {QStringLiteral("search"), QStringLiteral("ask")}, QStringLiteral("no calls"));
}

} // namespace

class TestTimeSeriesChart final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Qt makes some objects once, on first use, and keeps them (the style, the font database):
        // a first chart makes those before anything is counted.
        delete newChart();
    }

    void showsTheChartItWasBuiltWith() {
        const std::unique_ptr<TimeSeriesChart> chart(newChart());
        QCOMPARE(chart->seriesCount(), 2);
        QCOMPARE(chart->chart()->series().size(), 2);
        QCOMPARE(chart->chart()->title(), QStringLiteral("Latency"));
    }

    // QChartView's constructor without a chart makes one of its own, which setChart() then lets go of
    // without deleting it: every dashboard chart leaked a whole QChart (found by LeakSanitizer).
    void leavesNoObjectBehind() {
        QCOMPARE(orphans(&newChart, [](TimeSeriesChart* chart) { delete chart; }), size_t(0));
    }
};

QTEST_MAIN(TestTimeSeriesChart)
#include "test_time_series_chart.moc"
