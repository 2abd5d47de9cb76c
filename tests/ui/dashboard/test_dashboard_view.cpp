#include "engine/rag/rag_engine.h"
#include "tests/support/ingested_engine.h"
#include "tests/support/temp_tree.h"
#include "ui/dashboard/dashboard_view.h"
#include "ui/dashboard/summary_card.h"

#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QXYSeries>

using namespace docrag;

namespace {

constexpr int kTimeoutMs = 10000;

SummaryCard* card(const DashboardView& view, const char* name) {
    return view.findChild<SummaryCard*>(QLatin1String(name));
}

// The requests card's figure; its empty state ("—") counts as none.
qint64 requestsShown(const DashboardView& view) {
    const QString value = card(view, "requestsCard")->value();
    return value == QStringLiteral("—") ? 0 : QLocale().toLongLong(value);
}

qint64 retrievals(const DashboardView& view) {
    const OperationStats* op = view.lastSnapshot().operation(QStringLiteral("retrieval"));
    return op ? op->count : -1;
}

int pointsOf(const DashboardView& view, const char* chartName, int series) {
    auto* chartView = view.findChild<QChartView*>(QLatin1String(chartName));
    if (!chartView || chartView->chart()->series().size() <= series)
        return -1;
    auto* xy = qobject_cast<QXYSeries*>(chartView->chart()->series().at(series));
    return xy ? static_cast<int>(xy->count()) : -1;
}

} // namespace

// The dashboard over a real engine with a small ingested collection, offline.
class TestDashboardView final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;

    void search(const QString& query) {
        const auto hits = m_engine->search(query, SearchOptions{});
        QVERIFY2(hits.ok(), qPrintable(hits.ok() ? QString() : hits.error().message));
        QVERIFY(!hits->empty());
    }

