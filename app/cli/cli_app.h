#pragma once

#include <QStringList>

namespace docrag {

// Finds the command in the arguments and runs it. Returns the process exit code.
class CliApp final {
public:
    static int run(const QStringList& arguments);
};

} // namespace docrag
