#pragma once

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli lookup NAME: API names by what is typed, the library's type-ahead headless; with
// --keystrokes FILE, the time of each keystroke's lookup.
class LookupCommand final {
public:
    static int run(CliContext& context, const QStringList& args);
};

} // namespace docrag
