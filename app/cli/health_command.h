#pragma once

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli health [--json] [--timeout MS]: the engine's health checks; exit 1 when one fails.
class HealthCommand final {
public:
    static int run(CliContext& context, const QStringList& args);
};

} // namespace docrag
