#pragma once

namespace docrag {

// How the C library's allocator serves this process.
class ProcessMemory final {
public:
    // Called first thing by the desktop app and the CLI. glibc serves a block over its mmap threshold
    // with a mapping of its own, returned on free, but it raises that threshold (up to 32 MB) to the size
    // of every such block freed: the files an ingest reads and parses then come from the heaps, whose
    // freed pages mostly stay resident. A fixed 1 MB threshold kept the Qt docs' ingest 50 MB lower
    // (BENCHMARKS.md), at no measurable cost in time. Does nothing with another C library.
    static void configure();
};

} // namespace docrag
