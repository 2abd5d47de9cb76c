#include "engine/index/dot_product.h"

#include <cpuid.h>
#include <cstring>
#include <immintrin.h>

namespace docrag {
namespace {

__attribute__((target("avx2"))) inline float sumLanes(__m256 v) {
    __m128 sum = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    sum = _mm_hadd_ps(sum, sum);
    sum = _mm_hadd_ps(sum, sum);
    return _mm_cvtss_f32(sum);
}

__attribute__((target("avx2,fma"))) float dotAvx2(const float* a, const float* b, size_t n) {
    __m256 acc0 = _mm256_setzero_ps();
    __m256 acc1 = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
        acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), acc1);
    }
    float total = sumLanes(_mm256_add_ps(acc0, acc1));
    for (; i < n; ++i)
        total += a[i] * b[i];
    return total;
}

float dotSse(const float* a, const float* b, size_t n) {
    __m128 acc0 = _mm_setzero_ps();
    __m128 acc1 = _mm_setzero_ps();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        acc0 = _mm_add_ps(acc0, _mm_mul_ps(_mm_loadu_ps(a + i), _mm_loadu_ps(b + i)));
        acc1 = _mm_add_ps(acc1, _mm_mul_ps(_mm_loadu_ps(a + i + 4), _mm_loadu_ps(b + i + 4)));
    }
    acc0 = _mm_add_ps(acc0, acc1);
    alignas(16) float lanes[4];
    _mm_store_ps(lanes, acc0);
    float total = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    for (; i < n; ++i)
        total += a[i] * b[i];
    return total;
}

bool hasAvx2() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

// From CPUID: not every compiler's __builtin_cpu_supports knows "f16c".
bool hasF16c() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    return hasAvx2() && __get_cpuid(1, &a, &b, &c, &d) && (c & bit_F16C) != 0;
}

__attribute__((target("avx2,f16c"))) inline __m256 loadHalves(const std::uint16_t* p) {
    return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}

__attribute__((target("avx2,fma,f16c"))) float dotHalfF16c(const std::uint16_t* a, const std::uint16_t* b,
                                                           size_t n) {
    // Four sums: one fused multiply-add takes four cycles before the next on the same sum may start.
    __m256 acc0 = _mm256_setzero_ps();
    __m256 acc1 = _mm256_setzero_ps();
    __m256 acc2 = _mm256_setzero_ps();
    __m256 acc3 = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        acc0 = _mm256_fmadd_ps(loadHalves(a + i), loadHalves(b + i), acc0);
        acc1 = _mm256_fmadd_ps(loadHalves(a + i + 8), loadHalves(b + i + 8), acc1);
        acc2 = _mm256_fmadd_ps(loadHalves(a + i + 16), loadHalves(b + i + 16), acc2);
        acc3 = _mm256_fmadd_ps(loadHalves(a + i + 24), loadHalves(b + i + 24), acc3);
    }
    for (; i + 8 <= n; i += 8)
        acc0 = _mm256_fmadd_ps(loadHalves(a + i), loadHalves(b + i), acc0);
    float total = sumLanes(_mm256_add_ps(_mm256_add_ps(acc0, acc1), _mm256_add_ps(acc2, acc3)));
    for (; i < n; ++i)
        total += DotProduct::scalarFromHalf(a[i]) * DotProduct::scalarFromHalf(b[i]);
    return total;
}

__attribute__((target("avx2,f16c"))) void toHalfF16c(const float* in, std::uint16_t* out, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i),
                         _mm256_cvtps_ph(_mm256_loadu_ps(in + i), _MM_FROUND_TO_NEAREST_INT));
    for (; i < n; ++i)
        out[i] = DotProduct::scalarToHalf(in[i]);
}

__attribute__((target("avx2,f16c"))) void fromHalfF16c(const std::uint16_t* in, float* out, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i))));
    for (; i < n; ++i)
        out[i] = DotProduct::scalarFromHalf(in[i]);
}

std::uint32_t bitsOf(float f) {
    std::uint32_t u = 0;
    std::memcpy(&u, &f, sizeof(u));
    return u;
}

float floatOf(std::uint32_t u) {
    float f = 0;
    std::memcpy(&f, &u, sizeof(f));
    return f;
}

} // namespace

std::uint16_t DotProduct::scalarToHalf(float value) {
    // Round to nearest even, as F16C does: the exponent rebiased, the mantissa rounded on its 13 dropped
    // bits; numbers too small for a normal half are rounded by adding a float that aligns them.
    std::uint32_t bits = bitsOf(value);
    const std::uint32_t sign = bits & 0x80000000u;
    bits ^= sign;
    std::uint16_t half = 0;
    if (bits >= (127u + 16u) << 23) {
        half = bits > 255u << 23 ? 0x7e00 : 0x7c00; // NaN, or too large: infinite
    } else if (bits < 113u << 23) {
        const std::uint32_t magic = ((127u - 15u) + (23u - 10u) + 1u) << 23;
        half = static_cast<std::uint16_t>(bitsOf(floatOf(bits) + floatOf(magic)) - magic);
    } else {
        const std::uint32_t odd = (bits >> 13) & 1u;
        bits += (static_cast<std::uint32_t>(15 - 127) << 23) + 0xfffu + odd;
        half = static_cast<std::uint16_t>(bits >> 13);
    }
    return static_cast<std::uint16_t>(half | (sign >> 16));
}

float DotProduct::scalarFromHalf(std::uint16_t value) {
    const std::uint32_t exponentMask = 0x7c00u << 13;
    std::uint32_t bits = (value & 0x7fffu) << 13;
    const std::uint32_t exponent = bits & exponentMask;
    bits += (127u - 15u) << 23;
    if (exponent == exponentMask) {
        bits += (128u - 16u) << 23; // infinite or NaN
    } else if (exponent == 0) {
        bits += 1u << 23; // zero or subnormal: renormalised by a subtraction
        bits = bitsOf(floatOf(bits) - floatOf(113u << 23));
    }
    return floatOf(bits | (static_cast<std::uint32_t>(value & 0x8000u) << 16));
}

float DotProduct::scalarHalf(const std::uint16_t* a, const std::uint16_t* b, size_t n) {
    float total = 0.0f;
    for (size_t i = 0; i < n; ++i)
        total += scalarFromHalf(a[i]) * scalarFromHalf(b[i]);
    return total;
}

DotProduct::HalfFunction DotProduct::bestHalf() {
    static const HalfFunction chosen = hasF16c() ? &dotHalfF16c : &scalarHalf;
    return chosen;
}

void DotProduct::toHalf(const float* in, std::uint16_t* out, size_t n) {
    static const bool f16c = hasF16c();
    if (f16c) {
        toHalfF16c(in, out, n);
        return;
    }
    for (size_t i = 0; i < n; ++i)
        out[i] = scalarToHalf(in[i]);
}

void DotProduct::fromHalf(const std::uint16_t* in, float* out, size_t n) {
    static const bool f16c = hasF16c();
    if (f16c) {
        fromHalfF16c(in, out, n);
        return;
    }
    for (size_t i = 0; i < n; ++i)
        out[i] = scalarFromHalf(in[i]);
}

DotProduct::Function DotProduct::best() {
    static const Function chosen = hasAvx2() ? &dotAvx2 : &dotSse;
    return chosen;
}

const char* DotProduct::bestName() {
    return best() == &dotAvx2 ? "avx2" : "sse";
}

float DotProduct::scalar(const float* a, const float* b, size_t n) {
    float total = 0.0f;
    for (size_t i = 0; i < n; ++i)
        total += a[i] * b[i];
    return total;
}

} // namespace docrag
