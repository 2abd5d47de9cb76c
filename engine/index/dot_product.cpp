#include "engine/index/dot_product.h"

#include <immintrin.h>

namespace docrag {
namespace {

__attribute__((target("avx2,fma"))) float dotAvx2(const float* a, const float* b, size_t n) {
    __m256 acc0 = _mm256_setzero_ps();
    __m256 acc1 = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
        acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), acc1);
    }
    acc0 = _mm256_add_ps(acc0, acc1);
    __m128 sum = _mm_add_ps(_mm256_castps256_ps128(acc0), _mm256_extractf128_ps(acc0, 1));
    sum = _mm_hadd_ps(sum, sum);
    sum = _mm_hadd_ps(sum, sum);
    float total = _mm_cvtss_f32(sum);
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

} // namespace

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
