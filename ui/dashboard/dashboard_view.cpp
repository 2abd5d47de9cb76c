#include "ui/dashboard/dashboard_view.h"

#include "engine/rag/rag_engine.h"
#include "ui/dashboard/summary_card.h"
#include "ui/dashboard/team_feedback_view.h"
#include "ui/dashboard/time_series_chart.h"
#include "ui/widgets/byte_size.h"
#include "ui/widgets/plain_tool_tip.h"

#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace docrag {
namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr int kDayMinutes = 24 * 60;
// Even with a short refresh interval the memory chart holds at most one point per bucket (360 an hour):
// the newest sample of a bucket replaces the one before it.
constexpr qint64 kMemoryBucketMs = 10'000;
// Right after start everything happened in the last minute; a ten-minute axis keeps it readable.
constexpr qint64 kMinimumWindowMs = 10 * kMinuteMs;

const QString kRetrieval = QStringLiteral("retrieval");
const QString kAnswer = QStringLiteral("answer");
const QString kFirstToken = QStringLiteral("first_token");

QString formatMs(double ms) {
    if (ms >= 1000.0)
        return DashboardView::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    return DashboardView::tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10.0 ? 1 : 0));
}

QString avgAndP95(const OperationStats& op) {
    return QStringLiteral("%1 / %2").arg(formatMs(op.avgMs), formatMs(op.p95Ms));
}

// Whole percents, except where rounding would claim a perfect or a nil rate that is not.
QString formatRate(const CacheStats& cache) {
    const double percent = cache.hitRate() * 100.0;
    const bool misleading = (percent > 99.5 && cache.misses > 0) || (percent < 0.5 && cache.hits > 0);
    return DashboardView::tr("%1%").arg(QLocale().toString(percent, 'f', misleading ? 1 : 0));
}

qint64 callCount(const PerformanceSnapshot& snapshot, const QString& name) {
    const OperationStats* op = snapshot.operation(name);
    return op ? op->count : 0;
}

const CacheStats* cache(const PerformanceSnapshot& snapshot, const QString& name) {
    for (const CacheStats& c : snapshot.caches) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

// The time axis, in whole minutes so that it stays put between refreshes of the same minute: up to the
// end of the current minute, back to the first point, the last hour at most and ten minutes at least.
struct TimeWindow final {
    qint64 fromMs = 0;
    qint64 toMs = 0;
};

TimeWindow timeWindow(qint64 earliestMs, qint64 nowMs, qint64 spanMs = kHourMs) {
    const qint64 end = (nowMs / kMinuteMs + 1) * kMinuteMs;
    const qint64 start =
        std::max(end - spanMs, std::min(earliestMs / kMinuteMs * kMinuteMs, end - kMinimumWindowMs));
    return {start, end};
}

qint64 earliest(const std::vector<QList<QPointF>>& series, qint64 fallback) {
    qint64 first = fallback;
    for (const QList<QPointF>& points : series) {
        if (!points.isEmpty())
            first = std::min(first, static_cast<qint64>(points.front().x()));
    }
    return first;
}

QList<QPointF> p95PerMinute(const OperationStats* op) {
    QList<QPointF> points;
    if (op) {
        for (const MinuteStats& minute : op->perMinute)
            points.append(QPointF(static_cast<double>(minute.minuteStartMs), minute.p95Ms));
    }
    return points;
}

// Minutes without a call are left out of the snapshot; a throughput line must drop to zero there rather
// than slope across the gap, so they are filled in from `fromMinuteMs` to the current minute.
QList<QPointF> callsPerMinute(const OperationStats* op, qint64 fromMinuteMs, qint64 nowMs, qint64 spanMs) {
    QList<QPointF> points;
    if (!op || op->perMinute.empty())
        return points;
    std::map<qint64, qint64> counts;
    for (const MinuteStats& minute : op->perMinute)
        counts[minute.minuteStartMs] = minute.count;
    const qint64 lastMinute = std::max(nowMs / kMinuteMs * kMinuteMs, counts.rbegin()->first);
    // Never more than the window's minutes, whatever the timestamps say.
    for (qint64 m = std::max(fromMinuteMs, lastMinute - spanMs); m <= lastMinute; m += kMinuteMs) {
        const auto it = counts.find(m);
        points.append(
            QPointF(static_cast<double>(m), it == counts.end() ? 0.0 : static_cast<double>(it->second)));
    }
    return points;
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    return item;
}

} // namespace

