#pragma once

#include <QString>

namespace docrag::test {

// Every thread's stack of a running process, through gdb (what a watchdog prints when something
// stalls). An explanation instead when gdb is missing or may not attach.
class StackDump final {
public:
    static QString of(qint64 pid);
    // Lets a child process (gdb) attach to this one where Yama allows only ancestors to.
    static void allowAttaching();
    // On a crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL), prints every thread's stack to stderr through gdb
    // before the process dies of the signal as it would have: a crash that happens once in many runs
    // leaves its evidence in the CI log.
    static void printOnCrash();
};

} // namespace docrag::test
