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
    Internal,
};

// An error is a value that crosses layers and threads; it never throws.
struct Error final {
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

QString errorCodeName(ErrorCode code);

} // namespace docrag
