#include "engine/core/hashing.h"

#include <QIODevice>

#include <bit>
#include <xxhash.h>

namespace docrag {

// Hashing QStringView hashes UTF-16 code units as they lie in memory; pinning the byte order
// keeps hashes (and so the built-in embedder) identical on every machine we build for.
static_assert(std::endian::native == std::endian::little, "hashes of UTF-16 text assume little-endian");

quint64 Hashing::xxh3(QByteArrayView bytes, quint64 seed) {
    return XXH3_64bits_withSeed(bytes.data(), static_cast<size_t>(bytes.size()), seed);
}

quint64 Hashing::xxh3(QStringView text, quint64 seed) {
    return XXH3_64bits_withSeed(text.data(), static_cast<size_t>(text.size()) * sizeof(QChar), seed);
}

std::optional<quint64> Hashing::xxh3(QIODevice& device) {
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = device.read(buffer.data(), buffer.size())) > 0)
        XXH3_64bits_update(state, buffer.constData(), static_cast<size_t>(n));
    const quint64 hash = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    if (n < 0)
        return std::nullopt;
    return hash;
}

QString Hashing::toHex(quint64 hash) {
    return QStringLiteral("%1").arg(hash, 16, 16, QLatin1Char('0'));
}

} // namespace docrag
