#include "engine/core/file_identity.h"

#include <sys/stat.h>

namespace docrag {

QString FileIdentity::of(int fd) {
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0)
        return {};
    return QStringLiteral("%1:%2:%3:%4.%5")
        .arg(st.st_dev)
        .arg(st.st_ino)
        .arg(st.st_size)
        .arg(st.st_mtim.tv_sec)
        .arg(st.st_mtim.tv_nsec, 9, 10, QLatin1Char('0'));
}

} // namespace docrag
