#include "engine/llm/sse_parser.h"
#include "tests/support/fake_openai_server.h"
#include "tests/support/openai_probe.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <memory>

using namespace docrag;
using docrag::test::FakeFault;
using docrag::test::FakeOpenAiServer;
using Reply = docrag::test::OpenAiProbe::Reply;
using Stream = docrag::test::OpenAiProbe::Stream;
using RawResponse = docrag::test::OpenAiProbe::RawResponse;

namespace {

constexpr int kTimeoutMs = test::OpenAiProbe::kTimeoutMs;

QJsonObject chatBody(bool stream) {
    return QJsonObject{
        {"model", "fake-chat"},
        {"stream", stream},
        {"messages", QJsonArray{QJsonObject{{"role", "system"}, {"content", "Answer from the docs."}},
                                QJsonObject{{"role", "user"}, {"content", "How do I install it?"}}}}};
}

double norm(const QJsonArray& vector) {
    double sum = 0;
    for (const QJsonValue& v : vector)
        sum += v.toDouble() * v.toDouble();
    return std::sqrt(sum);
}

QList<float> floats(const QJsonArray& vector) {
    QList<float> out;
    for (const QJsonValue& v : vector)
        out.append(static_cast<float>(v.toDouble()));
    return out;
}

} // namespace

class TestFakeOpenAiServer final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<FakeOpenAiServer> m_server;
    std::unique_ptr<test::OpenAiProbe> m_probe;

