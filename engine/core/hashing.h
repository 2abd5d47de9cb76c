#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

class QIODevice;

namespace docrag {

// xxHash wrappers: stable across runs, machines and versions (XXH3 is frozen since 0.8).
class Hashing final {
public:
    static quint64 xxh3(QByteArrayView bytes, quint64 seed = 0);
    // Hashes the UTF-16 code units, so equal strings hash equally without a conversion.
    static quint64 xxh3(QStringView text, quint64 seed = 0);
    // Streams what is left of `device` in 1 MB pieces; nullopt when a read fails.
    static std::optional<quint64> xxh3(QIODevice& device);
    static QString toHex(quint64 hash);
};

} // namespace docrag
