#include "app/cli/feedback_command.h"

#include "app/cli/cli_context.h"
#include "engine/library/team_libraries.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace docrag {
namespace {

int give(CliContext& context, RagEngine& engine, const QStringList& positional, const QString& note) {
    bool ok = false;
    const qint64 id = positional.value(1).toLongLong(&ok);
    static const QStringList kRatings = {QStringLiteral("down"), QStringLiteral("clear"),
                                         QStringLiteral("up")};
    const auto rating = kRatings.indexOf(positional.value(2));
    if (!ok || id <= 0 || rating < 0 || positional.size() != 3)
        return context.usage(
            QStringLiteral("feedback give takes an answer's id (docrag-cli history ID shows them), "
                           "then up, down or clear"));
    auto message = engine.history().message(id);
    if (!message)
        return context.failWith(message.error());
    if (message->role != QLatin1String("assistant"))
        return context.fail(QStringLiteral("message %1 is not an answer").arg(id));
    if (Status s = engine.history().setFeedback(id, static_cast<int>(rating) - 1, note); !s)
        return context.failWith(s.error());
    if (!context.json())
        context.out() << "Feedback stored; a library that this folder shares feedback with gets it with its "
                         "next sync.\n";
    return kExitOk;
}

int report(CliContext& context, RagEngine& engine, const QString& url, int limit) {
    QStringList urls;
    if (!url.isEmpty()) {
        urls << url;
    } else {
        auto libraries = engine.libraries().list();
        if (!libraries)
            return context.failWith(libraries.error());
        for (const TeamLibrary& l : *libraries)
            urls << l.url;
    }
    if (urls.isEmpty())
        return context.fail(
            QStringLiteral("no team library is subscribed: docrag-cli library subscribe URL"));
    QJsonArray out;
    for (const QString& library : urls) {
        auto topics = engine.libraries().feedbackReport(library, limit);
        if (!topics)
            return context.failWith(topics.error());
        QJsonArray rows;
        if (!context.json())
            context.out() << library << ": " << topics->size() << " questions with feedback\n";
        for (const FeedbackTopic& t : *topics) {
            rows.append(
                QJsonObject{{QStringLiteral("question"), t.question},
                            {QStringLiteral("collections"), QJsonArray::fromStringList(t.collections)},
                            {QStringLiteral("not_helpful"), t.notHelpful},
                            {QStringLiteral("helpful"), t.helpful},
                            {QStringLiteral("notes"), QJsonArray::fromStringList(t.notes)},
                            {QStringLiteral("last_at_ms"), t.lastAtMs}});
            if (context.json())
                continue;
            context.out() << "  " << t.notHelpful << " not helpful, " << t.helpful << " helpful  "
                          << t.question << "  [" << t.collections.join(QStringLiteral(", ")) << "]\n";
            for (const QString& n : t.notes)
                context.out() << "      \"" << n << "\"\n";
        }
        out.append(QJsonObject{{QStringLiteral("library"), library}, {QStringLiteral("questions"), rows}});
    }
    if (context.json())
        context.printJson(QJsonDocument(QJsonObject{{QStringLiteral("libraries"), out}}));
    context.out().flush();
    return kExitOk;
}

} // namespace

int FeedbackCommand::run(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QStringLiteral("give ID up|down|clear, or report [URL] (the team's feedback)."));
    parser.addOption(
        {QStringLiteral("note"), QStringLiteral("give: what was wrong or right."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("report: at most this many questions (default 50)."),
                      QStringLiteral("N")});
    if (!context.parse(parser, args, QStringLiteral("Feedback on answers, and the team's.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action != QLatin1String("give") && action != QLatin1String("report"))
        return context.usage(QStringLiteral("feedback takes give or report"));
    int limit = 50;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit <= 0)
            return context.usage(QStringLiteral("--limit takes a positive whole number"));
    }
    if (action == QLatin1String("report") && positional.size() > 2)
        return context.usage(QStringLiteral("feedback report takes at most one URL"));
    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    if (action == QLatin1String("give"))
        return give(context, *engine, positional, parser.value(QStringLiteral("note")));
    return report(context, *engine, positional.value(1), limit);
}

} // namespace docrag
