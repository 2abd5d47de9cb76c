#pragma once

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli ask QUESTION: an answer with citations, remembered in the history.
class AskCommand final {
public:
    static int run(CliContext& context, const QStringList& args);
};

} // namespace docrag
