#pragma once

#include <QString>

namespace docrag {

// Sizes as the window shows them, the same in the status bar and on the dashboard.
class ByteSize final {
public:
    static double megabytes(qint64 bytes); // MiB
    // "3.4 MB", "120 MB"; below a megabyte "12 KB", so that a fresh index does not read as empty.
    static QString text(qint64 bytes);
};

} // namespace docrag
