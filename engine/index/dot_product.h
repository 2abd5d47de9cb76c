#pragma once

#include <cstddef>

namespace docrag {

// The inner product kernel of the vector index. The AVX2/FMA or SSE version is chosen once at run
// time from the CPU, so one binary is both portable and fast (hnswlib's own kernels are chosen at
// compile time, which would force a choice between -mavx2 and old CPUs).
class DotProduct final {
public:
    using Function = float (*)(const float* a, const float* b, size_t n);
    static Function best();
    static const char* bestName();
    static float scalar(const float* a, const float* b, size_t n);
};

} // namespace docrag
