#pragma once

#include <QtGlobal>

namespace docrag {

// The process's resident memory, as the kernel counts it (Linux: /proc/self/statm).
class MemoryProbe final {
public:
    // Bytes; 0 where it cannot be read.
    static qint64 residentBytes();
    // The most the process has had resident so far (Linux: VmHWM), in bytes; 0 where it cannot be read.
    static qint64 peakResidentBytes();
};

} // namespace docrag
