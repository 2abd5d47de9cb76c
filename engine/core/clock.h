#pragma once

#include <QtGlobal>

namespace docrag {

// The seam for time: production code asks a Clock, tests pass a MockClock.
class Clock {
public:
    virtual ~Clock() = default;
    // Wall-clock milliseconds since the Unix epoch (for timestamps stored on disk).
    virtual qint64 nowMs() const = 0;
    // Monotonic nanoseconds from an arbitrary origin (for durations and rates).
    virtual qint64 monotonicNs() const = 0;
};

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override;
    qint64 monotonicNs() const override;
};

} // namespace docrag
