#include "app/cli/cli_context.h"

#include "engine/core/install_paths.h"
#include "engine/core/logging.h"
#include "engine/rag/guide_collection.h"

#include <QDir>
#include <QStandardPaths>

#include <tuple>

namespace docrag {
namespace {

// Returns an error message, empty when the options are valid.
QString readModelOptions(const QCommandLineParser& parser, std::optional<OpenAiConfig>& out) {
    out.reset();
    if (parser.isSet(QStringLiteral("offline")))
        return {};
    QString baseUrl = parser.value(QStringLiteral("base-url"));
    for (const char* variable : {"DOCRAG_BASE_URL", "OPENAI_BASE_URL"}) {
        if (baseUrl.isEmpty())
            baseUrl = qEnvironmentVariable(variable);
    }
    const QString key = qEnvironmentVariable("OPENAI_API_KEY");
    if (baseUrl.isEmpty() && key.isEmpty())
        return {};
    OpenAiConfig config;
    if (!baseUrl.isEmpty()) {
        const auto url = OpenAiConfig::parseBaseUrl(baseUrl);
        if (!url)
            return QStringLiteral("--base-url needs an http:// or https:// URL, not \"%1\"").arg(baseUrl);
        config.baseUrl = *url;
    }
    config.apiKey = key;
    config.plainHttpKeyHosts = OpenAiConfig::plainHttpKeyHostsFromEnvironment();
    QString model = parser.value(QStringLiteral("model"));
    if (model.isEmpty())
        model = qEnvironmentVariable("DOCRAG_CHAT_MODEL");
    if (!model.isEmpty())
        config.chatModel = model;
    if (parser.isSet(QStringLiteral("embedding-model")))
        config.embeddingModel = parser.value(QStringLiteral("embedding-model"));
    if (parser.isSet(QStringLiteral("dimensions"))) {
        bool ok = false;
        config.embeddingDimensions = parser.value(QStringLiteral("dimensions")).toInt(&ok);
        if (!ok || config.embeddingDimensions < 8 || config.embeddingDimensions > 8192)
            return QStringLiteral("--dimensions takes a number from 8 to 8192");
    }
    if (parser.isSet(QStringLiteral("deadline"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("deadline")).toDouble(&ok);
        if (!ok || seconds < 1 || seconds > 3600)
            return QStringLiteral("--deadline takes a number of seconds from 1 to 3600");
        config.answerDeadlineMs = static_cast<int>(seconds * 1000);
    }
    for (const auto& [option, target, most] :
         {std::tuple{"max-in-flight", &config.maxInFlight, 64},
          std::tuple{"embedding-batch", &config.embeddingBatchInputs, 2048}}) {
        if (!parser.isSet(QLatin1String(option)))
            continue;
        bool ok = false;
        *target = parser.value(QLatin1String(option)).toInt(&ok);
        if (!ok || *target < 1 || *target > most)
            return QStringLiteral("--%1 takes a number from 1 to %2").arg(QLatin1String(option)).arg(most);
    }
    out = config;
    return {};
}

} // namespace

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

void CliContext::addModelOptions(QCommandLineParser& parser) {
    m_modelOptions = true;
    parser.addOption(
        {QStringLiteral("base-url"),
         QStringLiteral("OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1 (default: "
                        "$DOCRAG_BASE_URL, $OPENAI_BASE_URL, or OpenAI when $OPENAI_API_KEY is set)."),
         QStringLiteral("url")});
    parser.addOption({QStringLiteral("model"),
                      QStringLiteral("Chat model (default: $DOCRAG_CHAT_MODEL or gpt-4o-mini)."),
                      QStringLiteral("name")});
    parser.addOption(
        {QStringLiteral("embedding-model"),
         QStringLiteral("Embedding model for --embedder openai (default text-embedding-3-small)."),
         QStringLiteral("name")});
    parser.addOption({QStringLiteral("max-in-flight"),
                      QStringLiteral("Requests to the server at once (default 4)."), QStringLiteral("n")});
    parser.addOption({QStringLiteral("embedding-batch"),
                      QStringLiteral("Most texts per embedding request (default and maximum 2048)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("dimensions"), QStringLiteral("Embedding dimensions (default 512)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("deadline"),
                      QStringLiteral("Most seconds one answer may take, retries included (default 60)."),
                      QStringLiteral("seconds")});
    parser.addOption(
        {QStringLiteral("offline"), QStringLiteral("Use no model server, whatever the environment says.")});
}

void CliContext::addGuideOption(QCommandLineParser& parser) {
    m_guideOption = true;
    parser.addOption({QStringLiteral("no-guide"),
                      QStringLiteral("Do not add the bundled user guide to a data directory that has no "
                                     "collections yet.")});
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
    m_noGuide = m_guideOption && parser.isSet(QStringLiteral("no-guide"));
    if (m_modelOptions) {
        if (const QString bad = readModelOptions(parser, m_openai); !bad.isEmpty()) {
            usage(bad);
            return false;
        }
    }
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
    options.openai = m_openai;
    auto engine = RagEngine::open(options);
    if (!engine) {
        failWith(engine.error());
        return nullptr;
    }
    m_engine = std::move(*engine);
    return m_engine.get();
}

RagEngine* CliContext::engineWithGuide() {
    RagEngine* opened = engine();
    if (!opened || m_noGuide)
        return opened;
    const QString guide = InstallPaths::guideDir();
    const auto added = GuideCollection::ingestIfEmpty(*opened, guide, [this, &guide] {
        m_err << "docrag-cli " << m_command << ": no collections yet: adding the user guide (" << guide
              << ") as \"" << GuideCollection::name() << "\"\n";
        m_err.flush();
    });
    if (!added) {
        fail(QStringLiteral("cannot add the user guide: %1").arg(added.error().message));
        return nullptr;
    }
    return opened;
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