DashboardView::DashboardView(RagEngine& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine) {
    setObjectName(QStringLiteral("dashboardView"));

    m_snapshotLabel = new QLabel(tr("No snapshot yet"));
    m_snapshotLabel->setObjectName(QStringLiteral("snapshotInfoLabel"));
    m_snapshotLabel->setTextFormat(Qt::PlainText);
    m_copyButton = new QPushButton(tr("Copy snapshot as JSON"));
    m_copyButton->setObjectName(QStringLiteral("copySnapshotButton"));
    m_copyButton->setToolTip(tr("Every figure of the last hour, for a bug report. Slow operations name their "
                                "question or file."));
    m_copyButton->setEnabled(false);
    connect(m_copyButton, &QPushButton::clicked, this, &DashboardView::copySnapshot);
    m_windowComboBox = new QComboBox;
    m_windowComboBox->setObjectName(QStringLiteral("statsWindowComboBox"));
    m_windowComboBox->addItem(tr("This session, last hour"));
    m_windowComboBox->addItem(tr("Every process, last 24 hours"));
    m_windowComboBox->setAccessibleName(tr("Timings of"));
    m_windowComboBox->setToolTip(
        tr("Every process: the desktop app and docrag-cli on this data folder, from the statistics they keep "
           "in the database."));
    connect(m_windowComboBox, &QComboBox::currentIndexChanged, this, &DashboardView::refresh);
    auto* header = new QHBoxLayout;
    header->addWidget(m_snapshotLabel, 1);
    header->addWidget(m_windowComboBox);
    header->addWidget(m_copyButton);

    auto makeCard = [](const QString& title, const QString& name) {
        auto* card = new SummaryCard(title);
        card->setObjectName(name);
        return card;
    };
    m_requestsCard = makeCard(tr("Requests, last hour"), QStringLiteral("requestsCard"));
    m_latencyCard = makeCard(tr("Latency, avg / p95"), QStringLiteral("latencyCard"));
    m_cacheCard = makeCard(tr("Cache hits, response · embedding"), QStringLiteral("cacheCard"));
    m_memoryCard = makeCard(tr("Memory, resident"), QStringLiteral("memoryCard"));
    m_chunksCard = makeCard(tr("Passages"), QStringLiteral("chunksCard"));
    m_indexCard = makeCard(tr("Vector index"), QStringLiteral("indexCard"));
    m_tokensCard = makeCard(tr("Model server, since start"), QStringLiteral("tokensCard"));
    auto* cards = new QGridLayout;
    SummaryCard* const order[] = {m_requestsCard, m_latencyCard, m_cacheCard, m_memoryCard,
                                  m_chunksCard,   m_indexCard,   m_tokensCard};
    for (int i = 0; i < 7; ++i)
        cards->addWidget(order[i], i / 4, i % 4);

    const QStringList calls = {tr("search"), tr("answer")};
    const QString noCalls = tr("no calls in the last hour");
    m_latencyChart = new TimeSeriesChart(tr("Latency, p95 per minute"), tr("ms"), calls, noCalls);
    m_latencyChart->setObjectName(QStringLiteral("latencyChartView"));
    m_throughputChart = new TimeSeriesChart(tr("Calls per minute"), tr("calls"), calls, noCalls);
    m_throughputChart->setObjectName(QStringLiteral("throughputChartView"));
    m_memoryChart =
        new TimeSeriesChart(tr("Resident memory"), tr("MiB"), {tr("resident")}, tr("not measured"));
    m_memoryChart->setObjectName(QStringLiteral("memoryChartView"));
    m_memoryChart->setAccessibleDescription(tr("DocRag's resident memory over the last hour."));
    auto* charts = new QHBoxLayout;
    charts->addWidget(m_latencyChart);
    charts->addWidget(m_throughputChart);
    charts->addWidget(m_memoryChart);

    auto* slowBox = new QGroupBox(tr("Slow operations"));
    slowBox->setObjectName(QStringLiteral("slowOperationsGroupBox"));
    m_slowEmptyLabel = new QLabel(tr("None: every call of the last hour was under its threshold."));
    m_slowEmptyLabel->setObjectName(QStringLiteral("slowOperationsEmptyLabel"));
    m_slowTable = new QTableWidget(0, 5);
    m_slowTable->setObjectName(QStringLiteral("slowOperationsTable"));
    m_slowTable->setAccessibleName(tr("Slow operations"));
    m_slowTable->setHorizontalHeaderLabels(
        {tr("Time"), tr("Operation"), tr("Duration (ms)"), tr("Threshold (ms)"), tr("Context")});
    m_slowTable->verticalHeader()->hide();
    m_slowTable->horizontalHeader()->setStretchLastSection(true);
    m_slowTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_slowTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_slowTable->setWordWrap(false);
    m_slowTable->setMinimumHeight(160);
    auto* slowLayout = new QVBoxLayout(slowBox);
    slowLayout->addWidget(m_slowEmptyLabel);
    slowLayout->addWidget(m_slowTable);

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("dashboardContentWidget"));
    auto* layout = new QVBoxLayout(content);
    layout->addLayout(header);
    layout->addLayout(cards);
    layout->addLayout(charts);
    layout->addWidget(slowBox, 1);
    layout->addWidget(new TeamFeedbackView(m_engine, content));
    // The charts need room; on a small window the dashboard scrolls rather than squashing them.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScrollArea"));
    scroll->setAccessibleName(tr("Performance dashboard"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    m_timer = new QTimer(this);
    m_timer->setObjectName(QStringLiteral("refreshTimer"));
    m_timer->setInterval(kDefaultRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &DashboardView::tick);

    // The empty states, until the first snapshot says otherwise.
    updateCards();
    updateCharts();
    updateSlowOperations();
}

void DashboardView::setRefreshInterval(int ms) {
    m_timer->setInterval(std::max(1, ms));
}

int DashboardView::refreshInterval() const {
    return m_timer->interval();
}

QString DashboardView::snapshotJson() const {
    return QString::fromUtf8(QJsonDocument(lastSnapshot().toJson()).toJson());
}

void DashboardView::copySnapshot() {
    QGuiApplication::clipboard()->setText(snapshotJson());
}

void DashboardView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_timer->start();
    tick();
}

