#include "engine/core/error.h"

namespace docrag {

QString errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::AlreadyExists:
        return QStringLiteral("already_exists");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Database:
        return QStringLiteral("database");
    case ErrorCode::Parse:
        return QStringLiteral("parse");
    case ErrorCode::Unsupported:
        return QStringLiteral("unsupported");
    case ErrorCode::Encoding:
        return QStringLiteral("encoding");
    case ErrorCode::TooLarge:
        return QStringLiteral("too_large");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Corrupt:
        return QStringLiteral("corrupt");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Timeout:
        return QStringLiteral("timeout");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorCode::Server:
        return QStringLiteral("server");
    case ErrorCode::Auth:
        return QStringLiteral("auth");
    case ErrorCode::ReadOnly:
        return QStringLiteral("read_only");
    case ErrorCode::Internal:
        break;
    }
    return QStringLiteral("internal");
}

} // namespace docrag
