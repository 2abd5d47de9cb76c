#include "app/cli/ingest_command.h"

#include "app/cli/cli_context.h"
#include "app/cli/cli_json.h"
#include "engine/llm/openai_client.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <atomic>
#include <csignal>
#include <thread>
#include <unistd.h>

namespace docrag {
namespace {

volatile std::sig_atomic_t s_interrupted = 0;

// The first Ctrl+C stops the ingest cleanly; a second one ends the process at once.
void onInterrupt(int signal) {
    s_interrupted = 1;
    std::signal(signal, SIG_DFL);
}

QString humanBytes(double bytes) {
    if (bytes >= 1024.0 * 1024.0)
        return QString::number(bytes / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
    if (bytes >= 1024.0)
        return QString::number(bytes / 1024.0, 'f', 1) + QStringLiteral(" KB");
    return QString::number(static_cast<qint64>(bytes)) + QStringLiteral(" B");
}

QString elided(const QString& path, int width) {
    return path.size() <= width ? path : QStringLiteral("…") + path.right(width - 1);
}

// A single status line on a terminal, rewritten at most ten times a second.
class ProgressLine final {
public:
    explicit ProgressLine(bool enabled)
        : m_enabled(enabled) {
        m_timer.start();
    }
    void update(const IngestProgress& p, bool force) {
        if (!m_enabled || (!force && m_timer.elapsed() < 100))
            return;
        m_timer.restart();
        const int percent = p.bytesTotal > 0 ? static_cast<int>(100 * p.bytesDone / p.bytesTotal) : 100;
        const QString eta =
            p.etaMs >= 0 ? QStringLiteral("ETA %1 s").arg((p.etaMs + 999) / 1000) : QStringLiteral("ETA ?");
        const QString line = QStringLiteral("[%1/%2] %3%  %4/s  %5 chunks  %6  %7")
                                 .arg(p.filesDone)
                                 .arg(p.filesTotal)
                                 .arg(percent)
                                 .arg(humanBytes(p.bytesPerSecond))
                                 .arg(p.chunks)
                                 .arg(eta, elided(QFileInfo(p.currentFile).fileName(), 40));
        fprintf(stderr, "\r\033[K%s", line.toLocal8Bit().constData());
        fflush(stderr);
        m_shown = true;
    }
    void clear() {
        if (m_shown)
            fprintf(stderr, "\r\033[K");
        m_shown = false;
    }

private:
    bool m_enabled;
    bool m_shown = false;
    QElapsedTimer m_timer;
};

// The caps an ingest applies to each file: what is given replaces the default (or the stored request's).
QString readLimits(const QCommandLineParser& parser, IngestLimits& limits) {
    const auto positive = [&](const char* name, qint64 most, qint64& out) -> QString {
        if (!parser.isSet(QLatin1String(name)))
            return {};
        bool ok = false;
        const qint64 value = parser.value(QLatin1String(name)).toLongLong(&ok);
        if (!ok || value <= 0 || value > most)
            return QStringLiteral("--%1 takes a whole number from 1 to %2")
                .arg(QLatin1String(name))
                .arg(most);
        out = value;
        return {};
    };
    qint64 passages = limits.maxPassagesPerFile;
    qint64 blockChars = limits.maxBlockChars;
    qint64 depth = limits.maxHtmlDepth;
    qint64 budgetMb = limits.memoryBudgetBytes / (1024 * 1024);
    for (const QString& bad :
         {positive("max-passages", 10000000, passages), positive("max-block-chars", 1 << 30, blockChars),
          positive("max-html-depth", 100000, depth), positive("memory-budget", 1 << 20, budgetMb)}) {
        if (!bad.isEmpty())
            return bad;
    }
    limits.maxPassagesPerFile = static_cast<int>(passages);
    limits.maxBlockChars = static_cast<int>(blockChars);
    limits.maxHtmlDepth = static_cast<int>(depth);
    limits.memoryBudgetBytes = budgetMb * 1024 * 1024;
    return {};
}

} // namespace

int IngestCommand::run(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Folders or files to ingest."),
                                 QStringLiteral("PATH..."));
    parser.addOption({QStringLiteral("collection"), QStringLiteral("Collection to create or update."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("doc-type"),
                      QStringLiteral("Kind of documentation (python, react, ...)."), QStringLiteral("type")});
    parser.addOption({QStringLiteral("embedder"),
                      QStringLiteral("local (offline; the default for a new collection) or openai (through "
                                     "--base-url or OPENAI_API_KEY). Default: the collection's."),
                      QStringLiteral("name")});
    context.addModelOptions(parser);
    parser.addOption({QStringLiteral("max-file-size"),
                      QStringLiteral("Skip files larger than this (MB, default 64)."), QStringLiteral("MB")});
    parser.addOption({QStringLiteral("max-passages"),
                      QStringLiteral("Index at most this many passages of one file (default 10000)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-block-chars"),
                      QStringLiteral("Split paragraphs and code blocks longer than this (characters, "
                                     "default 1048576)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-html-depth"),
                      QStringLiteral("Flatten HTML nested deeper than this (default 256)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("memory-budget"),
                      QStringLiteral("Memory the files being read together may take (MB, default 512); a "
                                     "file that alone would need more is skipped."),
                      QStringLiteral("MB")});
    parser.addOption({QStringLiteral("exclude"),
                      QStringLiteral("Ignore files matching this gitignore-style pattern "
                                     "(repeatable)."),
                      QStringLiteral("pattern")});
    parser.addOption({QStringLiteral("no-default-excludes"),
                      QStringLiteral("Also ingest hidden files, build and dependency folders.")});
    parser.addOption(
        {QStringLiteral("library"),
         QStringLiteral("Also share the collection in this team library (postgresql://USER@HOST/DB; "
                        "the password from ~/.pgpass or PGPASSWORD)."),
         QStringLiteral("url")});
    parser.addOption({QStringLiteral("resume"),
                      QStringLiteral("Run the collection's interrupted ingest again, as it was asked for "
                                     "(no PATH needed); what was stored is kept.")});
    if (!context.parse(parser, args, QStringLiteral("Ingest folders or files into a collection.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;

    const bool resume = parser.isSet(QStringLiteral("resume"));
    IngestRequest request;
    request.paths = parser.positionalArguments();
    request.collection = parser.value(QStringLiteral("collection"));
    request.docType = parser.value(QStringLiteral("doc-type"));
    if (resume) {
        if (request.collection.isEmpty())
            return context.usage(QStringLiteral("--resume needs --collection NAME"));
        if (!request.paths.isEmpty())
            return context.usage(QStringLiteral("--resume takes no PATH: it runs the stored request again"));
        RagEngine* engine = context.engine();
        if (!engine)
            return kExitFailure;
        auto stored = engine->resumeRequest(request.collection);
        if (!stored)
            return context.failWith(stored.error());
        request = *stored;
    }
    if (request.paths.isEmpty())
        return context.usage(QStringLiteral("give at least one folder or file to ingest"));
    if (request.collection.isEmpty())
        return context.usage(QStringLiteral("--collection NAME is required"));
    if (!resume)
        request.embedder = parser.value(QStringLiteral("embedder"));
    if (!request.embedder.isEmpty() && request.embedder != QLatin1String("local") &&
        request.embedder != QLatin1String("openai"))
        return context.usage(
            QStringLiteral("unknown embedder \"%1\" (local or openai)").arg(request.embedder));
    if (request.embedder == QLatin1String("openai") && !context.modelServer())
        return context.usage(
            QStringLiteral("--embedder openai needs a server: set OPENAI_API_KEY or --base-url"));
    if (parser.isSet(QStringLiteral("max-file-size"))) {
        bool ok = false;
        const double mb = parser.value(QStringLiteral("max-file-size")).toDouble(&ok);
        if (!ok || mb <= 0)
            return context.usage(QStringLiteral("--max-file-size takes a positive number of megabytes"));
        request.limits.maxFileBytes = static_cast<qint64>(mb * 1024 * 1024);
    }
    if (const QString bad = readLimits(parser, request.limits); !bad.isEmpty())
        return context.usage(bad);
    if (parser.isSet(QStringLiteral("library")))
        request.library = parser.value(QStringLiteral("library"));
    if (!resume) {
        request.scan.extraExcludes = parser.values(QStringLiteral("exclude"));
        request.scan.useDefaultExcludes = !parser.isSet(QStringLiteral("no-default-excludes"));
    }

    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;

    // Ctrl+C asks the pipeline to stop; whatever is committed stays, and the next run resumes.
    std::stop_source stop;
    s_interrupted = 0;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    std::atomic_bool finished = false;
    std::thread watcher([&] {
        while (!finished.load()) {
            if (s_interrupted)
                stop.request_stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });

    QTextStream& out = context.out();
    ProgressLine line(!context.json() && isatty(STDERR_FILENO));
    auto report =
        engine->ingest(request, stop.get_token(), [&](const IngestProgress& p, const FileReport* file) {
            if (file && !context.json() &&
                (context.verbose() || !file->detail.isEmpty() ||
                 (file->outcome != FileOutcome::Indexed && file->outcome != FileOutcome::Unchanged))) {
                line.clear();
                out << fileOutcomeName(file->outcome).leftJustified(10) << file->path;
                if (file->chunks > 0)
                    out << "  (" << file->chunks << " chunks)";
                if (!file->detail.isEmpty())
                    out << "  " << file->detail;
                out << Qt::endl;
            }
            line.update(p, file == nullptr);
        });
    finished = true;
    watcher.join();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    line.clear();
    if (!report)
        return context.failWith(report.error());

    const IngestReport& r = *report;
    const OpenAiClient* server = engine->openAiClient();
    if (context.json()) {
        QJsonObject json = CliJson::ingestReport(r, true);
        if (server) {
            json.insert(QStringLiteral("model_server"),
                        QJsonObject{{QStringLiteral("requests"), server->usage().requests()},
                                    {QStringLiteral("retries"), server->usage().retries()},
                                    {QStringLiteral("failures"), server->usage().failures()},
                                    {QStringLiteral("prompt_tokens"), server->usage().promptTokens()},
                                    {QStringLiteral("cost_usd"), server->usage().costUsd()}});
        }
        context.printJson(QJsonDocument(json));
    } else {
        const double seconds = std::max(1e-3, static_cast<double>(r.elapsedMs) / 1000.0);
        out << "Collection \"" << r.collection << "\": " << r.files.size()
            << " files: " << r.count(FileOutcome::Indexed) << " indexed, " << r.count(FileOutcome::Unchanged)
            << " unchanged, " << r.count(FileOutcome::Skipped) << " skipped, " << r.count(FileOutcome::Failed)
            << " failed, " << r.count(FileOutcome::Removed) << " removed\n";
        out << "  " << humanBytes(static_cast<double>(r.bytesRead)) << " read in "
            << QString::number(seconds, 'f', 2) << " s ("
            << humanBytes(static_cast<double>(r.bytesRead) / seconds) << "/s), " << r.chunksWritten
            << " chunks written, " << r.embeddingsComputed << " embedded, " << r.embeddingsReused
            << " reused\n";
        if (server && server->usage().requests() > 0) {
            out << "  model server: " << server->usage().requests() << " requests, "
                << server->usage().retries() << " retries, " << server->usage().promptTokens()
                << " tokens, about $" << QString::number(server->usage().costUsd(), 'f', 4) << '\n';
        }
        if (r.published) {
            const PublishReport& p = *r.published;
            out << "  shared in " << p.library << ": " << p.published << " files sent, " << p.removed
                << " removed, " << p.unchanged << " already there (version " << p.version << ")\n";
        }
        if (r.cancelled)
            out << "Cancelled: the files above are stored; run the same command again to resume.\n";
        out.flush();
    }
    // Every file failing, or some: the run did not do what was asked, and scripts must see it.
    if (const int failed = r.count(FileOutcome::Failed); failed > 0)
        return context.fail(QStringLiteral("%1 of %2 files failed; the others are stored (see above)")
                                .arg(failed)
                                .arg(r.files.size()));
    return r.cancelled ? kExitFailure : kExitOk;
}

} // namespace docrag
