#include "engine/core/clock.h"
#include "engine/llm/openai_client.h"
#include "tests/support/fake_openai_server.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

#include <thread>

using namespace docrag;
using test::FakeFault;
using test::FakeOpenAiServer;

// The client against a real HTTP server on 127.0.0.1 that plays every fault the issue lists.
class TestOpenAiClient final : public QObject {
    Q_OBJECT

private:
    SystemClock m_clock;
    std::unique_ptr<FakeOpenAiServer> m_server;

    OpenAiConfig config() const {
        OpenAiConfig c;
        c.baseUrl = QUrl(m_server->baseUrl());
        c.apiKey = QStringLiteral("sk-test");
        c.retryBaseMs = 20;
        c.retryMaxMs = 200;
        c.maxRetries = 3;
        return c;
    }

    static QJsonObject embeddingBody(const QString& text) {
        return QJsonObject{{QStringLiteral("model"), QStringLiteral("fake-embed")},
                           {QStringLiteral("input"), text}};
    }

private slots:
    void init() {
        m_server = std::make_unique<FakeOpenAiServer>();
        QVERIFY(m_server->isListening());
        m_server->setRequiredApiKey(QStringLiteral("sk-test"));
    }
    void cleanup() { m_server.reset(); }

    void getsAndPostsJson() {
        OpenAiClient client(config(), m_clock);
        auto models = client.get(QStringLiteral("models")).result();
        QVERIFY2(models.ok(), qPrintable(models.ok() ? QString() : models.error().message));
        QCOMPARE(models->status, 200);
        QVERIFY(!models->json.value(QStringLiteral("data")).toArray().isEmpty());
        auto embedded =
            client.post(QStringLiteral("embeddings"), embeddingBody(QStringLiteral("hello"))).result();
        QVERIFY(embedded.ok());
        QCOMPARE(m_server->requestBodies(QStringLiteral("/v1/embeddings"))
                     .front()
                     .value(QStringLiteral("input"))
                     .toString(),
                 QStringLiteral("hello"));
        QCOMPARE(client.usage().requests(), qint64(2));
        QCOMPARE(client.usage().retries(), qint64(0));
    }

    void retriesRateLimitsHonouringRetryAfter() {
        m_server->enqueueFault(FakeFault::RateLimited, 1);
        OpenAiClient client(config(), m_clock);
        QElapsedTimer timer;
        timer.start();
        auto r = client.post(QStringLiteral("embeddings"), embeddingBody(QStringLiteral("x"))).result();
        QVERIFY(r.ok());
        QCOMPARE(r->attempts, 2);
        // The backoff alone would have waited at most 200 ms; the server asked for a second.
        QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(client.usage().retries(), qint64(1));
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/embeddings")), 2);
    }