void DashboardView::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    // Nobody looks: no snapshots, no chart work. A snapshot already on its way is still shown.
    m_timer->stop();
}

void DashboardView::refresh() {
    if (m_inFlight) {
        ++m_generation;
        m_queued = true;
        return;
    }
    start();
}

void DashboardView::tick() {
    // A timer tick while a snapshot is being taken is simply skipped: the next one comes soon enough.
    if (!m_inFlight)
        start();
}

void DashboardView::start() {
    m_inFlight = true;
    m_queued = false;
    ++m_started;
    const quint64 generation = ++m_generation;
    QPointer<DashboardView> self(this);
    RagEngine& engine = m_engine;
    const int minutes = m_windowComboBox->currentIndex() == 1 ? kDayMinutes : 0;
    m_engine.run([&engine, minutes] { return engine.performanceSnapshot(minutes); })
        .then(this, [self, generation](const QFuture<PerformanceSnapshot>& future) {
            // Qt 6.4 calls a continuation with a context through an auto connection: when the snapshot
            // is ready before `.then` is attached, this runs at once, inside start(). The hop through the
            // event loop keeps refresh() from ever finishing (and emitting refreshed()) re-entrantly.
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, generation, future] {
                    if (self)
                        self->finished(generation, future);
                },
                Qt::QueuedConnection);
        });
}

void DashboardView::finished(quint64 generation, const QFuture<PerformanceSnapshot>& future) {
    m_inFlight = false;
    // A failed snapshot (the engine reported an exception) is cancelled and has no result; the next
    // tick tries again. Asking for its result would rethrow.
    const bool ok = !future.isCanceled() && future.resultCount() > 0;
    if (ok && generation == m_generation)
        present(future.result());
    if (m_queued)
        start();
}

void DashboardView::present(PerformanceSnapshot snapshot) {
    m_snapshot = std::move(snapshot);
    m_hasSnapshot = true;
    m_copyButton->setEnabled(true);
    sampleMemory();
    updateCards();
    updateCharts();
    updateSlowOperations();
    updateSnapshotLabel();
    emit refreshed();
}

void DashboardView::sampleMemory() {
    if (m_snapshot.residentBytes <= 0)
        return;
    const qint64 at = m_snapshot.takenAtMs;
    while (!m_memory.empty() && m_memory.front().x() < static_cast<double>(at - kHourMs))
        m_memory.pop_front();
    const QPointF sample(static_cast<double>(at), ByteSize::megabytes(m_snapshot.residentBytes));
    if (!m_memory.empty() &&
        static_cast<qint64>(m_memory.back().x()) / kMemoryBucketMs == at / kMemoryBucketMs)
        m_memory.back() = sample;
    else
        m_memory.push_back(sample);
}

