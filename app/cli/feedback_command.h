#pragma once

#include <QStringList>

namespace docrag {

class CliContext;

// docrag-cli feedback give MESSAGE up|down|clear [--note TEXT] | report [URL]: feedback on answers, and
// what a team said of its library's answers.
class FeedbackCommand final {
public:
    static int run(CliContext& context, const QStringList& args);
};

} // namespace docrag
