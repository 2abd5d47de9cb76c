#include "ui/widgets/error_text.h"

namespace docrag {

QString ErrorText::summary(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return tr("The request is not valid.");
    case ErrorCode::NotFound:
        return tr("It was not found.");
    case ErrorCode::AlreadyExists:
        return tr("It exists already.");
    case ErrorCode::Io:
        return tr("A file could not be read or written.");
    case ErrorCode::Database:
        return tr("The database reported an error.");
    case ErrorCode::Parse:
        return tr("The document could not be parsed.");
    case ErrorCode::Unsupported:
        return tr("This is not supported.");
    case ErrorCode::Encoding:
        return tr("The text encoding could not be read.");
    case ErrorCode::TooLarge:
        return tr("It is larger than the limit.");
    case ErrorCode::Cancelled:
        return tr("It was cancelled.");
    case ErrorCode::Corrupt:
        return tr("The stored data is damaged.");
    case ErrorCode::Network:
        return tr("The model server could not be reached.");
    case ErrorCode::Timeout:
        return tr("The model server did not answer in time.");
    case ErrorCode::RateLimited:
        return tr("The model server refused more requests for now (rate limit).");
    case ErrorCode::Server:
        return tr("The model server failed to answer.");
    case ErrorCode::Auth:
        return tr("The model server refused the API key.");
    case ErrorCode::ReadOnly:
        return tr("The data folder cannot be written.");
    case ErrorCode::Internal:
        break;
    }
    return tr("Something went wrong inside DocRag.");
}

QString ErrorText::of(const Error& error) {
    if (error.message.isEmpty())
        return summary(error.code);
    return tr("%1 Details: %2").arg(summary(error.code), error.message);
}

} // namespace docrag
