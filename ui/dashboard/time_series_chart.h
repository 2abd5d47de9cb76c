#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QStringList>

#include <vector>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace docrag {

// A line chart over wall-clock time: one line per name, a time axis below and a value axis from zero.
// Built once; each update replaces the points in place, so that refreshing every few seconds neither
// flickers nor allocates chart items.
class TimeSeriesChart final : public QChartView {
    Q_OBJECT
public:
    // `unit` labels the value axis; `emptyText` joins the title while there is nothing to draw.
    TimeSeriesChart(const QString& title, const QString& unit, const QStringList& seriesNames,
                    const QString& emptyText, QWidget* parent = nullptr);

    int seriesCount() const { return static_cast<int>(m_series.size()); }
    QLineSeries* series(int index) const { return m_series.at(static_cast<size_t>(index)); }

    // One list per series (x: milliseconds since the epoch); the time axis spans [fromMs, toMs] and the
    // value axis rises a little above the largest value. Keep the range steady (whole minutes) between
    // updates: moving it costs a relayout of the axis.
    void setData(const std::vector<QList<QPointF>>& points, qint64 fromMs, qint64 toMs);
    // Shown with the title at the next setData() with nothing to draw.
    void setEmptyText(const QString& text) { m_emptyText = text; }

protected:
    void changeEvent(QEvent* event) override;

private:
    // Background, title, legend, axes and grid from the widget's palette, lines from a chart theme that
    // matches its lightness.
    void applyPalette();

    QString m_title;
    QString m_emptyText;
    std::vector<QLineSeries*> m_series;
    QDateTimeAxis* m_timeAxis = nullptr;
    QValueAxis* m_valueAxis = nullptr;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    double m_top = 1.0;
};

} // namespace docrag
