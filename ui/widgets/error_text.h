#pragma once

#include "engine/core/error.h"

#include <QCoreApplication>
#include <QString>

namespace docrag {

// What the window says about an engine error, in the user's language. The engine's own message names the
// technical particulars (a path, a server's reply, an SQLite error) in English; the window leads with a
// translated sentence chosen by the error's code and keeps those particulars as details.
class ErrorText final {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    // One sentence for the code: "The model server could not be reached."
    static QString summary(ErrorCode code);
    // The summary followed by the engine's message as details.
    static QString of(const Error& error);
};

} // namespace docrag
