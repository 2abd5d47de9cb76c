#pragma once

#include "engine/core/parsed_document.h"
#include "engine/core/result.h"

#include <QByteArray>
#include <QString>

namespace docrag {

// Turns the bytes of one file into structured text with source locations.
// Implementations are stateless and called concurrently from pool threads.
// An Error with ErrorCode::Unsupported means "skip this file" (the message says why);
// any other error means the file failed.
class Loader {
public:
    virtual ~Loader() = default;
    virtual Result<ParsedDocument> load(const QString& path, const QByteArray& bytes) const = 0;
};

} // namespace docrag
