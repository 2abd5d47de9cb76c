#include "ui/dashboard/time_series_chart.h"

#include "ui/widgets/theme_colors.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace docrag {
namespace {

// A readable top for the value axis: the next of 1, 2, 4, 6, 8, 10 times a power of ten, so that its
// four intervals fall on round numbers.
double niceTop(double value) {
    if (value <= 1.0)
        return 1.0;
    const double scale = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 4.0, 6.0, 8.0}) {
        if (value <= step * scale)
            return step * scale;
    }
    return 10.0 * scale;
}

// Markers make lone points (a single call, a minute between gaps) visible; on a dense line they are noise.
constexpr qsizetype kMaxPointsWithMarkers = 60;

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString& title, const QString& unit, const QStringList& seriesNames,
                                 const QString& emptyText, QWidget* parent)
    // The chart goes to the base constructor: without one, QChartView makes a chart of its own, and
    // setChart() would let go of that one without deleting it.
    : QChartView(new QChart, parent)
    , m_title(title)
    , m_emptyText(emptyText) {
    QChart* chart = this->chart();
    chart->setTitle(m_title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);

    m_timeAxis = new QDateTimeAxis(chart);
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    // Three ticks: "HH:mm" labels must fit a chart a third of a side dock wide.
    m_timeAxis->setTickCount(3);
    m_valueAxis = new QValueAxis(chart);
    m_valueAxis->setTitleText(unit);
    m_valueAxis->setLabelFormat(QStringLiteral("%g"));
    m_valueAxis->setRange(0.0, m_top);
    m_valueAxis->setTickCount(5);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);

    for (const QString& name : seriesNames) {
        auto* series = new QLineSeries(chart);
        series->setName(name);
        chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
        m_series.push_back(series);
    }
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    setAccessibleName(title);
    applyPalette();
}

void TimeSeriesChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TimeSeriesChart::applyPalette() {
    const QPalette& p = palette();
    QChart* chart = this->chart();
    const bool dark = ThemeColors::isDark(p);
    // A theme sets every colour at once (series included); the chart's own surfaces then follow the
    // palette exactly rather than the theme's idea of light and dark.
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme)
        chart->setTheme(theme);
    const QColor background = p.color(QPalette::Base);
    const QColor text = ThemeColors::readable(p.color(QPalette::Text), background);
    const QColor muted = ThemeColors::muted(p);
    setBackgroundBrush(background);
    chart->setBackgroundBrush(background);
    chart->setBackgroundPen(QPen(ThemeColors::mix(background, text, 0.2)));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(muted);
        axis->setTitleBrush(muted);
        axis->setLinePenColor(ThemeColors::mix(background, text, 0.45));
        axis->setGridLineColor(ThemeColors::mix(background, text, 0.15));
    }
    for (QLineSeries* series : m_series)
        series->setColor(ThemeColors::readable(series->color(), background, 3.0));
}

void TimeSeriesChart::setData(const std::vector<QList<QPointF>>& points, qint64 fromMs, qint64 toMs) {
    double highest = 0.0;
    bool empty = true;
    for (size_t i = 0; i < m_series.size(); ++i) {
        const QList<QPointF> none;
        const QList<QPointF>& list = i < points.size() ? points[i] : none;
        for (const QPointF& p : list)
            highest = std::max(highest, p.y());
        empty = empty && list.isEmpty();
        if (const bool markers = list.size() <= kMaxPointsWithMarkers;
            markers != m_series[i]->pointsVisible())
            m_series[i]->setPointsVisible(markers);
        m_series[i]->replace(list);
    }
    // Changing a range lays the axis and its labels out again, the costliest part of an update (a
    // millisecond or two per chart): done only when a range really changes.
    if (fromMs != m_fromMs || toMs != m_toMs) {
        m_fromMs = fromMs;
        m_toMs = toMs;
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    }
    // Headroom above the highest point.
    if (const double top = niceTop(highest * 1.1); top != m_top) {
        m_top = top;
        m_valueAxis->setRange(0.0, top);
    }
    const QString title = empty ? QStringLiteral("%1 — %2").arg(m_title, m_emptyText) : m_title;
    if (chart()->title() != title)
        chart()->setTitle(title);
}

} // namespace docrag
