#pragma once

#include "engine/rag/rag_engine.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QString>
#include <QTextStream>

#include <memory>
#include <optional>

namespace docrag {

// Exit codes of docrag-cli.
enum CliExit { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

// What every command gets: parsed options, the output streams and (opened on demand) the engine.
class CliContext final {
public:
    CliContext(QString command, QTextStream& out, QTextStream& err);

    // Adds the options every command takes (--data-dir, --json, --verbose, --help) and parses `args`.
    // Returns false after printing a usage error.
    bool parse(QCommandLineParser& parser, const QStringList& args, const QString& description);

    // For commands that can use a model server: --base-url, --model, --embedding-model, --dimensions,
    // --offline. Call before parse().
    void addModelOptions(QCommandLineParser& parser);
    // The server configured by those options and the environment (OPENAI_API_KEY, DOCRAG_BASE_URL or
    // OPENAI_BASE_URL, DOCRAG_CHAT_MODEL); none when offline.
    const std::optional<OpenAiConfig>& modelServer() const { return m_openai; }

    // For the commands that answer (ask, search): --no-guide. Call before parse().
    void addGuideOption(QCommandLineParser& parser);

    RagEngine* engine(); // nullptr after printing the error
    // The engine, and on a data folder without any collection the bundled user guide ingested first,
    // as the desktop does on its first start (one line on stderr says so), unless --no-guide. nullptr
    // after printing the error.
    RagEngine* engineWithGuide();
    bool json() const { return m_json; }
    bool verbose() const { return m_verbose; }
    const QString& command() const { return m_command; }

    QTextStream& out() { return m_out; }
    int fail(const QString& message);  // one line on stderr, exit 1
    int usage(const QString& message); // one line on stderr, exit 2
    int failWith(const Error& error) { return fail(error.message); }
    void printJson(const QJsonDocument& json);

    static QString resolveDataDir(const QString& fromOption);

private:
    QString m_command;
    QTextStream& m_out;
    QTextStream& m_err;
    QString m_dataDir;
    bool m_json = false;
    bool m_verbose = false;
    bool m_modelOptions = false;
    bool m_guideOption = false;
    bool m_noGuide = false;
    std::optional<OpenAiConfig> m_openai;
    std::unique_ptr<RagEngine> m_engine;
};

} // namespace docrag
