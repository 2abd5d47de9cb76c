#include "app/cli/watch_command.h"

#include "app/cli/cli_context.h"
#include "engine/rag/live_collections.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace docrag {
namespace {

// The write end of a pipe the event loop reads: a signal handler may do little more than write(2).
int s_interruptFd = -1;

void onInterrupt(int signal) {
    const char byte = 1;
    (void)!::write(s_interruptFd, &byte, 1);
    std::signal(signal, SIG_DFL); // a second one ends the process at once
}

// The collections to follow: those named, which must exist, or those marked to keep in sync.
Result<QStringList> chosen(RagEngine& engine, const QStringList& names) {
    auto all = engine.collections();
    if (!all)
        return all.error();
    QStringList marked;
    QStringList known;
    for (const CollectionInfo& info : *all) {
        known << info.collection.name;
        if (info.collection.keepInSync)
            marked << info.collection.name;
    }
    for (const QString& name : names) {
        if (!known.contains(name))
            return Error{ErrorCode::NotFound, QStringLiteral("no collection named \"%1\"").arg(name)};
    }
    if (!names.isEmpty())
        return names;
    if (marked.isEmpty()) {
        return Error{
            ErrorCode::NotFound,
            QStringLiteral("no collection is marked to keep in sync: mark one with "
                           "`docrag-cli collections --watch NAME`, or name it: `docrag-cli watch NAME`")};
    }
    return marked;
}

QString files(int count) {
    return count == 1 ? QStringLiteral("1 file") : QStringLiteral("%1 files").arg(count);
}

// One line per event: text, or with --json one JSON object per line.
class EventPrinter final {
public:
    explicit EventPrinter(CliContext& context)
        : m_context(context) {}

    void print(const QJsonObject& event, const QString& text) {
        if (m_context.json())
            m_context.out() << QJsonDocument(event).toJson(QJsonDocument::Compact) << '\n';
        else
            m_context.out() << QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss ")) << text
                            << '\n';
        m_context.out().flush();
    }

private:
    CliContext& m_context;
};

} // namespace

int WatchCommand::run(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("names"),
                                 QStringLiteral("Collections to follow (default: those marked with "
                                                "`docrag-cli collections --watch`)."),
                                 QStringLiteral("[NAME...]"));
    const QCommandLineOption rescan(
        QStringLiteral("rescan-interval"),
        QStringLiteral("Seconds between rescans of folders that cannot be watched "
                       "(default 300)."),
        QStringLiteral("seconds"), QStringLiteral("300"));
    const QCommandLineOption budget(QStringLiteral("max-watches"),
                                    QStringLiteral("Most folders to watch in all (default: half the system's "
                                                   "limit); past it, collections are rescanned instead."),
                                    QStringLiteral("n"));
    parser.addOptions({rescan, budget});
    if (!context.parse(parser, args,
                       QStringLiteral("Keep collections in step with their folders: what changes is ingested "
                                      "within seconds. Runs until Ctrl+C (SIGINT) or SIGTERM; with --json, "
                                      "one JSON object per line for each event.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    LiveOptions options;
    bool ok = false;
    const int seconds = parser.value(rescan).toInt(&ok);
    if (!ok || seconds < 1)
        return context.usage(
            QStringLiteral("--rescan-interval must be a whole number of seconds, at least 1"));
    options.rescanIntervalMs = seconds * 1000;
    if (parser.isSet(budget)) {
        options.watchBudget = parser.value(budget).toInt(&ok);
        if (!ok || options.watchBudget < 0)
            return context.usage(QStringLiteral("--max-watches must be a number, 0 or more"));
    }
    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    auto names = chosen(*engine, parser.positionalArguments());
    if (!names)
        return context.failWith(names.error());

    LiveCollections live(*engine, options);
    EventPrinter printer(context);
    QObject::connect(
        &live, &LiveCollections::following, [&](const QString& name, bool watched, const QString& why) {
            printer.print(
                QJsonObject{{QStringLiteral("event"), QStringLiteral("following")},
                            {QStringLiteral("collection"), name},
                            {QStringLiteral("watched"), watched},
                            {QStringLiteral("why"), why}},
                watched ? QStringLiteral("watching \"%1\"").arg(name)
                        : QStringLiteral("rescanning \"%1\" every %2 s: %3").arg(name).arg(seconds).arg(why));
        });
    QObject::connect(&live, &LiveCollections::syncFinished, [&](const LiveCollections::Outcome& o) {
        QString text = QStringLiteral("synced \"%1\": %2 changed, %3 not indexed")
                           .arg(o.collection, files(o.changedFiles), files(o.failedFiles));
        for (const QString& failure : o.failures)
            text += QStringLiteral("\n  not indexed: ") + failure;
        if (!o.error.isEmpty())
            text = QStringLiteral("sync of \"%1\" failed: %2").arg(o.collection, o.error);
        printer.print(QJsonObject{{QStringLiteral("event"), QStringLiteral("synced")},
                                  {QStringLiteral("collection"), o.collection},
                                  {QStringLiteral("changed_files"), o.changedFiles},
                                  {QStringLiteral("failed_files"), o.failedFiles},
                                  {QStringLiteral("failures"), QJsonArray::fromStringList(o.failures)},
                                  {QStringLiteral("embeddings_computed"), o.embeddingsComputed},
                                  {QStringLiteral("embeddings_reused"), o.embeddingsReused},
                                  {QStringLiteral("error"), o.error}},
                      text);
    });
    QObject::connect(&live, &LiveCollections::stopped, qApp, &QCoreApplication::quit, Qt::QueuedConnection);

    // The event loop wakes for a signal through a pipe, and for nothing else while nothing changes.
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
        return context.fail(QStringLiteral("cannot make a pipe for signals"));
    s_interruptFd = fds[1];
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QSocketNotifier interrupted(fds[0], QSocketNotifier::Read);
    QObject::connect(&interrupted, &QSocketNotifier::activated, [&] {
        interrupted.setEnabled(false);
        printer.print(QJsonObject{{QStringLiteral("event"), QStringLiteral("stopping")}},
                      QStringLiteral("stopping"));
        live.stop();
    });
    live.follow(*names);
    QCoreApplication::exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    s_interruptFd = -1;
    ::close(fds[0]);
    ::close(fds[1]);
    return kExitOk;
}

} // namespace docrag
