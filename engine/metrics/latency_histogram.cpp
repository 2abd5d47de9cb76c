#include "engine/metrics/latency_histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace docrag {

int LatencyHistogram::binOf(qint64 micros) {
    if (micros <= 1)
        return 0;
    const int bin = static_cast<int>(std::log2(static_cast<double>(micros)) * kBinsPerDoubling);
    return std::clamp(bin, 0, kBins - 1);
}

double LatencyHistogram::lowerBound(int bin) {
    return std::exp2(static_cast<double>(bin) / kBinsPerDoubling);
}

double LatencyHistogram::upperBound(int bin) {
    return std::exp2(static_cast<double>(bin + 1) / kBinsPerDoubling);
}

void LatencyHistogram::add(qint64 micros) {
    micros = std::max<qint64>(0, micros);
    ++m_bins[static_cast<size_t>(binOf(micros))];
    m_min = m_count == 0 ? micros : std::min(m_min, micros);
    m_max = std::max(m_max, micros);
    m_sum += micros;
    ++m_count;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
    if (other.m_count == 0)
        return;
    for (size_t i = 0; i < m_bins.size(); ++i)
        m_bins[i] += other.m_bins[i];
    m_min = m_count == 0 ? other.m_min : std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
    m_sum += other.m_sum;
    m_count += other.m_count;
}

void LatencyHistogram::clear() {
    *this = LatencyHistogram();
}

double LatencyHistogram::percentile(double percent) const {
    if (m_count == 0)
        return 0.0;
    // Nearest rank: the smallest sample with at least `percent` of the samples at or below it.
    const qint64 rank =
        std::max<qint64>(1, static_cast<qint64>(std::ceil(percent / 100.0 * static_cast<double>(m_count))));
    // The extremes are known exactly.
    if (rank >= m_count)
        return static_cast<double>(m_max);
    if (rank == 1)
        return static_cast<double>(m_min);
    qint64 seen = 0;
    for (int bin = 0; bin < kBins; ++bin) {
        seen += m_bins[static_cast<size_t>(bin)];
        if (seen >= rank) {
            // The geometric middle of the bin, within the range actually measured.
            const double middle = std::sqrt(lowerBound(bin) * upperBound(bin));
            return std::clamp(middle, static_cast<double>(m_min), static_cast<double>(m_max));
        }
    }
    return static_cast<double>(m_max);
}

namespace {

constexpr char kFormat = 1;

void putVarint(QByteArray& out, quint64 value) {
    while (value >= 0x80) {
        out.append(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(static_cast<char>(value));
}

std::optional<quint64> takeVarint(QByteArrayView bytes, qsizetype& at) {
    quint64 value = 0;
    for (int shift = 0; shift < 64 && at < bytes.size(); shift += 7) {
        const auto byte = static_cast<unsigned char>(bytes[at++]);
        value |= static_cast<quint64>(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return value;
    }
    return std::nullopt;
}

} // namespace

QByteArray LatencyHistogram::toBytes() const {
    QByteArray out;
    out.append(kFormat);
    for (const qint64 value : {m_count, m_sum, m_min, m_max})
        putVarint(out, static_cast<quint64>(value));
    int last = -1;
    for (int bin = 0; bin < kBins; ++bin) {
        if (const std::uint32_t n = m_bins[static_cast<size_t>(bin)]; n > 0) {
            putVarint(out, static_cast<quint64>(bin - last));
            putVarint(out, n);
            last = bin;
        }
    }
    return out;
}

std::optional<LatencyHistogram> LatencyHistogram::fromBytes(QByteArrayView bytes) {
    if (bytes.isEmpty() || bytes[0] != kFormat)
        return std::nullopt;
    qsizetype at = 1;
    LatencyHistogram h;
    for (qint64* field : {&h.m_count, &h.m_sum, &h.m_min, &h.m_max}) {
        const auto value = takeVarint(bytes, at);
        if (!value || *value > static_cast<quint64>(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        *field = static_cast<qint64>(*value);
    }
    qint64 binned = 0;
    for (int bin = -1; at < bytes.size();) {
        const auto step = takeVarint(bytes, at);
        const auto n = takeVarint(bytes, at);
        if (!step || !n || *step == 0 || *step > static_cast<quint64>(kBins - 1 - bin) ||
            *n > std::numeric_limits<std::uint32_t>::max())
            return std::nullopt;
        bin += static_cast<int>(*step);
        h.m_bins[static_cast<size_t>(bin)] = static_cast<std::uint32_t>(*n);
        binned += static_cast<qint64>(*n);
    }
    if (binned != h.m_count || h.m_min > h.m_max)
        return std::nullopt;
    return h;
}

} // namespace docrag
