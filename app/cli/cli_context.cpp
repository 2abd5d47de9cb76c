#include "app/cli/cli_context.h"

#include "engine/core/logging.h"

#include <QDir>
#include <QStandardPaths>

namespace docrag {

CliContext::CliContext(QString command, QTextStream& out, QTextStream& err)
    : m_command(std::move(command))
    , m_out(out)
    , m_err(err) {}

QString CliContext::resolveDataDir(const QString& fromOption) {
    if (!fromOption.isEmpty())
        return fromOption;
    const QString fromEnv = qEnvironmentVariable("DOCRAG_DATA_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool CliContext::parse(QCommandLineParser& parser, const QStringList& args, const QString& description) {
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({QStringLiteral("data-dir"),
                      QStringLiteral("Data directory (default: $DOCRAG_DATA_DIR or the "
                                     "user's application data folder)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print results as JSON.")});
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("Print more detail.")});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    if (!parser.parse(args)) {
        usage(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText().replace(QStringLiteral("[options]"),
                                           m_command + QStringLiteral(" [options]"));
        m_out.flush();
        return false;
    }
    m_json = parser.isSet(QStringLiteral("json"));
    m_verbose = parser.isSet(QStringLiteral("verbose"));
    m_dataDir = resolveDataDir(parser.value(QStringLiteral("data-dir")));
    return true;
}

RagEngine* CliContext::engine() {
    if (m_engine)
        return m_engine.get();
    if (m_dataDir.isEmpty()) {
        fail(QStringLiteral("no data directory: use --data-dir or DOCRAG_DATA_DIR"));
        return nullptr;
    }
    Logging::init(QDir(m_dataDir).filePath(QStringLiteral("logs")), m_verbose);
    EngineOptions options;
    options.dataDir = m_dataDir;
    auto engine = RagEngine::open(options);
    if (!engine) {
        failWith(engine.error());
        return nullptr;
    }
    m_engine = std::move(*engine);
    return m_engine.get();
}

int CliContext::fail(const QString& message) {
    m_out.flush();
    m_err << "docrag-cli " << m_command << ": " << message << '\n';
    m_err.flush();
    return kExitFailure;
}

int CliContext::usage(const QString& message) {
    m_out.flush();
    m_err << "docrag-cli " << m_command << ": " << message << " (see docrag-cli " << m_command
          << " --help)\n";
    m_err.flush();
    return kExitUsage;
}

void CliContext::printJson(const QJsonDocument& json) {
    m_out << json.toJson(QJsonDocument::Indented);
    m_out.flush();
}

} // namespace docrag
