#pragma once

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli library subscribe URL | sync [URL] | status [URL] | unsubscribe URL: this data folder's
// replicas of team libraries.
class LibraryCommand final {
public:
    static int run(CliContext& context, const QStringList& args);
};

} // namespace docrag
