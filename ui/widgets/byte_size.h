#pragma once

#include <QCoreApplication>
#include <QString>

namespace docrag {

// Sizes as the window shows them, one convention everywhere: binary units (KiB, MiB, GiB, as the limits
// and the memory figures are counted), numbers in the user's locale, unit names translated.
class ByteSize final {
    Q_DECLARE_TR_FUNCTIONS(ByteSize)

public:
    static double megabytes(qint64 bytes); // MiB
    // "3.4 MiB", "120 MiB", "1.2 GiB"; below a mebibyte "12 KiB", so that a fresh index does not read as
    // empty.
    static QString text(qint64 bytes);
    // The suffix of a spin box that counts mebibytes: " MiB".
    static QString mebibyteSuffix();
};

} // namespace docrag
