#include "tests/support/random_vectors.h"

#include <cmath>
#include <random>

namespace docrag::test {

std::vector<float> randomUnitVectors(std::size_t count, int dimension, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    const auto dim = static_cast<std::size_t>(dimension);
    std::vector<float> out(count * dim);
    for (std::size_t i = 0; i < count; ++i) {
        float norm = 0;
        for (std::size_t d = 0; d < dim; ++d) {
            out[i * dim + d] = normal(rng);
            norm += out[i * dim + d] * out[i * dim + d];
        }
        for (std::size_t d = 0; d < dim; ++d)
            out[i * dim + d] /= std::sqrt(norm);
    }
    return out;
}

} // namespace docrag::test