private slots:
    void initTestCase() {
        for (int i = 1; i <= 3; ++i) {
            m_tree.write(QStringLiteral("docs/page%1.md").arg(i),
                         QStringLiteral("# Page %1\n\nTopic %1 explains how to configure feature %1 with the "
                                        "settings dialog.\n\n## Details\n\nFeature %1 keeps its state in a "
                                        "file.\n")
                             .arg(i));
        }
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine =
            test::ingestedEngine(options, QStringLiteral("manual"), m_tree.filePath(QStringLiteral("docs")));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
        m_engine = std::move(*engine);
    }

    // Runs first: nothing has been searched or answered yet.
    void showsHonestEmptyStates() {
        DashboardView view(*m_engine);
        QCOMPARE(view.objectName(), QStringLiteral("dashboardView"));
        QCOMPARE(card(view, "requestsCard")->value(), QStringLiteral("—"));
        QVERIFY(!view.findChild<QPushButton*>(QStringLiteral("copySnapshotButton"))->isEnabled());
        QSignalSpy refreshed(&view, &DashboardView::refreshed);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, kTimeoutMs);

        QCOMPARE(card(view, "requestsCard")->value(), QStringLiteral("—"));
        QVERIFY2(card(view, "requestsCard")->detail().contains(QStringLiteral("no calls in the last hour")),
                 qPrintable(card(view, "requestsCard")->detail()));
        QCOMPARE(card(view, "latencyCard")->value(), QStringLiteral("—"));
        QCOMPARE(card(view, "tokensCard")->value(), QStringLiteral("—"));
        QCOMPARE(pointsOf(view, "latencyChartView", 0), 0);
        // Gauges are figures from the start: the ingested passages are counted.
        QCOMPARE(view.lastSnapshot().collections, qint64(1));
        QVERIFY(view.lastSnapshot().chunks > 0);
        QCOMPARE(card(view, "chunksCard")->value(), QLocale().toString(view.lastSnapshot().chunks));
        QVERIFY(view.findChild<QPushButton*>(QStringLiteral("copySnapshotButton"))->isEnabled());
    }

    void countsSearchesAfterRefresh() {
        DashboardView view(*m_engine);
        QSignalSpy refreshed(&view, &DashboardView::refreshed);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, kTimeoutMs);
        const qint64 requestsBefore = requestsShown(view);
        const qint64 retrievalsBefore = retrievals(view);
        QVERIFY(retrievalsBefore >= 0); // "retrieval" is listed before its first call

        search(QStringLiteral("configure feature 2"));
        search(QStringLiteral("settings dialog"));
        search(QStringLiteral("state in a file"));
        view.refresh();

        QTRY_VERIFY_WITH_TIMEOUT(requestsShown(view) >= requestsBefore + 3, kTimeoutMs);
        QVERIFY(retrievals(view) >= retrievalsBefore + 3);
        QVERIFY(card(view, "latencyCard")->value() != QStringLiteral("—"));
        QVERIFY(pointsOf(view, "latencyChartView", 0) >= 1);
        QVERIFY(pointsOf(view, "throughputChartView", 0) >= 1);
        // The memory chart is the dashboard's own sampling, one point per refresh (per 10 s at most).
        if (view.lastSnapshot().residentBytes > 0) {
            QVERIFY(!view.memorySamples().empty());
            QCOMPARE(pointsOf(view, "memoryChartView", 0), static_cast<int>(view.memorySamples().size()));
        }
    }

    void copiesTheSnapshotAsJson() {
        DashboardView view(*m_engine);
        QSignalSpy refreshed(&view, &DashboardView::refreshed);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, kTimeoutMs);

        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(view.snapshotJson().toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(json.object().contains(QStringLiteral("operations")));
        bool hasRetrieval = false;
        for (const QJsonValue& op : json.object().value(QStringLiteral("operations")).toArray())
            hasRetrieval =
                hasRetrieval || op.toObject().value(QStringLiteral("name")) == QStringLiteral("retrieval");
        QVERIFY(hasRetrieval);

        QGuiApplication::clipboard()->setText(QStringLiteral("not json"));
        QTest::mouseClick(view.findChild<QPushButton*>(QStringLiteral("copySnapshotButton")), Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied, view.snapshotJson());
        QVERIFY(QJsonDocument::fromJson(copied.toUtf8()).object().contains(QStringLiteral("operations")));
    }

    void neverTwoRefreshesInFlight() {
        // Not shown: no timer, only the refreshes asked for here.
        DashboardView view(*m_engine);
        QSignalSpy refreshed(&view, &DashboardView::refreshed);
        const int startedBefore = view.refreshesStarted();
        view.refresh();
        search(QStringLiteral("configure feature 1")); // after the first snapshot was asked for
        view.refresh();
        view.refresh();
        // One snapshot is being taken; the later calls wait for it instead of starting their own.
        QVERIFY(view.isRefreshing());
        QCOMPARE(view.refreshesStarted() - startedBefore, 1);

        // The first snapshot may predate the search: it is dropped, and one more is taken for the calls
        // made meanwhile. Only that one is shown.
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() == 1, kTimeoutMs);
        QCOMPARE(view.refreshesStarted() - startedBefore, 2);
        QVERIFY(!view.isRefreshing());
        QTest::qWait(300);
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(view.refreshesStarted() - startedBefore, 2);
    }

    // Another process on the data folder (here a second engine) searched and stored its timings: the
    // last 24 hours show them, this session does not.
    void theDayViewShowsEveryProcess() {
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        {
            auto other = RagEngine::open(options);
            QVERIFY(other);
            for (const char* q : {"configure feature 1", "settings dialog", "feature 3 state", "topic 2"})
                QVERIFY((*other)->search(QString::fromLatin1(q), SearchOptions{}).ok());
            QVERIFY((*other)->saveStatistics().ok());
        }
        DashboardView view(*m_engine);
        QSignalSpy refreshed(&view, &DashboardView::refreshed);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, kTimeoutMs);
        QVERIFY(!view.lastSnapshot().everyProcess);
        const qint64 session = retrievals(view);
        QCOMPARE(card(view, "requestsCard")->title(), QStringLiteral("Requests, last hour"));

        auto* window = view.findChild<QComboBox*>(QStringLiteral("statsWindowComboBox"));
        QVERIFY(window);
        window->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(view.lastSnapshot().everyProcess, kTimeoutMs);
        QCOMPARE(view.lastSnapshot().windowMinutes, 24 * 60);
        QVERIFY2(retrievals(view) >= session + 4,
                 qPrintable(QStringLiteral("%1 %2").arg(retrievals(view)).arg(session)));
        QCOMPARE(card(view, "requestsCard")->title(), QStringLiteral("Requests, last 24 hours"));
        QVERIFY(view.snapshotJson().contains(QLatin1String("every process")));
        // What a screen reader says of the charts follows the window too.
        for (const char* chart : {"latencyChartView", "throughputChartView"}) {
            QVERIFY(view.findChild<QChartView*>(QLatin1String(chart))
                        ->accessibleDescription()
                        .contains(QLatin1String("24 hours")));
        }

        window->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(!view.lastSnapshot().everyProcess, kTimeoutMs);
        QCOMPARE(retrievals(view), session);
    }

    void refreshesOnlyWhileVisible() {
        DashboardView view(*m_engine);
        QCOMPARE(view.refreshInterval(), DashboardView::kDefaultRefreshMs);
        view.setRefreshInterval(50);
        QSignalSpy refreshed(&view, &DashboardView::refreshed);
        QTest::qWait(200);
        QCOMPARE(view.refreshesStarted(), 0);

        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 3, kTimeoutMs);
        view.hide();
        QTRY_VERIFY_WITH_TIMEOUT(!view.isRefreshing(), kTimeoutMs);
        const int started = view.refreshesStarted();
        QTest::qWait(300);
        QCOMPARE(view.refreshesStarted(), started);

        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(view.refreshesStarted() > started, kTimeoutMs);
    }
};

QTEST_MAIN(TestDashboardView)
#include "test_dashboard_view.moc"
