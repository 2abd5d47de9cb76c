#include "ui/widgets/byte_size.h"

#include <QLocale>

namespace docrag {

double ByteSize::megabytes(qint64 bytes) {
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

QString ByteSize::text(qint64 bytes) {
    if (bytes > 0 && bytes < 1024 * 1024)
        return QStringLiteral("%1 KB").arg(QLocale().toString((bytes + 1023) / 1024));
    const double mb = megabytes(bytes);
    return QStringLiteral("%1 MB").arg(QLocale().toString(mb, 'f', mb > 0.0 && mb < 10.0 ? 1 : 0));
}

} // namespace docrag
