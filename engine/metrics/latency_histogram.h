#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <array>
#include <cstdint>
#include <optional>

namespace docrag {

// Durations counted in logarithmic bins, eight per doubling from 1 µs to about 18 minutes: a percentile
// read from it is within 4.5 % of the measured value, whatever the spread, in a fixed 1 KB. Merging two
// is adding their bins, so an hour of minutes merges in microseconds.
class LatencyHistogram final {
public:
    static constexpr int kBinsPerDoubling = 8;
    static constexpr int kBins = 30 * kBinsPerDoubling;

    void add(qint64 micros);
    void merge(const LatencyHistogram& other);
    void clear();

    qint64 count() const { return m_count; }
    // The duration at or below which `percent` of the samples lie (nearest rank), in microseconds,
    // clamped to the smallest and largest sample seen. 0 when empty.
    double percentile(double percent) const;
    qint64 minMicros() const { return m_count ? m_min : 0; }
    qint64 maxMicros() const { return m_max; }
    double meanMicros() const {
        return m_count ? static_cast<double>(m_sum) / static_cast<double>(m_count) : 0.0;
    }

    // A compact form to store: count, sum, min and max, then each bin that holds anything (its distance
    // from the last one and its count), all as varints. A minute of similar timings is a few dozen bytes.
    QByteArray toBytes() const;
    // nullopt for bytes toBytes() did not make (damaged, or from another version).
    static std::optional<LatencyHistogram> fromBytes(QByteArrayView bytes);

    static int binOf(qint64 micros);
    static double lowerBound(int bin); // microseconds
    static double upperBound(int bin);

private:
    std::array<std::uint32_t, kBins> m_bins{};
    qint64 m_count = 0;
    qint64 m_sum = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
};

} // namespace docrag
