#include "engine/core/clock.h"
#include "engine/llm/openai_chat_model.h"
#include "engine/llm/openai_client.h"
#include "tests/support/fake_openai_server.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

#include <mutex>
#include <thread>

using namespace docrag;
using test::FakeFault;
using test::FakeOpenAiServer;

class TestOpenAiChatModel final : public QObject {
    Q_OBJECT

private:
    SystemClock m_clock;
    std::unique_ptr<FakeOpenAiServer> m_server;
    const std::vector<ChatTurn> m_messages = {{QStringLiteral("system"), QStringLiteral("Cite [n].")},
                                              {QStringLiteral("user"), QStringLiteral("How?")}};

    OpenAiConfig config() const {
        OpenAiConfig c;
        c.baseUrl = QUrl(m_server->baseUrl());
        c.chatModel = QStringLiteral("fake-chat");
        c.retryBaseMs = 20;
        c.retryMaxMs = 100;
        return c;
    }

    struct Streamed final {
        std::mutex mutex;
        QStringList pieces;
    };

    Result<ChatReply> complete(OpenAiClient& client, Streamed& streamed, std::stop_token stop = {}) {
        OpenAiChatModel model(client);
        return model.complete(
            m_messages,
            [&](const QString& piece) {
                std::lock_guard lock(streamed.mutex);
                streamed.pieces << piece;
            },
            stop, QDeadlineTimer(QDeadlineTimer::Forever));
    }

private slots:
    void init() {
        m_server = std::make_unique<FakeOpenAiServer>();
        m_server->setChatReply(QStringLiteral("Run the installer [1]. Then restart [2]."));
    }
    void cleanup() { m_server.reset(); }

    void streamsTheAnswerPieceByPiece() {
        OpenAiClient client(config(), m_clock);
        Streamed streamed;
        auto reply = complete(client, streamed);
        QVERIFY2(reply.ok(), qPrintable(reply.ok() ? QString() : reply.error().message));
        QCOMPARE(reply->text, QStringLiteral("Run the installer [1]. Then restart [2]."));
        QVERIFY(streamed.pieces.size() > 3);
        QCOMPARE(streamed.pieces.join(QString()), reply->text);
        QCOMPARE(reply->finishReason, QStringLiteral("stop"));
        const QJsonObject body = m_server->requestBodies(QStringLiteral("/v1/chat/completions")).front();
        QVERIFY(body.value(QStringLiteral("stream")).toBool());
        QCOMPARE(body.value(QStringLiteral("messages")).toArray().size(), 2);
        QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("fake-chat"));
        QVERIFY(client.usage().completionTokens() > 0);
    }

    void understandsLlamaCpp() {
        m_server->setLlamaCppStyle(true);
        OpenAiClient client(config(), m_clock);
        Streamed streamed;
        auto reply = complete(client, streamed);
        QVERIFY(reply.ok());
        QCOMPARE(reply->text, QStringLiteral("Run the installer [1]. Then restart [2]."));
        QVERIFY(reply->usageReported);
        QVERIFY(reply->promptTokens > 0);
    }

    void anErrorMidStreamIsAnError() {
        m_server->enqueueFault(FakeFault::StreamError);
        OpenAiClient client(config(), m_clock);
        Streamed streamed;
        auto reply = complete(client, streamed);
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().code, ErrorCode::Server);
        QVERIFY(reply.error().message.contains(QLatin1String("error")));
    }

    void aTruncatedStreamIsNotAShortAnswer() {
        m_server->enqueueFault(FakeFault::TruncatedStream);
        OpenAiClient client(config(), m_clock);
        Streamed streamed;
        auto reply = complete(client, streamed);
        QVERIFY(!reply.ok());
        QVERIFY2(reply.error().message.contains(QLatin1String("cut off")), qPrintable(reply.error().message));
    }

    void aRateLimitBeforeTheStreamIsRetried() {
        m_server->enqueueFault(FakeFault::RateLimited, 0);
        m_server->enqueueFault(FakeFault::DropConnection);
        OpenAiClient client(config(), m_clock);
        Streamed streamed;
        auto reply = complete(client, streamed);
        QVERIFY(reply.ok());
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/chat/completions")), 3);
        QCOMPARE(streamed.pieces.join(QString()), reply->text); // nothing streamed twice
    }

    void stopsMidStream() {
        m_server->setStreamTokenDelay(100);
        OpenAiClient client(config(), m_clock);
        Streamed streamed;
        std::stop_source stop;
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            stop.request_stop();
        });
        auto reply = complete(client, streamed, stop.get_token());
        stopper.join();
        // What was written before the stop is kept, marked as stopped.
        QVERIFY(reply.ok());
        QCOMPARE(reply->finishReason, QStringLiteral("stopped"));
        std::lock_guard lock(streamed.mutex);
        QVERIFY(!streamed.pieces.isEmpty());
        QCOMPARE(reply->text, streamed.pieces.join(QString()));
    }

    void aSilentStreamTimesOut() {
        m_server->setStreamTokenDelay(2000);
        OpenAiConfig c = config();
        c.idleTimeoutMs = 300;
        c.maxRetries = 0;
        OpenAiClient client(c, m_clock);
        Streamed streamed;
        QElapsedTimer timer;
        timer.start();
        auto reply = complete(client, streamed);
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().code, ErrorCode::Timeout);
        QVERIFY(timer.elapsed() < 1800);
    }
};

QTEST_GUILESS_MAIN(TestOpenAiChatModel)
#include "test_openai_chat_model.moc"
