#pragma once

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli history [ID]: the conversations, or the messages of one.
class HistoryCommand final {
public:
    static int run(CliContext& context, const QStringList& args);
};

} // namespace docrag
