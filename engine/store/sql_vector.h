#pragma once

#include <QByteArray>

#include <span>

namespace docrag {

// Vectors are stored as BLOBs of native float32, in the embeddings table and the embedding cache alike.
inline QByteArray vectorBlob(std::span<const float> v) {
    return QByteArray(reinterpret_cast<const char*>(v.data()), static_cast<qsizetype>(v.size_bytes()));
}

// A view into the blob: valid while the blob lives.
inline std::span<const float> blobVector(const QByteArray& blob) {
    return {reinterpret_cast<const float*>(blob.constData()),
            static_cast<size_t>(blob.size()) / sizeof(float)};
}

} // namespace docrag
