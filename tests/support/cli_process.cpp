#include "tests/support/cli_process.h"

#include "tests/support/stack_dump.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>

namespace docrag::test {

QString CliProcess::path() {
    const QString fromEnv = qEnvironmentVariable("DOCRAG_CLI");
    return fromEnv.isEmpty() ? QCoreApplication::applicationDirPath() + QStringLiteral("/../app/docrag-cli")
                             : fromEnv;
}

CliProcess::Run CliProcess::run(const QStringList& args, int timeoutMs, const QStringList& prefix) {
    QProcess p;
    QElapsedTimer clock;
    clock.start();
    if (prefix.isEmpty())
        p.start(path(), args);
    else
        p.start(prefix.front(), prefix.mid(1) + QStringList{path()} + args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        r.elapsedMs = clock.elapsed();
        StackDump::allowAttaching();
        r.stacks = StackDump::of(p.processId());
        p.kill();
        p.waitForFinished();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    r.elapsedMs = clock.elapsed();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString CliProcess::Run::describe(const QStringList& args) const {
    const QString how = exitCode == -1   ? QStringLiteral("hung (killed after %1 ms)").arg(elapsedMs)
                        : exitCode == -2 ? QStringLiteral("crashed")
                                         : QStringLiteral("exited %1").arg(exitCode);
    QString text = QStringLiteral("docrag-cli %1: %2; stderr: %3")
                       .arg(args.join(QLatin1Char(' ')), how, QString::fromUtf8(err.trimmed().left(600)));
    if (!stacks.isEmpty())
        text += QStringLiteral("\nstacks:\n") + stacks;
    return text;
}

} // namespace docrag::test