private slots:
    void init() {
        m_server = std::make_unique<FakeOpenAiServer>();
        QVERIFY(m_server->isListening());
        m_probe = std::make_unique<test::OpenAiProbe>(m_server->baseUrl());
    }

    void cleanup() {
        m_probe.reset();
        m_server.reset(); // with keep-alive connections still open: must shut down cleanly
    }

    void baseUrlPointsAtTheLoopback() {
        QVERIFY(m_server->port() != 0);
        QCOMPARE(m_server->baseUrl(), QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server->port()));
    }

    void modelsListsTheFakeModels() {
        const Reply r = m_probe->get(QStringLiteral("/models"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["object"].toString(), QStringLiteral("list"));
        QStringList ids;
        for (const QJsonValue& model : r.json()["data"].toArray()) {
            ids.append(model["id"].toString());
            QCOMPARE(model["object"].toString(), QStringLiteral("model"));
        }
        QCOMPARE(ids, (QStringList{"fake-chat", "fake-embed"}));
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/models")), 1);
    }

    void embeddingsAreDeterministicNormalisedAndInInputOrder() {
        const QJsonArray input{"alpha", "beta — ß", "gamma", "alpha"};
        const Reply r = m_probe->post(QStringLiteral("/embeddings"),
                                      QJsonObject{{"model", "fake-embed"}, {"input", input}});
        QCOMPARE(r.status, 200);
        const QJsonObject json = r.json();
        QCOMPARE(json["model"].toString(), QStringLiteral("fake-embed"));
        const QJsonArray data = json["data"].toArray();
        QCOMPARE(data.size(), input.size());
        for (qsizetype i = 0; i < data.size(); ++i) {
            QCOMPARE(data[i]["index"].toInt(), int(i));
            QCOMPARE(data[i]["object"].toString(), QStringLiteral("embedding"));
            const QJsonArray vector = data[i]["embedding"].toArray();
            QCOMPARE(vector.size(), qsizetype(FakeOpenAiServer::kDefaultDimensions));
            QVERIFY(std::abs(norm(vector) - 1.0) < 1e-4);
            QCOMPARE(floats(vector), FakeOpenAiServer::embeddingFor(input[i].toString()));
        }
        QCOMPARE(data[0]["embedding"], data[3]["embedding"]);
        QVERIFY(data[0]["embedding"] != data[1]["embedding"]);
        QVERIFY(json["usage"]["prompt_tokens"].toInt() > 0);
        QCOMPARE(json["usage"]["total_tokens"], json["usage"]["prompt_tokens"]);

        const Reply single = m_probe->post(QStringLiteral("/embeddings"),
                                           QJsonObject{{"model", "fake-embed"}, {"input", "beta — ß"}});
        QCOMPARE(single.json()["data"][0]["embedding"], data[1]["embedding"]);
        const QList<QJsonObject> bodies = m_server->requestBodies(QStringLiteral("/v1/embeddings"));
        QCOMPARE(bodies.size(), qsizetype(2));
        QCOMPARE(bodies[0]["input"].toArray(), input);
    }

    void embeddingsHonourDimensionsAndBase64() {
        const Reply r = m_probe->post(QStringLiteral("/embeddings"),
                                      QJsonObject{{"model", "m"}, {"input", "text"}, {"dimensions", 64}});
        const QJsonArray vector = r.json()["data"][0]["embedding"].toArray();
        QCOMPARE(vector.size(), qsizetype(64));
        QVERIFY(std::abs(norm(vector) - 1.0) < 1e-4);
        QCOMPARE(floats(vector), FakeOpenAiServer::embeddingFor(QStringLiteral("text"), 64));

        const Reply b = m_probe->post(
            QStringLiteral("/embeddings"),
            QJsonObject{
                {"model", "m"}, {"input", "text"}, {"dimensions", 64}, {"encoding_format", "base64"}});
        const QByteArray raw = QByteArray::fromBase64(b.json()["data"][0]["embedding"].toString().toLatin1());
        QCOMPARE(raw.size(), qsizetype(64 * 4));
        QList<float> decoded;
        for (int i = 0; i < 64; ++i) {
            const quint32 bits = qFromLittleEndian<quint32>(raw.constData() + 4 * i);
            float value = 0;
            std::memcpy(&value, &bits, sizeof value);
            decoded.append(value);
        }
        QCOMPARE(decoded, floats(vector));
    }

    void badEmbeddingRequestsGet400_data() {
        QTest::addColumn<QJsonObject>("body");
        QJsonArray tooMany;
        for (int i = 0; i < 2049; ++i)
            tooMany.append(QStringLiteral("text %1").arg(i));
        QTest::newRow("2049 inputs") << QJsonObject{{"model", "m"}, {"input", tooMany}};
        QTest::newRow("no input") << QJsonObject{{"model", "m"}};
        QTest::newRow("empty array") << QJsonObject{{"model", "m"}, {"input", QJsonArray()}};
        QTest::newRow("empty string") << QJsonObject{{"model", "m"}, {"input", QJsonArray{"a", ""}}};
        QTest::newRow("token arrays") << QJsonObject{{"model", "m"}, {"input", QJsonArray{QJsonArray{1, 2}}}};
        QTest::newRow("no model") << QJsonObject{{"input", "a"}};
        QTest::newRow("zero dimensions") << QJsonObject{{"model", "m"}, {"input", "a"}, {"dimensions", 0}};
    }
    void badEmbeddingRequestsGet400() {
        QFETCH(QJsonObject, body);
        const Reply r = m_probe->post(QStringLiteral("/embeddings"), body);
        QCOMPARE(r.status, 400);
        QVERIFY(!r.errorJson()["message"].toString().isEmpty());
        QCOMPARE(r.errorJson()["type"].toString(), QStringLiteral("invalid_request_error"));
    }

    void twoThousandFortyEightInputsAreAccepted() {
        QJsonArray input;
        for (int i = 0; i < 2048; ++i)
            input.append(QStringLiteral("chunk %1").arg(i));
        const Reply r = m_probe->post(QStringLiteral("/embeddings"),
                                      QJsonObject{{"model", "m"}, {"input", input}, {"dimensions", 8}});
        QCOMPARE(r.status, 200);
        const QJsonArray data = r.json()["data"].toArray();
        QCOMPARE(data.size(), qsizetype(2048));
        QCOMPARE(data[2047]["index"].toInt(), 2047);
        QCOMPARE(floats(data[2047]["embedding"].toArray()),
                 FakeOpenAiServer::embeddingFor(QStringLiteral("chunk 2047"), 8));
    }

    void chatWithoutStreamReturnsTheReply() {
        const QString reply = QStringLiteral("Grüße — run `make install` [1].");
        m_server->setChatReply(reply);
        const Reply r = m_probe->post(QStringLiteral("/chat/completions"), chatBody(false));
        QCOMPARE(r.status, 200);
        const QJsonObject json = r.json();
        QCOMPARE(json["object"].toString(), QStringLiteral("chat.completion"));
        const QJsonObject choice = json["choices"][0].toObject();
        QCOMPARE(choice["message"]["content"].toString(), reply);
        QCOMPARE(choice["message"]["role"].toString(), QStringLiteral("assistant"));
        QCOMPARE(choice["finish_reason"].toString(), QStringLiteral("stop"));
        const QJsonObject usage = json["usage"].toObject();
        QVERIFY(usage["prompt_tokens"].toInt() > 0);
        QCOMPARE(usage["completion_tokens"].toInt(), 6); // one per streamed piece: "Grüße", " —", " run", …
        QCOMPARE(usage["total_tokens"].toInt(), usage["prompt_tokens"].toInt() + 6);
        QCOMPARE(m_server->requestBodies(QStringLiteral("/v1/chat/completions"))[0], chatBody(false));
    }

    void streamedChatReassemblesTheReplyExactly_data() {
        QTest::addColumn<QString>("reply");
        QTest::newRow("ascii") << QStringLiteral("Use the ingest command [1].");
        QTest::newRow("multi-byte") << QStringLiteral(
            "Ünïcödé — 日本語のテキスト 🙂🚀 done [2].");
        QTest::newRow("odd spacing") << QStringLiteral("  Line one.\n\nLine   two\tends ");
        QTest::newRow("one word") << QStringLiteral("Yes.");
        QTest::newRow("empty") << QString();
    }
    void streamedChatReassemblesTheReplyExactly() {
        QFETCH(QString, reply);
        m_server->setChatReply(reply);
        const Stream s = m_probe->stream(chatBody(true));
        QCOMPARE(s.http.status, 200);
        QCOMPARE(s.http.error, QNetworkReply::NoError);
        QVERIFY(s.http.contentType.startsWith("text/event-stream"));
        QCOMPARE(s.content, reply);
        QCOMPARE(s.doneCount, 1);
        QVERIFY(s.doneIsLast);
        QVERIFY(s.unparsable.isEmpty());
        QVERIFY(s.comments >= 1);
        QVERIFY(!s.partial);
        QCOMPARE(s.chunks.first()["choices"][0]["delta"]["role"].toString(), QStringLiteral("assistant"));
        for (qsizetype i = 0; i < s.chunks.size(); ++i) {
            QCOMPARE(s.chunks[i]["object"].toString(), QStringLiteral("chat.completion.chunk"));
            QVERIFY(!s.chunks[i].contains(QLatin1String("usage")));
            const QJsonValue finish = s.chunks[i]["choices"][0]["finish_reason"];
            if (i + 1 < s.chunks.size())
                QVERIFY(finish.isNull());
            else
                QCOMPARE(finish.toString(), QStringLiteral("stop"));
        }
    }

    void streamSendsUsageLastWhenAsked() {
        m_server->setChatReply(QStringLiteral("One two three."));
        QJsonObject body = chatBody(true);
        body["stream_options"] = QJsonObject{{"include_usage", true}};
        const Stream s = m_probe->stream(body);
        QCOMPARE(s.content, QStringLiteral("One two three."));
        const QJsonObject last = s.chunks.last();
        QVERIFY(last["choices"].toArray().isEmpty());
        QCOMPARE(last["usage"]["completion_tokens"].toInt(), 3);
        for (qsizetype i = 0; i + 1 < s.chunks.size(); ++i)
            QVERIFY(s.chunks[i]["usage"].isNull());
    }

    void llamaCppStyleOmitsTheRoleAndPutsUsageInTheFinishingChunk() {
        m_server->setLlamaCppStyle(true);
        m_server->setChatReply(QStringLiteral("Local models answer too."));
        const Stream s = m_probe->stream(chatBody(true));
        QCOMPARE(s.content, QStringLiteral("Local models answer too."));
        QVERIFY(!s.chunks.first()["choices"][0]["delta"].toObject().contains(QLatin1String("role")));
        QCOMPARE(s.chunks.first()["choices"][0]["delta"]["content"].toString(), QStringLiteral("Local"));
        const QJsonObject last = s.chunks.last();
        QCOMPARE(last["choices"][0]["finish_reason"].toString(), QStringLiteral("stop"));
        QCOMPARE(last["usage"]["completion_tokens"].toInt(), 4);
        QVERIFY(s.doneIsLast);
    }

    void theStreamIsWrittenInPiecesThatSplitEvents() {
        m_server->setChatReply(QStringLiteral("Pieces of a stream arrive separately."));
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(kTimeoutMs));
        const QByteArray body = QJsonDocument(chatBody(true)).toJson(QJsonDocument::Compact);
        socket.write(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray raw;
        QVERIFY(QTest::qWaitFor(
            [&] {
                raw += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            kTimeoutMs));
        raw += socket.readAll();
        QVERIFY(raw.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(raw.contains("Transfer-Encoding: chunked\r\n"));
        // Decode the chunked body by hand: each HTTP chunk is one write of the server.
        qsizetype at = raw.indexOf("\r\n\r\n") + 4;
        QList<QByteArray> pieces;
        for (;;) {
            const qsizetype lineEnd = raw.indexOf("\r\n", at);
            QVERIFY(lineEnd > 0);
            bool ok = false;
            const qsizetype size = raw.mid(at, lineEnd - at).toLongLong(&ok, 16);
            QVERIFY(ok);
            if (size == 0)
                break;
            pieces.append(raw.mid(lineEnd + 2, size));
            at = lineEnd + 2 + size + 2;
        }
        int splitEvents = 0;
        SseParser parser;
        QString content;
        for (const QByteArray& piece : pieces) {
            splitEvents += piece.endsWith("\n\n") ? 0 : 1;
            for (const SseEvent& e : parser.feed(piece)) {
                if (e.data != "[DONE]")
                    content += QJsonDocument::fromJson(e.data)["choices"][0]["delta"]["content"].toString();
            }
        }
        QVERIFY2(splitEvents >= 3, qPrintable(QString::number(splitEvents)));
        QCOMPARE(content, QStringLiteral("Pieces of a stream arrive separately."));
    }

    void latencyAndTokenDelayPaceTheAnswers() {
        m_server->setLatency(150);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_probe->get(QStringLiteral("/models")).status, 200);
        QVERIFY(timer.elapsed() >= 150);

        m_server->setLatency(0);
        m_server->setStreamTokenDelay(40);
        m_server->setChatReply(QStringLiteral("five words in this reply"));
        timer.restart();
        const Stream s = m_probe->stream(chatBody(true));
        QCOMPARE(s.content, QStringLiteral("five words in this reply"));
        // Five word chunks and the finishing chunk each wait after the opening chunk.
        QVERIFY2(timer.elapsed() >= 6 * 40, qPrintable(QString::number(timer.elapsed())));
    }

    void rateLimitedAnswers429WithRetryAfterOnce() {
        m_server->enqueueFault(FakeFault::RateLimited, 7);
        QCOMPARE(m_server->pendingFaultCount(), 1);
        const Reply r =
            m_probe->post(QStringLiteral("/embeddings"), QJsonObject{{"model", "m"}, {"input", "a"}});
        QCOMPARE(r.status, 429);
        QCOMPARE(r.retryAfter, QByteArray("7"));
        QCOMPARE(r.errorJson()["code"].toString(), QStringLiteral("rate_limit_exceeded"));
        QVERIFY(!r.errorJson()["message"].toString().isEmpty());
        QCOMPARE(
            m_probe->post(QStringLiteral("/embeddings"), QJsonObject{{"model", "m"}, {"input", "a"}}).status,
            200);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/embeddings")), 2);
    }

    void faultsAreServedInOrderWhateverThePath() {
        m_server->enqueueFault(FakeFault::ServerError, 3);
        m_server->enqueueFault(FakeFault::RateLimited);
        const Reply first = m_probe->get(QStringLiteral("/models"));
        QCOMPARE(first.status, 500);
        QCOMPARE(first.retryAfter, QByteArray("3"));
        QCOMPARE(first.errorJson()["type"].toString(), QStringLiteral("server_error"));
        const Reply second = m_probe->post(QStringLiteral("/chat/completions"), chatBody(false));
        QCOMPARE(second.status, 429);
        QCOMPARE(second.retryAfter, QByteArray("0"));
        QCOMPARE(m_probe->get(QStringLiteral("/models")).status, 200);
    }

    void malformedJsonIsA200ThatDoesNotParse() {
        m_server->enqueueFault(FakeFault::MalformedJson);
        const Reply r =
            m_probe->post(QStringLiteral("/embeddings"), QJsonObject{{"model", "m"}, {"input", "a"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.error, QNetworkReply::NoError);
        QJsonParseError error{};
        QJsonDocument::fromJson(r.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);

        m_server->enqueueFault(FakeFault::MalformedJson);
        const Stream s = m_probe->stream(chatBody(true));
        QCOMPARE(s.http.status, 200);
        QCOMPARE(s.unparsable.size(), qsizetype(1));
        QVERIFY(s.doneIsLast);
    }

    void truncatedStreamStopsMidEventWithoutDone() {
        m_server->setChatReply(QStringLiteral("one two three four five six"));
        m_server->enqueueFault(FakeFault::TruncatedStream);
        const Stream s = m_probe->stream(chatBody(true));
        QCOMPARE(s.http.status, 200);
        QCOMPARE(s.doneCount, 0);
        QVERIFY(s.partial);
        QVERIFY(QStringLiteral("one two three four five six").startsWith(s.content));
        QVERIFY(s.content.size() < 27);
        // No assertion on s.http.error: QNetworkAccessManager reports some cut-off chunked bodies as
        // finished without error, so clients must rely on [DONE] and SseParser::hasPartialEvent().

        m_server->enqueueFault(FakeFault::TruncatedStream);
        const Reply r =
            m_probe->post(QStringLiteral("/embeddings"), QJsonObject{{"model", "m"}, {"input", "a"}});
        QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError); // fewer bytes than Content-Length
    }

    void dropConnectionClosesWithoutAResponse() {
        // QNetworkAccessManager itself resends a request once when the connection closes before any
        // byte of a response: a client built on it only sees the second drop in a row.
        m_server->enqueueFault(FakeFault::DropConnection);
        const Reply resent =
            m_probe->post(QStringLiteral("/embeddings"), QJsonObject{{"model", "m"}, {"input", "a"}});
        QCOMPARE(resent.status, 200);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/embeddings")), 2);

        m_server->enqueueFault(FakeFault::DropConnection);
        m_server->enqueueFault(FakeFault::DropConnection);
        const Reply r = m_probe->get(QStringLiteral("/models"));
        QVERIFY(r.finished);
        QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError);
        QCOMPARE(r.status, 0);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/models")), 2);
        QCOMPARE(m_server->pendingFaultCount(), 0);
    }

    void streamErrorSendsAnErrorEventMidStream() {
        m_server->setChatReply(QStringLiteral("alpha beta gamma delta"));
        m_server->enqueueFault(FakeFault::StreamError);
        const Stream s = m_probe->stream(chatBody(true));
        QCOMPARE(s.http.status, 200);
        const QJsonObject last = s.chunks.last();
        QVERIFY(!last["error"]["message"].toString().isEmpty());
        QVERIFY(s.content.size() < 22);
        QVERIFY(QStringLiteral("alpha beta gamma delta").startsWith(s.content));

        m_server->enqueueFault(FakeFault::StreamError);
        QCOMPARE(m_probe->post(QStringLiteral("/chat/completions"), chatBody(false)).status, 500);
    }

    void aRequiredApiKeyIsEnforced() {
        m_server->setRequiredApiKey(QStringLiteral("sk-right"));
        const QJsonObject body{{"model", "m"}, {"input", "a"}};
        const Reply none = m_probe->post(QStringLiteral("/embeddings"), body);
        QCOMPARE(none.status, 401);
        QVERIFY(!none.errorJson()["message"].toString().isEmpty());
        const Reply wrong = m_probe->post(QStringLiteral("/embeddings"), body, "sk-wrong");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorJson()["code"].toString(), QStringLiteral("invalid_api_key"));
        QCOMPARE(m_probe->post(QStringLiteral("/embeddings"), body, "sk-right").status, 200);
    }

    void unknownPathsMethodsAndBodiesGetErrors() {
        const Reply missing = m_probe->get(QStringLiteral("/nothing"));
        QCOMPARE(missing.status, 404);
        QVERIFY(!missing.errorJson()["message"].toString().isEmpty());
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/nothing")), 1);
        QCOMPARE(m_probe->post(QStringLiteral("/models"), QJsonObject()).status, 405);
        const Reply broken = test::OpenAiProbe::wait(m_probe->manager().post(
            m_probe->request(QStringLiteral("/embeddings")), QByteArray("{\"model\":")));
        QCOMPARE(broken.status, 400);
        QCOMPARE(m_probe->post(QStringLiteral("/chat/completions"), QJsonObject{{"model", "m"}}).status, 400);
    }

    void concurrentRequestsAreServedConcurrently() {
        m_server->setLatency(200);
        QElapsedTimer timer;
        timer.start();
        QList<QNetworkReply*> replies;
        for (int i = 0; i < 10; ++i)
            replies.append(m_probe->manager().post(
                m_probe->request(QStringLiteral("/embeddings")),
                QJsonDocument(QJsonObject{{"model", "m"}, {"input", QString::number(i)}})
                    .toJson(QJsonDocument::Compact)));
        QList<Reply> results;
        for (QNetworkReply* reply : replies)
            results.append(test::OpenAiProbe::wait(reply));
        const qint64 elapsed = timer.elapsed();
        for (const Reply& r : results)
            QCOMPARE(r.status, 200);
        // One after the other they would take 2 s; QNetworkAccessManager opens 6 connections per host.
        QVERIFY2(elapsed < 1200, qPrintable(QString::number(elapsed)));
        QVERIFY2(m_server->peakConcurrentRequests() >= 5,
                 qPrintable(QString::number(m_server->peakConcurrentRequests())));
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/embeddings")), 10);
        QTRY_COMPARE(m_server->activeRequests(), 0);
    }

    void concurrentStreamsAreInterleaved() {
        m_server->setStreamTokenDelay(20);
        m_server->setChatReply(QStringLiteral("a b c d e f g h i j"));
        QList<QNetworkReply*> replies;
        for (int i = 0; i < 3; ++i)
            replies.append(
                m_probe->manager().post(m_probe->request(QStringLiteral("/chat/completions")),
                                        QJsonDocument(chatBody(true)).toJson(QJsonDocument::Compact)));
        for (QNetworkReply* reply : replies) {
            const Reply r = test::OpenAiProbe::wait(reply);
            QCOMPARE(r.status, 200);
            QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
        }
        QCOMPARE(m_server->peakConcurrentRequests(), 3);
    }

    void connectionsAreKeptAliveUnlessToldToClose() {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_probe->get(QStringLiteral("/models")).status, 200);
        QCOMPARE(m_server->connectionCount(), 1);
        QNetworkRequest closing = m_probe->request(QStringLiteral("/models"));
        closing.setRawHeader("Connection", "close");
        QNetworkReply* reply = m_probe->manager().get(closing);
        const Reply r = test::OpenAiProbe::wait(reply);
        QCOMPARE(r.status, 200);
        QCOMPARE(m_probe->get(QStringLiteral("/models")).status, 200);
        QCOMPARE(m_server->connectionCount(), 2);
    }

    void rawSocketPipelinesRequestsAndHonoursClose() {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(kTimeoutMs));
        const QByteArray body = R"({"model":"m","input":["x"],"dimensions":4})";
        const QByteArray requests = "GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n"
                                    "POST /v1/embeddings HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                    QByteArray::number(body.size()) + "\r\n\r\n" + body +
                                    "GET /v1/models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        // Byte by byte for the first part, so requests also arrive cut at every position.
        for (qsizetype i = 0; i < requests.size(); i += i < 60 ? 1 : 500) {
            socket.write(requests.mid(i, i < 60 ? 1 : 500));
            socket.flush();
            if (i < 60)
                QTest::qWait(1);
        }
        QByteArray buffer;
        QList<RawResponse> responses;
        QVERIFY(QTest::qWaitFor(
            [&] {
                buffer += socket.readAll();
                responses += test::OpenAiProbe::takeRawResponses(buffer);
                return responses.size() == 3 && socket.state() == QAbstractSocket::UnconnectedState;
            },
            kTimeoutMs));
        QCOMPARE(responses[0].status, 200);
        QCOMPARE(QJsonDocument::fromJson(responses[0].body)["object"].toString(), QStringLiteral("list"));
        QCOMPARE(QJsonDocument::fromJson(responses[1].body)["data"][0]["embedding"].toArray().size(),
                 qsizetype(4));
        QVERIFY(responses[2].head.contains("Connection: close"));
        QCOMPARE(m_server->connectionCount(), 1);
    }

    void unparsableRequestsGet400AndAClosedConnection() {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(kTimeoutMs));
        socket.write("NOT AN HTTP REQUEST\r\n\r\n");
        QByteArray buffer;
        QVERIFY(QTest::qWaitFor(
            [&] {
                buffer += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            kTimeoutMs));
        buffer += socket.readAll();
        const QList<RawResponse> responses = test::OpenAiProbe::takeRawResponses(buffer);
        QCOMPARE(responses.size(), qsizetype(1));
        QCOMPARE(responses[0].status, 400);
        QCOMPARE(m_server->totalRequestCount(), 0);
    }

    void resetRestoresTheDefaults() {
        m_server->setChatReply(QStringLiteral("custom"));
        m_server->setRequiredApiKey(QStringLiteral("sk"));
        m_server->setLlamaCppStyle(true);
        m_server->enqueueFault(FakeFault::ServerError);
        QCOMPARE(m_probe->get(QStringLiteral("/models")).status, 500);
        m_server->enqueueFault(FakeFault::ServerError);
        m_server->reset();
        QCOMPARE(m_server->pendingFaultCount(), 0);
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/models")), 0);
        QCOMPARE(m_server->peakConcurrentRequests(), 0);
        const Stream s = m_probe->stream(chatBody(true));
        QCOMPARE(s.http.status, 200);
        QCOMPARE(s.content, FakeOpenAiServer::defaultChatReply());
        QVERIFY(s.chunks.first()["choices"][0]["delta"].toObject().contains(QLatin1String("role")));
        QCOMPARE(m_server->totalRequestCount(), 1);
    }

    void theServerRunsAsAProcess() {
        QProcess process;
        process.start(QStringLiteral(DOCRAG_FAKE_OPENAI_SERVER),
                      {QStringLiteral("--reply"), QStringLiteral("From the process."),
                       QStringLiteral("--latency"), QStringLiteral("10"), QStringLiteral("--llama-cpp")});
        QVERIFY(process.waitForStarted(kTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return process.canReadLine(); }, kTimeoutMs));
        bool ok = false;
        const int port = process.readLine().trimmed().toInt(&ok);
        QVERIFY(ok && port > 0);
        QNetworkRequest r(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(port)));
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const Reply result =
            test::OpenAiProbe::wait(m_probe->manager().post(r, QJsonDocument(chatBody(false)).toJson()));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json()["choices"][0]["message"]["content"].toString(),
                 QStringLiteral("From the process."));
        process.closeWriteChannel(); // its lifeline: the server exits when stdin closes
        QVERIFY(process.waitForFinished(kTimeoutMs));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFakeOpenAiServer)
#include "test_fake_openai_server.moc"
