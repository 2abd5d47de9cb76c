#include "app/cli/library_command.h"

#include "app/cli/cli_context.h"
#include "engine/library/team_libraries.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

namespace docrag {
namespace {

QString when(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                  : QStringLiteral("never");
}

QJsonObject syncJson(const LibrarySyncReport& r) {
    return QJsonObject{
        {QStringLiteral("library"), r.library},
        {QStringLiteral("collections"), r.collections},
        {QStringLiteral("files_updated"), r.filesUpdated},
        {QStringLiteral("files_removed"), r.filesRemoved},
        {QStringLiteral("files_unchanged"), r.filesUnchanged},
        {QStringLiteral("passages"), r.passages},
        {QStringLiteral("changed_collections"), QJsonArray::fromStringList(r.changedCollections)},
        {QStringLiteral("removed_collections"), QJsonArray::fromStringList(r.removedCollections)},
        {QStringLiteral("problems"), QJsonArray::fromStringList(r.problems)},
        {QStringLiteral("feedback_shared"), r.feedbackShared},
        {QStringLiteral("elapsed_ms"), r.elapsedMs},
    };
}

// The libraries a command is about: the one named, which must be subscribed, or all of them.
Result<std::vector<TeamLibrary>> chosen(RagEngine& engine, const QString& url) {
    if (url.isEmpty())
        return engine.libraries().list();
    auto found = engine.libraries().find(url);
    if (!found)
        return found.error();
    return std::vector<TeamLibrary>{*found};
}

int sync(CliContext& context, RagEngine& engine, const QString& url) {
    auto libraries = chosen(engine, url);
    if (!libraries)
        return context.failWith(libraries.error());
    if (libraries->empty())
        return context.fail(
            QStringLiteral("no team library is subscribed: docrag-cli library subscribe URL"));
    const bool showProgress = !context.json() && isatty(STDERR_FILENO);
    QJsonArray reports;
    QStringList failures;
    for (const TeamLibrary& library : *libraries) {
        // The URL given may hold the password, which the stored one never does.
        auto report =
            engine.syncLibrary(url.isEmpty() ? library.url : url, {}, [&](const LibrarySyncProgress& p) {
                if (showProgress)
                    fprintf(stderr, "\r\033[K%s: %d of %d files", p.collection.toLocal8Bit().constData(),
                            p.filesDone, p.filesTotal);
            });
        if (showProgress)
            fprintf(stderr, "\r\033[K");
        if (!report) {
            failures << QStringLiteral("%1; the replica keeps the state of its last sync (%2)")
                            .arg(report.error().message, when(library.syncedAtMs));
            continue;
        }
        reports.append(syncJson(*report));
        if (!context.json()) {
            context.out() << report->library << ": " << report->collections << " collections, "
                          << report->filesUpdated << " files updated, " << report->filesRemoved
                          << " removed (" << report->passages << " passages) in "
                          << QString::number(static_cast<double>(report->elapsedMs) / 1000.0, 'f', 2)
                          << " s\n";
            for (const QString& problem : report->problems)
                context.out() << "  " << problem << '\n';
            context.out().flush();
        }
    }
    if (context.json())
        context.printJson(QJsonDocument(QJsonObject{{QStringLiteral("synced"), reports}}));
    if (!failures.isEmpty())
        return context.fail(failures.join(QStringLiteral("; ")));
    return kExitOk;
}

int status(CliContext& context, RagEngine& engine, const QString& url) {
    auto libraries = chosen(engine, url);
    if (!libraries)
        return context.failWith(libraries.error());
    auto collections = engine.collections();
    if (!collections)
        return context.failWith(collections.error());
    QJsonArray out;
    for (const TeamLibrary& library : *libraries) {
        auto remote = engine.libraries().remoteVersions(url.isEmpty() ? library.url : url);
        QJsonArray replicas;
        if (!context.json()) {
            context.out() << library.url << "\n  synced " << when(library.syncedAtMs)
                          << (library.shareFeedback ? ", feedback shared" : ", feedback kept here");
            if (!library.lastError.isEmpty())
                context.out() << "; the last try (" << when(library.triedAtMs)
                              << ") failed: " << library.lastError;
            context.out() << '\n';
            if (!remote)
                context.out() << "  now: " << remote.error().message << '\n';
        }
        for (const CollectionInfo& info : *collections) {
            const Collection& c = info.collection;
            if (c.libraryId != library.id)
                continue;
            const qint64 there = remote ? remote->value(c.name, -1) : -1;
            const qint64 behind = there >= 0 ? std::max<qint64>(0, there - c.libraryVersion) : -1;
            replicas.append(QJsonObject{{QStringLiteral("name"), c.name},
                                        {QStringLiteral("version"), c.libraryVersion},
                                        {QStringLiteral("library_version"), there},
                                        {QStringLiteral("documents"), info.stats.indexed},
                                        {QStringLiteral("chunks"), info.stats.chunks}});
            if (!context.json()) {
                context.out() << "  " << c.name << ": " << info.stats.indexed << " documents, "
                              << info.stats.chunks << " passages, version " << c.libraryVersion;
                if (behind > 0)
                    context.out() << " (" << behind << " changes behind the library)";
                else if (behind == 0)
                    context.out() << " (up to date)";
                context.out() << '\n';
            }
        }
        out.append(QJsonObject{{QStringLiteral("url"), library.url},
                               {QStringLiteral("synced_at_ms"), library.syncedAtMs},
                               {QStringLiteral("tried_at_ms"), library.triedAtMs},
                               {QStringLiteral("last_error"), library.lastError},
                               {QStringLiteral("share_feedback"), library.shareFeedback},
                               {QStringLiteral("reachable"), remote.ok()},
                               {QStringLiteral("error"), remote ? QString() : remote.error().message},
                               {QStringLiteral("collections"), replicas}});
    }
    if (context.json())
        context.printJson(QJsonDocument(QJsonObject{{QStringLiteral("libraries"), out}}));
    else if (libraries->empty())
        context.out() << "No team library is subscribed (docrag-cli library subscribe URL).\n";
    context.out().flush();
    return kExitOk;
}

} // namespace

int LibraryCommand::run(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("subscribe, sync, status or unsubscribe."));
    parser.addPositionalArgument(
        QStringLiteral("url"),
        QStringLiteral("The library: postgresql://USER@HOST[:PORT]/DB[?sslmode=verify-full]; "
                       "the password from ~/.pgpass or PGPASSWORD."),
        QStringLiteral("[URL]"));
    parser.addOption({QStringLiteral("no-sync"), QStringLiteral("subscribe: do not sync now.")});
    parser.addOption(
        {QStringLiteral("share-feedback"),
         QStringLiteral("subscribe: send the feedback given here on the library's answers to it.")});
    if (!context.parse(
            parser, args,
            QStringLiteral("Team libraries: replicas of collections shared in PostgreSQL, searched here.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QString url = positional.value(1);
    static const QStringList kActions = {QStringLiteral("subscribe"), QStringLiteral("sync"),
                                         QStringLiteral("status"), QStringLiteral("unsubscribe")};
    if (!kActions.contains(action))
        return context.usage(
            QStringLiteral("library takes one of: %1").arg(kActions.join(QStringLiteral(", "))));
    const bool sharing = action == QLatin1String("share-feedback");
    if (sharing && (positional.size() != 3 ||
                    !QStringList{QStringLiteral("on"), QStringLiteral("off")}.contains(positional[2])))
        return context.usage(
            QStringLiteral("library share-feedback takes the library's URL, then on or off"));
    if (!sharing && positional.size() > 2)
        return context.usage(QStringLiteral("library %1 takes at most one URL").arg(action));
    if (url.isEmpty() && (action == QLatin1String("subscribe") || action == QLatin1String("unsubscribe")))
        return context.usage(QStringLiteral("library %1 needs the library's URL").arg(action));
    if (!url.isEmpty()) {
        if (auto parsed = LibraryUrl::parse(url); !parsed)
            return context.usage(parsed.error().message);
    }
    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    if (action == QLatin1String("subscribe")) {
        auto library = engine->libraries().subscribe(url);
        if (!library)
            return context.failWith(library.error());
        if (parser.isSet(QStringLiteral("share-feedback"))) {
            if (Status s = engine->libraries().setShareFeedback(url, true); !s)
                return context.failWith(s.error());
        }
        if (!context.json())
            context.out() << "Subscribed to " << library->url << '\n';
        return parser.isSet(QStringLiteral("no-sync")) ? kExitOk : sync(context, *engine, url);
    }
    if (action == QLatin1String("unsubscribe")) {
        if (Status s = engine->libraries().unsubscribe(url); !s)
            return context.failWith(s.error());
        if (!context.json())
            context.out()
                << "Unsubscribed; the replicas of its collections are removed from this computer.\n";
        return kExitOk;
    }
    if (sharing) {
        const bool on = positional[2] == QLatin1String("on");
        if (Status s = engine->libraries().setShareFeedback(url, on); !s)
            return context.failWith(s.error());
        if (!context.json())
            context.out() << (on ? "Feedback on the library's answers is sent to it with each sync.\n"
                                 : "Feedback stays on this computer.\n");
        return kExitOk;
    }
    if (action == QLatin1String("sync"))
        return sync(context, *engine, url);
    return status(context, *engine, url);
}

} // namespace docrag
