#include "app/cli/health_command.h"

#include "app/cli/cli_context.h"
#include "engine/metrics/health_check.h"
#include "engine/rag/rag_engine.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace docrag {

int HealthCommand::run(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("How long the model server may take to answer, in ms (default 2000)."),
                      QStringLiteral("MS"), QStringLiteral("2000")});
    context.addModelOptions(parser);
    if (!context.parse(
            parser, args,
            QStringLiteral("Check the database, the vector indexes, the embedder, the model server "
                           "and the disk. Exits with 1 when a check fails.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    if (!parser.positionalArguments().isEmpty())
        return context.usage(QStringLiteral("health takes no arguments"));
    bool ok = false;
    const int timeout = parser.value(QStringLiteral("timeout")).toInt(&ok);
    if (!ok || timeout < 10 || timeout > 120000)
        return context.usage(QStringLiteral("--timeout takes a number of milliseconds from 10 to 120000"));
    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    const HealthReport report = HealthCheck::run(engine->healthSubject(), timeout);
    if (context.json()) {
        context.printJson(QJsonDocument(report.toJson()));
    } else {
        QTextStream& out = context.out();
        for (const HealthCheckResult& c : report.checks) {
            out << qSetFieldWidth(8) << Qt::left << HealthCheckResult::stateName(c.state)
                << qSetFieldWidth(16) << c.name << qSetFieldWidth(0)
                << QString::number(c.latencyMs, 'f', 1).rightJustified(7) << " ms  " << c.detail << '\n';
        }
        out << (report.ok() ? "healthy" : "UNHEALTHY") << " (" << QString::number(report.elapsedMs, 'f', 1)
            << " ms)\n";
    }
    return report.ok() ? kExitOk : kExitFailure;
}

} // namespace docrag
