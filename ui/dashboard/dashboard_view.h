#pragma once

#include "engine/metrics/performance_snapshot.h"

#include <QFuture>
#include <QPointF>
#include <QWidget>

#include <deque>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace docrag {

class RagEngine;
class SummaryCard;
class TimeSeriesChart;

// How the engine is doing: request counts, latencies, cache hit rates, memory, sizes and model-server
// usage of the last hour as cards, per-minute charts and a table of slow operations. The timings can also
// be those of every process on the data folder over the last 24 hours (the database's statistics). The
// snapshot is taken on the engine's pool, one at a time, every few seconds while the view is visible; the UI
// thread only lays out the figures.
class DashboardView final : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDefaultRefreshMs = 2000;
    static constexpr double kMemoryTargetMb = 300.0;
    static constexpr int kSlowRows = 50;

    explicit DashboardView(RagEngine& engine, QWidget* parent = nullptr);

    void setRefreshInterval(int ms);
    int refreshInterval() const;
    const PerformanceSnapshot& lastSnapshot() const { return m_snapshot; }
    bool hasSnapshot() const { return m_hasSnapshot; }
    QString snapshotJson() const;
    bool isRefreshing() const { return m_inFlight; }
    // Snapshots asked of the engine so far: lets a test see that refreshes never overlap.
    int refreshesStarted() const { return m_started; }
    // Resident memory as sampled at each refresh (x: ms since the epoch, y: MB), the last hour.
    const std::deque<QPointF>& memorySamples() const { return m_memory; }

public slots:
    // Takes a new snapshot. While one is being taken, the call is remembered and served right after it,
    // and the older snapshot is not shown: what `refreshed` reports is never older than the call.
    void refresh();
    void copySnapshot();

signals:
    // A snapshot was taken and is on screen.
    void refreshed();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void tick();
    void start();
    void finished(quint64 generation, const QFuture<PerformanceSnapshot>& future);
    void present(PerformanceSnapshot snapshot);
    void sampleMemory();
    void updateCards();
    void updateCharts();
    void updateSlowOperations();
    void updateSnapshotLabel();
    // "in the last hour" or "in the last 24 hours" phrases, by what the snapshot on screen covers.
    bool showsDay() const { return m_snapshot.everyProcess; }
    QString noCallsText() const;

    RagEngine& m_engine;
    PerformanceSnapshot m_snapshot;
    bool m_hasSnapshot = false;
    bool m_inFlight = false;
    bool m_queued = false;    // refresh() was called while a snapshot was being taken
    quint64 m_generation = 0; // bumped by every refresh() call; a result of an older one is stale
    int m_started = 0;
    std::deque<QPointF> m_memory;
    qint64 m_slowShownAtMs = -1; // the newest slow operation in the table, to rebuild it only on change
    size_t m_slowShownCount = 0;

    QTimer* m_timer = nullptr;
    QLabel* m_snapshotLabel = nullptr;
    QComboBox* m_windowComboBox = nullptr; // this session, or every process over the last day
    QPushButton* m_copyButton = nullptr;
    SummaryCard* m_requestsCard = nullptr;
    SummaryCard* m_latencyCard = nullptr;
    SummaryCard* m_cacheCard = nullptr;
    SummaryCard* m_memoryCard = nullptr;
    SummaryCard* m_chunksCard = nullptr;
    SummaryCard* m_indexCard = nullptr;
    SummaryCard* m_tokensCard = nullptr;
    TimeSeriesChart* m_latencyChart = nullptr;
    TimeSeriesChart* m_throughputChart = nullptr;
    TimeSeriesChart* m_memoryChart = nullptr;
    QLabel* m_slowEmptyLabel = nullptr;
    QTableWidget* m_slowTable = nullptr;
};

} // namespace docrag
