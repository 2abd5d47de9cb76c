#include "tests/support/stack_dump.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <csignal>
#include <cstring>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace docrag::test {
namespace {

// Built before any crash: a signal handler may only call async-signal-safe functions.
char s_gdb[512];
char s_pid[32];

void onCrash(int signal) {
    static const char header[] = "\n*** crashed; every thread's stack follows (gdb) ***\n";
    (void)!::write(STDERR_FILENO, header, sizeof(header) - 1);
    const pid_t child = ::fork();
    if (child == 0) {
        ::dup2(STDERR_FILENO, STDOUT_FILENO);
        ::execl(s_gdb, s_gdb, "-p", s_pid, "-batch", "-nx", "-ex", "thread apply all bt 40",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    if (child > 0) {
        int status = 0;
        ::waitpid(child, &status, 0);
    }
    std::signal(signal, SIG_DFL);
    ::raise(signal);
}

} // namespace

void StackDump::allowAttaching() {
#ifdef PR_SET_PTRACER
    ::prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
#endif
}

void StackDump::printOnCrash() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return; // the sanitizers' own reports say more
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
    return;
#endif
#endif
    const QByteArray gdb = QFile::encodeName(QStandardPaths::findExecutable(QStringLiteral("gdb")));
    if (gdb.isEmpty() || gdb.size() >= static_cast<qsizetype>(sizeof(s_gdb)))
        return;
    std::memcpy(s_gdb, gdb.constData(), static_cast<size_t>(gdb.size()) + 1);
    const QByteArray pid = QByteArray::number(static_cast<qint64>(::getpid()));
    std::memcpy(s_pid, pid.constData(), static_cast<size_t>(pid.size()) + 1);
    allowAttaching();
    for (int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        std::signal(signal, onCrash);
}

QString StackDump::of(qint64 pid) {
    const QString gdb = QStandardPaths::findExecutable(QStringLiteral("gdb"));
    if (gdb.isEmpty())
        return QStringLiteral("(no stacks: gdb is not installed)");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(gdb, {QStringLiteral("-p"), QString::number(pid), QStringLiteral("-batch"), QStringLiteral("-nx"),
                  QStringLiteral("-ex"), QStringLiteral("thread apply all bt 30")});
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return QStringLiteral("(no stacks: gdb did not finish within 60 s)");
    }
    QString out;
    for (const QString& line : QString::fromLocal8Bit(p.readAll()).split(QLatin1Char('\n'))) {
        // The frames and thread headers; gdb's chatter about symbols is left out.
        if (line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1String("Thread ")))
            out += line + QLatin1Char('\n');
    }
    return out.isEmpty() ? QStringLiteral("(gdb could not attach to %1)").arg(pid) : out;
}

} // namespace docrag::test
