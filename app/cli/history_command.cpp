#include "app/cli/history_command.h"

#include "app/cli/cli_context.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace docrag {
namespace {

QString when(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd hh:mm"));
}

QJsonObject toJson(const Conversation& c) {
    return QJsonObject{{QStringLiteral("id"), c.id},
                       {QStringLiteral("title"), c.title},
                       {QStringLiteral("created_at"), c.createdAt},
                       {QStringLiteral("updated_at"), c.updatedAt},
                       {QStringLiteral("messages"), c.messageCount}};
}

QJsonObject toJson(const ChatMessage& m) {
    QJsonArray sources;
    for (const Source& s : m.sources)
        sources.append(s.toJson());
    return QJsonObject{{QStringLiteral("id"), m.id},
                       {QStringLiteral("role"), m.role},
                       {QStringLiteral("content"), m.content},
                       {QStringLiteral("created_at"), m.createdAt},
                       {QStringLiteral("model"), m.model},
                       {QStringLiteral("latency_ms"), m.latencyMs},
                       {QStringLiteral("tokens_in"), m.tokensIn},
                       {QStringLiteral("tokens_out"), m.tokensOut},
                       {QStringLiteral("feedback"), m.feedback},
                       {QStringLiteral("feedback_note"), m.feedbackNote},
                       {QStringLiteral("sources"), sources}};
}

int listConversations(CliContext& context, HistoryStore& history, const QString& search) {
    auto all = history.conversations(search);
    if (!all)
        return context.failWith(all.error());
    if (context.json()) {
        QJsonArray list;
        for (const Conversation& c : *all)
            list.append(toJson(c));
        context.printJson(QJsonDocument(QJsonObject{{QStringLiteral("conversations"), list}}));
        return kExitOk;
    }
    if (all->empty()) {
        context.out() << "No conversations yet: ask a question with `docrag-cli ask`.\n";
        return kExitOk;
    }
    for (const Conversation& c : *all)
        context.out() << c.id << "  " << when(c.updatedAt) << "  " << c.messageCount << " messages  "
                      << c.title << '\n';
    return kExitOk;
}

int showConversation(CliContext& context, HistoryStore& history, qint64 id) {
    auto conversation = history.conversation(id);
    if (!conversation)
        return context.failWith(conversation.error());
    auto messages = history.messages(id);
    if (!messages)
        return context.failWith(messages.error());
    if (context.json()) {
        QJsonObject json = toJson(*conversation);
        QJsonArray list;
        for (const ChatMessage& m : *messages)
            list.append(toJson(m));
        json.insert(QStringLiteral("messages"), list);
        context.printJson(QJsonDocument(json));
        return kExitOk;
    }
    QTextStream& out = context.out();
    out << "# " << conversation->title << "\n";
    for (const ChatMessage& m : *messages) {
        out << "\n[" << when(m.createdAt) << "] " << m.role;
        if (!m.model.isEmpty())
            out << " (" << m.model << ", " << m.latencyMs << " ms)";
        if (m.feedback != 0)
            out << (m.feedback > 0 ? " +1" : " -1")
                << (m.feedbackNote.isEmpty() ? QString() : QStringLiteral(": ") + m.feedbackNote);
        out << "\n" << m.content << '\n';
        for (const Source& s : m.sources)
            out << "  [" << s.number << "] " << s.path
                << (s.location.isEmpty() ? QString() : QStringLiteral("  (") + s.location + QLatin1Char(')'))
                << '\n';
    }
    return kExitOk;
}

} // namespace

int HistoryCommand::run(CliContext& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Show this conversation."),
                                 QStringLiteral("[ID]"));
    parser.addOption({QStringLiteral("search"),
                      QStringLiteral("Only conversations whose title or messages contain TEXT."),
                      QStringLiteral("TEXT")});
    if (!context.parse(parser, args, QStringLiteral("List past conversations, or show one.")))
        return parser.isSet(QStringLiteral("help")) ? kExitOk : kExitUsage;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return context.usage(QStringLiteral("give at most one conversation id"));
    RagEngine* engine = context.engine();
    if (!engine)
        return kExitFailure;
    HistoryStore history = engine->history();
    if (positional.isEmpty())
        return listConversations(context, history, parser.value(QStringLiteral("search")));
    bool ok = false;
    const qint64 id = positional.front().toLongLong(&ok);
    if (!ok || id <= 0)
        return context.usage(QStringLiteral("a conversation id is a positive number"));
    return showConversation(context, history, id);
}

} // namespace docrag
