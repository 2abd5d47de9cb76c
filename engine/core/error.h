#pragma once

#include <QString>

namespace docrag {

enum class ErrorCode {
    InvalidArgument,
    NotFound,
    AlreadyExists,
    Io,
    Database,
    Parse,
    Unsupported,
    Encoding,
    TooLarge,
    Cancelled,
    Corrupt,
    Network,     // no connection, connection dropped
    Timeout,     // connect, total or stream-idle timeout
    RateLimited, // 429 after every retry
    Server,      // 5xx after every retry, or a malformed reply
    Auth,        // the key was refused
    ReadOnly,    // the data folder cannot be written
    Internal,
};

// An error is a value that crosses layers and threads; it never throws.
struct Error final {
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

QString errorCodeName(ErrorCode code);

} // namespace docrag
