#pragma once

#include <cstddef>
#include <cstdint>

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

    // The same over IEEE half-precision vectors, what the vector index stores: half the memory and
    // bandwidth of floats, each component within 0.05 % of its float.
    using HalfFunction = float (*)(const std::uint16_t* a, const std::uint16_t* b, size_t n);
    static HalfFunction bestHalf();
    // Rounded to nearest (even); beyond the half range, infinite.
    static void toHalf(const float* in, std::uint16_t* out, size_t n);
    static void fromHalf(const std::uint16_t* in, float* out, size_t n);
    // The portable versions, without F16C (tests compare them with the chosen ones).
    static float scalarHalf(const std::uint16_t* a, const std::uint16_t* b, size_t n);
    static std::uint16_t scalarToHalf(float value);
    static float scalarFromHalf(std::uint16_t value);
};

} // namespace docrag
