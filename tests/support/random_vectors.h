#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace docrag::test {

// `count` vectors of `dimension` normal random components, each scaled to length 1, one after the other;
// the same for the same seed.
std::vector<float> randomUnitVectors(std::size_t count, int dimension, unsigned seed);

// Vector `i` of such a list.
inline std::span<const float> vectorAt(const std::vector<float>& all, int dimension, std::size_t i) {
    return std::span(all).subspan(i * static_cast<std::size_t>(dimension),
                                  static_cast<std::size_t>(dimension));
}

} // namespace docrag::test
