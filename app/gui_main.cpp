// docrag: the desktop application. Creates the engine and the main window and wires them; nothing else.
#include "engine/core/install_paths.h"
#include "engine/core/logging.h"
#include "engine/core/process_memory.h"
#include "engine/rag/library_syncer.h"
#include "engine/rag/live_collections.h"
#include "engine/rag/rag_engine.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/interface_language.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace docrag;

namespace {

// The same environment the command line reads, so that both talk to the same server.
std::optional<OpenAiConfig> modelServerFromEnvironment() {
    QString baseUrl = qEnvironmentVariable("DOCRAG_BASE_URL");
    if (baseUrl.isEmpty())
        baseUrl = qEnvironmentVariable("OPENAI_BASE_URL");
    const QString key = qEnvironmentVariable("OPENAI_API_KEY");
    if (baseUrl.isEmpty() && key.isEmpty())
        return std::nullopt;
    OpenAiConfig config;
    if (!baseUrl.isEmpty()) {
        const auto url = OpenAiConfig::parseBaseUrl(baseUrl);
        if (!url) {
            // As docrag-cli would refuse it: better no server than requests to a malformed address.
            std::fprintf(stderr,
                         "docrag: ignoring the base URL \"%s\": it is not an http:// or https:// URL\n",
                         qPrintable(baseUrl));
            return std::nullopt;
        }
        config.baseUrl = *url;
    }
    config.apiKey = key;
    if (const QString model = qEnvironmentVariable("DOCRAG_CHAT_MODEL"); !model.isEmpty())
        config.chatModel = model;
    return config;
}

} // namespace

int main(int argc, char** argv) {
    QElapsedTimer launched;
    launched.start();
    docrag::ProcessMemory::configure();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("docrag"));
    QApplication::setOrganizationName(QStringLiteral("DocRag"));
    QApplication::setApplicationDisplayName(QStringLiteral("DocRag"));
    QApplication::setApplicationVersion(QStringLiteral(DOCRAG_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("DocRag: grounded, cited answers about your documentation."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Data directory (default: $DOCRAG_DATA_DIR or the "
                                                    "platform's application data folder)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption offline(QStringLiteral("offline"),
                                     QStringLiteral("Never contact a model server."));
    const QCommandLineOption noGuide(QStringLiteral("no-guide"),
                                     QStringLiteral("Do not ingest the bundled user guide on start."));
    const QCommandLineOption shownTime(
        QStringLiteral("print-shown-time"),
        QStringLiteral("For benchmarks: print the time (ms since the epoch) when "
                       "the window is first on screen, then quit."));
    parser.addOptions({dataDir, offline, noGuide, shownTime});
    parser.process(app);

    EngineOptions options;
    options.dataDir = parser.value(dataDir);
    if (options.dataDir.isEmpty())
        options.dataDir = qEnvironmentVariable("DOCRAG_DATA_DIR");
    if (options.dataDir.isEmpty())
        options.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QSettings stored;
    const AppSettings settings = AppSettings::load(stored);
    InterfaceLanguage::install(app, settings.language);
    options.chunker.targetTokens = settings.chunkTokens;
    options.chunker.maxTokens = std::max(options.chunker.maxTokens, 2 * settings.chunkTokens);
    // The environment wins, as for docrag-cli; otherwise the saved settings, whose key comes from the
    // keychain once it answers (loadStoredKey below).
    const std::optional<OpenAiConfig> environment =
        parser.isSet(offline) ? std::nullopt : modelServerFromEnvironment();
    const bool fromEnvironment = environment.has_value();
    if (fromEnvironment)
        options.openai = environment;
    else if (!parser.isSet(offline))
        options.openai = settings.modelServer(QString());
    Logging::init(QDir(options.dataDir).filePath(QStringLiteral("logs")));
    auto engine = RagEngine::open(options);
    if (!engine) {
        std::fprintf(stderr, "docrag: %s\n", qPrintable(engine.error().message));
        QMessageBox::critical(nullptr, QStringLiteral("DocRag"),
                              QCoreApplication::translate("main", "DocRag cannot open its data:\n%1")
                                  .arg(engine.error().message));
        return 1;
    }

    // Collections kept in sync are followed from a thread of their own: their folders' events, the
    // scans they need and the waits for their ingests never touch the window's thread.
    QThread liveThread;
    liveThread.setObjectName(QStringLiteral("live-collections"));
    auto* live = new LiveCollections(**engine);
    live->moveToThread(&liveThread);
    QObject::connect(&liveThread, &QThread::finished, live, &QObject::deleteLater);
    liveThread.start();

    MainWindow window(**engine);
    window.show();
    QTimer::singleShot(0, &window, [&launched, &window, print = parser.isSet(shownTime)] {
        Logging::get("docrag.ui")->info("main window shown {} ms after main()", launched.elapsed());
        if (print) {
            std::printf("%lld\n", static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            std::fflush(stdout);
            window.close();
        }
    });
    if (!fromEnvironment && !parser.isSet(offline) && !parser.isSet(shownTime))
        window.loadStoredKey();
    if (!parser.isSet(noGuide) && !parser.isSet(shownTime)) {
        if (const QString guide = InstallPaths::guideDir(); !guide.isEmpty())
            window.ensureGuide(guide);
        else
            Logging::get("docrag.ui")->warn("no user guide in {}", InstallPaths::dataDir());
    }
    // Team libraries' replicas are synced on start and every few minutes (on the engine's long pool).
    LibrarySyncer librarySyncer(**engine);
    if (!parser.isSet(shownTime)) {
        window.setLiveCollections(live);
        window.setLibrarySyncer(&librarySyncer);
    }
    const int code = QApplication::exec();
    // Before the engine goes: a sync still running is cancelled at its next file.
    liveThread.quit();
    liveThread.wait();
    librarySyncer.stop(); // its destructor waits for a running sync to stop at its next file
    return code;
}
