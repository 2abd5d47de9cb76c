#pragma once

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli watch [NAME...]: keeps collections in step with their folders until SIGINT or SIGTERM.
class WatchCommand final {
public:
    static int run(CliContext& context, const QStringList& args);
};

} // namespace docrag
