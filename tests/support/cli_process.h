#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace docrag::test {

// docrag-cli as a child process with a deadline: a run that does not end in time is a hang, and its
// threads' stacks are kept (StackDump) before it is killed.
class CliProcess final {
public:
    struct Run final {
        int exitCode = -1; // -1: did not finish in time (hung), -2: crashed
        QByteArray out;
        QByteArray err;
        qint64 elapsedMs = 0;
        QString stacks; // of a hung run

        bool hung() const { return exitCode == -1; }
        // One line for a failure message: the command, how it ended and what it said.
        QString describe(const QStringList& args) const;
    };

    // $DOCRAG_CLI, or the build tree's docrag-cli next to the test.
    static QString path();
    // `prefix` runs before the CLI (e.g. {"taskset", "-c", "0"}).
    static Run run(const QStringList& args, int timeoutMs = 60000, const QStringList& prefix = {});
};

} // namespace docrag::test
