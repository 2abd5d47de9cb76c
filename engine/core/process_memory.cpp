#include "engine/core/process_memory.h"

#include <cstdlib> // defines __GLIBC__ with glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace docrag {

void ProcessMemory::configure() {
#if defined(__GLIBC__)
    ::mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
#endif
}

} // namespace docrag