void DashboardView::updateCards() {
    if (!m_hasSnapshot) {
        // Zeros here would be figures nobody measured.
        for (SummaryCard* card : findChildren<SummaryCard*>())
            card->setValue(QStringLiteral("—"), tr("waiting for the first snapshot"));
        return;
    }
    const PerformanceSnapshot& s = m_snapshot;
    const QLocale locale;
    const QString noCalls = noCallsText();
    m_requestsCard->setTitle(showsDay() ? tr("Requests, last 24 hours") : tr("Requests, last hour"));
    const qint64 searches = callCount(s, kRetrieval);
    const qint64 answers = callCount(s, kAnswer);

    if (searches + answers == 0) {
        m_requestsCard->setValue(QStringLiteral("—"), noCalls);
        m_latencyCard->setValue(QStringLiteral("—"), noCalls);
    } else {
        m_requestsCard->setValue(
            locale.toString(searches + answers),
            QStringLiteral("%1 · %2").arg(tr("%Ln searches", "", static_cast<int>(searches)),
                                          tr("%Ln answers", "", static_cast<int>(answers))));
        const OperationStats* answer = s.operation(kAnswer);
        const OperationStats* firstToken = s.operation(kFirstToken);
        QString answerDetail =
            showsDay() ? tr("no answers in the last 24 hours") : tr("no answers in the last hour");
        if (answers > 0) {
            answerDetail = tr("answer %1").arg(avgAndP95(*answer));
            if (firstToken && firstToken->count > 0)
                answerDetail =
                    tr("answer %1 · first token p95 %2").arg(avgAndP95(*answer), formatMs(firstToken->p95Ms));
        }
        if (searches > 0) {
            m_latencyCard->setValue(avgAndP95(*s.operation(kRetrieval)), tr("search · %1").arg(answerDetail));
        } else {
            m_latencyCard->setValue(avgAndP95(*answer),
                                    showsDay() ? tr("%1 · no searches in the last 24 hours").arg(answerDetail)
                                               : tr("%1 · no searches in the last hour").arg(answerDetail));
        }
    }

    const CacheStats* response = cache(s, QStringLiteral("response"));
    const CacheStats* embedding = cache(s, QStringLiteral("embedding"));
    auto lookups = [](const CacheStats* c) { return c ? c->hits + c->misses : 0; };
    if (lookups(response) + lookups(embedding) == 0) {
        m_cacheCard->setValue(QStringLiteral("—"), tr("no cache lookups yet"));
    } else {
        auto rate = [&](const CacheStats* c) {
            return lookups(c) > 0 ? formatRate(*c) : QStringLiteral("—");
        };
        auto counts = [&](const CacheStats* c) {
            return lookups(c) > 0 ? tr("%1 of %2").arg(locale.toString(c->hits), locale.toString(lookups(c)))
                                  : tr("no lookups");
        };
        m_cacheCard->setValue(QStringLiteral("%1 · %2").arg(rate(response), rate(embedding)),
                              tr("response %1 · embedding %2").arg(counts(response), counts(embedding)));
    }

    if (s.residentBytes <= 0) {
        m_memoryCard->setValue(QStringLiteral("—"), tr("not measured on this system"));
    } else {
        const QString target = locale.toString(kMemoryTargetMb, 'f', 0);
        m_memoryCard->setValue(ByteSize::text(s.residentBytes),
                               ByteSize::megabytes(s.residentBytes) <= kMemoryTargetMb
                                   ? tr("target: under %1 MiB").arg(target)
                                   : tr("over the %1 MiB target").arg(target));
    }

    QStringList chunksDetail{s.collections == 0
                                 ? tr("no collections yet")
                                 : tr("in %Ln collections", "", static_cast<int>(s.collections))};
    if (s.ingestQueueDepth > 0) {
        chunksDetail << tr("ingesting %1 files/s, %Ln to go", "files", static_cast<int>(s.ingestQueueDepth))
                            .arg(locale.toString(s.ingestFilesPerSecond, 'f', 1));
    }
    m_chunksCard->setValue(locale.toString(s.chunks), chunksDetail.join(QStringLiteral(" · ")));
    m_indexCard->setValue(
        ByteSize::text(s.indexBytes),
        tr("database %1 · logs %2").arg(ByteSize::text(s.databaseBytes), ByteSize::text(s.logBytes)));

    if (s.modelRequests == 0 && s.promptTokens + s.completionTokens == 0) {
        m_tokensCard->setValue(QStringLiteral("—"), tr("no model-server calls since start"));
    } else {
        m_tokensCard->setValue(
            locale.toCurrencyString(s.costUsd, QStringLiteral("$"), 4),
            tr("%Ln requests · %1 prompt + %2 completion tokens", "", static_cast<int>(s.modelRequests))
                .arg(locale.toString(s.promptTokens), locale.toString(s.completionTokens)));
    }
}

