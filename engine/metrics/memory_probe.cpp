#include "engine/metrics/memory_probe.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace docrag {

qint64 MemoryProbe::residentBytes() {
    // Not QFile: this is read on every dashboard refresh, and two numbers need no Qt I/O machinery.
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    if (!statm)
        return 0;
    long long size = 0;
    long long resident = 0;
    const int read = std::fscanf(statm, "%lld %lld", &size, &resident);
    std::fclose(statm);
    if (read != 2)
        return 0;
    return static_cast<qint64>(resident) * static_cast<qint64>(sysconf(_SC_PAGESIZE));
}

qint64 MemoryProbe::peakResidentBytes() {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    if (!status)
        return 0;
    char line[256];
    long long kilobytes = 0;
    while (std::fgets(line, sizeof line, status)) {
        if (std::strncmp(line, "VmHWM:", 6) == 0) {
            kilobytes = std::atoll(line + 6);
            break;
        }
    }
    std::fclose(status);
    return static_cast<qint64>(kilobytes) * 1024;
}

} // namespace docrag
