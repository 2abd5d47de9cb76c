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
};

} // namespace docrag::test
