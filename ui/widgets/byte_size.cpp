#include "ui/widgets/byte_size.h"

#include <QLocale>

namespace docrag {

double ByteSize::megabytes(qint64 bytes) {
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

QString ByteSize::text(qint64 bytes) {
    const QLocale locale;
    if (bytes > 0 && bytes < 1024 * 1024)
        return tr("%1 KiB").arg(locale.toString((bytes + 1023) / 1024));
    const double mb = megabytes(bytes);
    if (mb >= 1024.0)
        return tr("%1 GiB").arg(locale.toString(mb / 1024.0, 'f', 1));
    return tr("%1 MiB").arg(locale.toString(mb, 'f', mb > 0.0 && mb < 10.0 ? 1 : 0));
}

QString ByteSize::mebibyteSuffix() {
    return tr(" MiB");
}

} // namespace docrag