    void retriesServerErrorsAndDroppedConnectionsThenGivesUpClearly() {
        m_server->enqueueFault(FakeFault::ServerError);
        m_server->enqueueFault(FakeFault::DropConnection);
        OpenAiClient client(config(), m_clock);
        auto recovered =
            client.post(QStringLiteral("embeddings"), embeddingBody(QStringLiteral("x"))).result();
        QVERIFY(recovered.ok());
        // Qt itself resends once when a kept-alive connection drops; the server saw every try.
        QVERIFY(recovered->attempts >= 2);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/embeddings")), 3);

        for (int i = 0; i < 4; ++i)
            m_server->enqueueFault(FakeFault::ServerError);
        auto failed = client.post(QStringLiteral("embeddings"), embeddingBody(QStringLiteral("x"))).result();
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, ErrorCode::Server);
        QVERIFY2(failed.error().message.contains(QLatin1String("after 4 attempts")),
                 qPrintable(failed.error().message));
        QVERIFY(failed.error().message.contains(QLatin1String("500")));
    }

    void malformedJsonIsAClearError() {
        m_server->enqueueFault(FakeFault::MalformedJson);
        OpenAiClient client(config(), m_clock);
        auto r = client.post(QStringLiteral("embeddings"), embeddingBody(QStringLiteral("x"))).result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Server);
        QVERIFY(r.error().message.contains(QLatin1String("not valid JSON")));
    }

    void aRefusedKeyIsNotRetried() {
        OpenAiConfig c = config();
        c.apiKey = QStringLiteral("sk-wrong");
        OpenAiClient client(c, m_clock);
        auto r = client.get(QStringLiteral("models")).result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Auth);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/models")), 1);
        QVERIFY(!r.error().message.contains(QLatin1String("sk-wrong"))); // never echo the key
    }

    void aSlowServerTimesOut() {
        m_server->setLatency(3000);
        OpenAiConfig c = config();
        c.totalTimeoutMs = 300;
        OpenAiClient client(c, m_clock);
        QElapsedTimer timer;
        timer.start();
        auto r = client.get(QStringLiteral("models")).result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Timeout);
        QVERIFY(timer.elapsed() < 2500);
    }

    void nothingListeningIsANetworkError() {
        OpenAiConfig c = config();
        const quint16 port = m_server->port();
        m_server.reset(); // the port is closed now
        c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        c.maxRetries = 1;
        OpenAiClient client(c, m_clock);
        auto r = client.get(QStringLiteral("models")).result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY(r.error().message.contains(QLatin1String("127.0.0.1")));
        m_server = std::make_unique<FakeOpenAiServer>();
    }

    void limitsRequestsInFlight() {
        m_server->setLatency(150);
        OpenAiConfig c = config();
        c.maxInFlight = 3;
        OpenAiClient client(c, m_clock);
        std::vector<QFuture<Result<HttpResult>>> futures;
        for (int i = 0; i < 9; ++i)
            futures.push_back(client.post(QStringLiteral("embeddings"), embeddingBody(QString::number(i))));
        for (auto& f : futures)
            QVERIFY(f.result().ok());
        QCOMPARE(m_server->peakConcurrentRequests(), 3);
    }

    void stopsOnRequest() {
        m_server->setLatency(5000);
        OpenAiClient client(config(), m_clock);
        std::stop_source stop;
        QElapsedTimer timer;
        timer.start();
        auto future = client.get(QStringLiteral("models"), stop.get_token());
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            stop.request_stop();
        });
        auto r = future.result();
        stopper.join();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(timer.elapsed() < 2000);
    }

    void shuttingDownAnswersEveryCaller() {
        m_server->setLatency(5000);
        QFuture<Result<HttpResult>> pending;
        {
            OpenAiClient client(config(), m_clock);
            pending = client.get(QStringLiteral("models"));
        }
        auto r = pending.result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
    }

    // A server that accepts the connection and then says nothing: the call ends at its deadline with
    // that reason (it used to take minutes and say "Operation canceled").
    void aSilentServerFailsAtTheDeadlineNamingTheSilence() {
        QTcpServer silent; // the kernel accepts the connections; nobody ever answers them
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        OpenAiConfig c = config();
        c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(silent.serverPort()));
        c.idleTimeoutMs = 300;
        OpenAiClient client(c, m_clock);
        QElapsedTimer timer;
        timer.start();
        auto r = client
                     .post(QStringLiteral("embeddings"), embeddingBody(QStringLiteral("x")), {},
                           QDeadlineTimer(1500))
                     .result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Timeout);
        QVERIFY2(
            r.error().message.contains(QStringLiteral("accepted the connection but sent nothing for 0.3 s")),
            qPrintable(r.error().message));
        QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    }

    // A Retry-After longer than the time left fails at once, saying so (an ask used to wait for it,
    // four times over).
    void aRetryAfterBeyondTheDeadlineFailsAtOnce() {
        m_server->enqueueFault(FakeFault::RateLimited, 120);
        OpenAiClient client(config(), m_clock);
        QElapsedTimer timer;
        timer.start();
        auto r = client
                     .post(QStringLiteral("embeddings"), embeddingBody(QStringLiteral("x")), {},
                           QDeadlineTimer(5000))
                     .result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::RateLimited);
        QVERIFY2(r.error().message.contains(QStringLiteral("asked to retry after 120 s")),
                 qPrintable(r.error().message));
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/embeddings")), 1);
    }

    // Issue 12: a key the server echoes never reaches a message, and a redirect never takes it along.
    void anEchoedKeyIsScrubbedFromTheError() {
        const QString key = QStringLiteral("sk-test-planted-0123456789abcdefghij");
        m_server->setRequiredApiKey(key);
        OpenAiConfig c = config();
        c.apiKey = key;
        OpenAiClient client(c, m_clock);
        m_server->enqueueFault(FakeFault::EchoKey);
        auto refused = client.get(QStringLiteral("models")).result();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Auth);
        QVERIFY2(refused.error().message.contains(QLatin1String("Incorrect API key provided")),
                 qPrintable(refused.error().message));
        QVERIFY2(!refused.error().message.contains(key.mid(8, 12)), qPrintable(refused.error().message));

        // A proxy's HTML error page that lists the request headers: reduced to its title, no header.
        m_server->enqueueFault(FakeFault::EchoHeaders);
        m_server->enqueueFault(FakeFault::EchoHeaders);
        m_server->enqueueFault(FakeFault::EchoHeaders);
        m_server->enqueueFault(FakeFault::EchoHeaders);
        auto proxied = client.get(QStringLiteral("models")).result();
        QVERIFY(!proxied.ok());
        QVERIFY2(proxied.error().message.contains(QLatin1String("502 Bad Gateway")),
                 qPrintable(proxied.error().message));
        QVERIFY2(!proxied.error().message.contains(QLatin1String("Bearer")),
                 qPrintable(proxied.error().message));
        QVERIFY2(!proxied.error().message.contains(key.mid(8, 12)), qPrintable(proxied.error().message));
    }

    void aRedirectToAnotherOriginIsNotFollowed() {
        FakeOpenAiServer elsewhere;
        QVERIFY(elsewhere.isListening());
        m_server->setRedirectTarget(QStringLiteral("http://127.0.0.1:%1").arg(elsewhere.port()));
        m_server->enqueueFault(FakeFault::Redirect);
        OpenAiClient client(config(), m_clock);
        auto redirected = client.get(QStringLiteral("models")).result();
        QVERIFY(!redirected.ok());
        QVERIFY2(redirected.error().message.contains(QLatin1String("redirected")),
                 qPrintable(redirected.error().message));
        QCOMPARE(elsewhere.totalRequestCount(), 0);
        QCOMPARE(m_server->totalRequestCount(), 1); // and not tried again
    }

    void theKeyGoesOverPlainHttpOnlyToLoopbackOrAnAllowedHost() {
        OpenAiConfig c = config();
        c.baseUrl = QUrl(QStringLiteral("http://192.0.2.1:9/v1")); // TEST-NET-1: never routed
        c.connectTimeoutMs = 200;
        c.maxRetries = 0;
        {
            OpenAiClient client(c, m_clock);
            QElapsedTimer timer;
            timer.start();
            auto refused = client.get(QStringLiteral("models")).result();
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
            QVERIFY2(refused.error().message.contains(QLatin1String("plain http")),
                     qPrintable(refused.error().message));
            QVERIFY(timer.elapsed() < 150); // refused before any connection was tried
        }
        c.plainHttpKeyHosts = {QStringLiteral("192.0.2.1")};
        OpenAiClient allowed(c, m_clock);
        auto tried = allowed.get(QStringLiteral("models")).result();
        QVERIFY(!tried.ok());
        QVERIFY2(tried.error().code != ErrorCode::InvalidArgument, qPrintable(tried.error().message));
        // Without a key there is nothing to protect.
        c.plainHttpKeyHosts.clear();
        c.apiKey.clear();
        OpenAiClient keyless(c, m_clock);
        auto plain = keyless.get(QStringLiteral("models")).result();
        QVERIFY(!plain.ok());
        QVERIFY2(plain.error().code != ErrorCode::InvalidArgument, qPrintable(plain.error().message));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiClient)
#include "test_openai_client.moc"
