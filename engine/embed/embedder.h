#pragma once

#include "engine/core/result.h"

#include <QString>

#include <span>
#include <stop_token>

namespace docrag {

// Turns texts into L2-normalised vectors. Implementations are thread-safe.
class Embedder {
public:
    virtual ~Embedder() = default;
    // Names the model and its version: vectors of different ids never mix in one index.
    virtual QString id() const = 0;
    virtual int dimension() const = 0;
    // True when embedding goes over the network: callers then run many embed() calls at once.
    virtual bool isRemote() const { return false; }
    // Writes texts.size() * dimension() floats to `out`.
    virtual Status embed(std::span<const QString> texts, std::span<float> out,
                         std::stop_token stop = {}) const = 0;
};

} // namespace docrag
