#pragma once

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli collections | remove NAME | stats: what is stored, and taking it away.
class InfoCommands final {
public:
    static int collections(CliContext& context, const QStringList& args);
    static int remove(CliContext& context, const QStringList& args);
    static int stats(CliContext& context, const QStringList& args);
};

} // namespace docrag
