// fake-openai-server: FakeOpenAiServer as a process, for CLI tests and benchmarks. Prints the port
// on stdout once listening, then serves until killed, or until its stdin closes when stdin is a
// pipe or socket (so a crashed parent never leaves it behind).
#include "tests/support/fake_openai_server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

using docrag::test::FakeOpenAiServer;

namespace {

// Watching a terminal, /dev/null or a file for end-of-input would make no sense (and a shell's
// background job reads /dev/null): only a pipe or socket is a parent's lifeline.
bool stdinIsALifeline() {
    struct stat info {};
    return fstat(STDIN_FILENO, &info) == 0 && (S_ISFIFO(info.st_mode) || S_ISSOCK(info.st_mode));
}

int intOption(const QCommandLineParser& parser, const QString& name, bool* ok) {
    if (!parser.isSet(name))
        return 0;
    bool parsed = false;
    const int value = parser.value(name).toInt(&parsed);
    *ok = *ok && parsed && value >= 0;
    return value;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fake-openai-server"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A fake OpenAI-compatible server on 127.0.0.1 for tests and benchmarks."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("latency"), QStringLiteral("Delay before every response."), QStringLiteral("MS")});
    parser.addOption({QStringLiteral("token-delay"), QStringLiteral("Delay between streamed chunks."),
                      QStringLiteral("MS")});
    parser.addOption(
        {QStringLiteral("reply"), QStringLiteral("The assistant's answer."), QStringLiteral("TEXT")});
    parser.addOption(
        {QStringLiteral("api-key"), QStringLiteral("Require this bearer key."), QStringLiteral("KEY")});
    parser.addOption({QStringLiteral("llama-cpp"), QStringLiteral("Stream as llama.cpp does.")});
    parser.process(app);

    bool ok = true;
    const int latency = intOption(parser, QStringLiteral("latency"), &ok);
    const int tokenDelay = intOption(parser, QStringLiteral("token-delay"), &ok);
    if (!ok || !parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "fake-openai-server: bad arguments (see --help)\n");
        return 2;
    }

    FakeOpenAiServer server;
    if (!server.isListening()) {
        std::fprintf(stderr, "fake-openai-server: cannot listen on 127.0.0.1\n");
        return 1;
    }
    server.setLatency(latency);
    server.setStreamTokenDelay(tokenDelay);
    server.setLlamaCppStyle(parser.isSet(QStringLiteral("llama-cpp")));
    if (parser.isSet(QStringLiteral("reply")))
        server.setChatReply(parser.value(QStringLiteral("reply")));
    if (parser.isSet(QStringLiteral("api-key")))
        server.setRequiredApiKey(parser.value(QStringLiteral("api-key")));

    if (stdinIsALifeline()) {
        auto* notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
            char buffer[4096];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
                notifier->setEnabled(false);
                QCoreApplication::quit();
            }
        });
    }

    std::printf("%u\n", static_cast<unsigned>(server.port()));
    std::fflush(stdout);
    return app.exec();
}