void DashboardView::updateCharts() {
    const PerformanceSnapshot& s = m_snapshot;
    const qint64 now = m_hasSnapshot ? s.takenAtMs : QDateTime::currentMSecsSinceEpoch();
    const OperationStats* retrieval = s.operation(kRetrieval);
    const OperationStats* answer = s.operation(kAnswer);

    const std::vector<QList<QPointF>> latency = {p95PerMinute(retrieval), p95PerMinute(answer)};
    const qint64 firstCall = earliest(latency, now);
    const qint64 span = m_snapshot.windowMinutes * kMinuteMs;
    const TimeWindow calls = timeWindow(firstCall, now, span);
    const QString noCalls = noCallsText();
    m_latencyChart->setEmptyText(noCalls);
    m_throughputChart->setEmptyText(noCalls);
    m_latencyChart->setAccessibleDescription(
        showsDay()
            ? tr("The 95th percentile latency of searches and answers of every process, minute by minute, "
                 "over the last 24 hours.")
            : tr("The 95th percentile latency of searches and answers, minute by minute, over the last "
                 "hour."));
    m_throughputChart->setAccessibleDescription(
        showsDay() ? tr("How many searches and answers every process ran each minute over the last 24 hours.")
                   : tr("How many searches and answers ran each minute over the last hour."));
    m_latencyChart->setData(latency, calls.fromMs, calls.toMs);

    // Both lines start at the first minute with a call of either, so that their zeros line up.
    const qint64 firstMinute = firstCall / kMinuteMs * kMinuteMs;
    m_throughputChart->setData(
        {callsPerMinute(retrieval, firstMinute, now, span), callsPerMinute(answer, firstMinute, now, span)},
        calls.fromMs, calls.toMs);

    const QList<QPointF> memory(m_memory.begin(), m_memory.end());
    const qint64 firstSample = memory.isEmpty() ? now : static_cast<qint64>(memory.front().x());
    const TimeWindow sampled = timeWindow(firstSample, now);
    m_memoryChart->setData({memory}, sampled.fromMs, sampled.toMs);
}

QString DashboardView::noCallsText() const {
    return showsDay() ? tr("no calls in the last 24 hours") : tr("no calls in the last hour");
}

void DashboardView::updateSlowOperations() {
    const std::vector<SlowOperation>& slow = m_snapshot.slowOperations;
    m_slowEmptyLabel->setVisible(slow.empty());
    const qint64 newest = slow.empty() ? -1 : slow.front().atMs;
    // Usually nothing new was slow: the table, the costliest part of a refresh, is left alone.
    if (newest == m_slowShownAtMs && slow.size() == m_slowShownCount)
        return;
    m_slowShownAtMs = newest;
    m_slowShownCount = slow.size();
    const int rows = static_cast<int>(std::min<size_t>(slow.size(), kSlowRows));
    const QLocale locale;
    const Qt::Alignment number = Qt::AlignRight | Qt::AlignVCenter;
    m_slowTable->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const SlowOperation& op = slow[static_cast<size_t>(row)];
        m_slowTable->setItem(
            row, 0, cell(QDateTime::fromMSecsSinceEpoch(op.atMs).toString(QStringLiteral("HH:mm:ss"))));
        m_slowTable->setItem(row, 1, cell(op.name));
        m_slowTable->setItem(row, 2, cell(locale.toString(op.durationMs, 'f', 1), number));
        m_slowTable->setItem(row, 3, cell(locale.toString(op.thresholdMs, 'f', 0), number));
        QTableWidgetItem* context = cell(op.context);
        context->setToolTip(PlainToolTip::of(op.context)); // a question or a file name
        m_slowTable->setItem(row, 4, context);
    }
    if (rows > 0)
        m_slowTable->resizeColumnsToContents();
}

void DashboardView::updateSnapshotLabel() {
    const qint64 uptimeMinutes = m_snapshot.uptimeMs / kMinuteMs;
    const QString uptime = uptimeMinutes >= 60 ? tr("%1 h %2 min")
                                                     .arg(QLocale().toString(uptimeMinutes / 60),
                                                          QLocale().toString(uptimeMinutes % 60))
                                               : tr("%1 min").arg(QLocale().toString(uptimeMinutes));
    m_snapshotLabel->setText(
        tr("Snapshot taken at %1 in %2 ms · running for %3")
            .arg(QDateTime::fromMSecsSinceEpoch(m_snapshot.takenAtMs).toString(QStringLiteral("HH:mm:ss")),
                 QLocale().toString(m_snapshot.snapshotMs, 'f', 2), uptime));
}

} // namespace docrag
