#include "engine/core/clock.h"
#include "engine/embed/openai_embedder.h"
#include "engine/llm/openai_client.h"
#include "tests/support/fake_openai_server.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <thread>

using namespace docrag;
using test::FakeFault;
using test::FakeOpenAiServer;

class TestOpenAiEmbedder final : public QObject {
    Q_OBJECT

private:
    SystemClock m_clock;
    std::unique_ptr<FakeOpenAiServer> m_server;

    OpenAiConfig config(int dimensions = 64) const {
        OpenAiConfig c;
        c.baseUrl = QUrl(m_server->baseUrl());
        c.embeddingModel = QStringLiteral("fake-embed");
        c.embeddingDimensions = dimensions;
        c.retryBaseMs = 10;
        c.retryMaxMs = 50;
        c.maxRetries = 1;
        return c;
    }

    static std::vector<QString> texts(int count, const QString& prefix) {
        std::vector<QString> out;
        for (int i = 0; i < count; ++i)
            out.push_back(QStringLiteral("%1 passage number %2").arg(prefix).arg(i));
        return out;
    }

    // The server's vector for a text, unit length (the embedder normalises what it receives).
    static std::vector<float> expected(const QString& text, int dimensions) {
        const QList<float> raw = FakeOpenAiServer::embeddingFor(text, dimensions);
        double norm = 0;
        for (float v : raw)
            norm += double(v) * v;
        std::vector<float> out;
        for (float v : raw)
            out.push_back(static_cast<float>(v / std::sqrt(norm)));
        return out;
    }

    static bool close(std::span<const float> a, const std::vector<float>& b) {
        for (size_t i = 0; i < b.size(); ++i) {
            if (std::abs(a[i] - b[i]) > 1e-5f)
                return false;
        }
        return true;
    }

private slots:
    void init() { m_server = std::make_unique<FakeOpenAiServer>(); }
    void cleanup() { m_server.reset(); }

    void vectorsComeBackInInputOrder() {
        OpenAiClient client(config(), m_clock);
        OpenAiEmbedder embedder(client);
        QCOMPARE(embedder.id(), QStringLiteral("openai:fake-embed:64"));
        QVERIFY(embedder.isRemote());
        const auto input = texts(50, QStringLiteral("order"));
        std::vector<float> out(input.size() * 64);
        QVERIFY(embedder.embed(input, out).ok());
        for (size_t i = 0; i < input.size(); ++i)
            QVERIFY2(close(std::span<const float>(out).subspan(i * 64, 64), expected(input[i], 64)),
                     qPrintable(input[i]));
        const QJsonObject body = m_server->requestBodies(QStringLiteral("/v1/embeddings")).front();
        QCOMPARE(body.value(QStringLiteral("dimensions")).toInt(), 64);
        QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("fake-embed"));
    }

    void batchesNeverExceedTheirLimits() {
        OpenAiClient client(config(), m_clock);
        OpenAiEmbedder::Options options;
        options.maxBatchInputs = 16;
        OpenAiEmbedder embedder(client, options);
        const auto input = texts(100, QStringLiteral("cap"));
        std::vector<float> out(input.size() * 64);
        QVERIFY(embedder.embed(input, out).ok());
        const auto bodies = m_server->requestBodies(QStringLiteral("/v1/embeddings"));
        QCOMPARE(bodies.size(), 7);
        for (const QJsonObject& b : bodies)
            QVERIFY(b.value(QStringLiteral("input")).toArray().size() <= 16);
        QVERIFY(close(std::span<const float>(out).subspan(99 * 64, 64), expected(input[99], 64)));
    }

    // Many small calls at once (the ingestion pipeline's many files) share requests.
    void concurrentCallsShareBatches() {
        m_server->setLatency(100);
        OpenAiClient client(config(), m_clock);
        OpenAiEmbedder embedder(client);
        constexpr int kThreads = 12;
        std::vector<std::vector<float>> outs(kThreads, std::vector<float>(5 * 64));
        std::vector<bool> ok(kThreads, false);
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                const auto input = texts(5, QStringLiteral("thread %1").arg(t));
                ok[t] = embedder.embed(input, outs[t]).ok() &&
                        close(std::span<const float>(outs[t]).subspan(4 * 64, 64), expected(input[4], 64));
            });
        }
        for (auto& t : threads)
            t.join();
        for (int t = 0; t < kThreads; ++t)
            QVERIFY(ok[t]);
        QVERIFY2(m_server->requestCount(QStringLiteral("/v1/embeddings")) < kThreads,
                 qPrintable(QString::number(m_server->requestCount(QStringLiteral("/v1/embeddings")))));
    }

    void aFailedBatchIsAnErrorNeverZeros() {
        for (int i = 0; i < 2; ++i)
            m_server->enqueueFault(FakeFault::ServerError);
        OpenAiClient client(config(), m_clock);
        OpenAiEmbedder embedder(client);
        const auto input = texts(3, QStringLiteral("fail"));
        std::vector<float> out(input.size() * 64, 7.0f);
        auto s = embedder.embed(input, out);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::Server);
        QCOMPARE(out.front(), 7.0f); // the caller's buffer is untouched
        // The next call (the next ingest) succeeds.
        QVERIFY(embedder.embed(input, out).ok());
        QVERIFY(close(out, expected(input[0], 64)));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiEmbedder)
#include "test_openai_embedder.moc"
