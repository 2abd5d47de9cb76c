#include "tests/support/stack_dump.h"

#include <QProcess>
#include <QStandardPaths>

#include <sys/prctl.h>

namespace docrag::test {

void StackDump::allowAttaching() {
#ifdef PR_SET_PTRACER
    ::prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
#endif
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
