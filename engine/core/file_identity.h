#pragma once

#include <QString>

namespace docrag {

// What tells one version of a file from another without reading it: device, inode, size and
// modification time to the nanosecond. A rename brings another inode and a write another time, so a
// checksum verified for one identity holds for as long as the file keeps it. A rewrite in place to the
// same size within one tick of the file system's clock is the gap: checks that must see every byte
// (`docrag-cli health`) read the file instead.
class FileIdentity final {
public:
    // Of the open file `fd`; empty when it cannot be read.
    static QString of(int fd);
};

} // namespace docrag
