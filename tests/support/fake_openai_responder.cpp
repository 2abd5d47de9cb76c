#include "tests/support/fake_openai_responder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <optional>

namespace docrag::test {

namespace {

const QByteArray kDone = "data: [DONE]\n\n";
const QByteArray kKeepAlive = ": keep-alive\n\n";

QByteArray compact(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray event(const QJsonObject& object) {
    return "data: " + compact(object) + "\n\n";
}

FakeResponse jsonResponse(int status, const QJsonObject& object) {
    FakeResponse response;
    response.status = status;
    response.headers.emplaceBack("Content-Type", "application/json");
    response.body = compact(object);
    return response;
}

QJsonObject errorObject(const QString& message, const QString& type, const QJsonValue& code,
                        const QJsonValue& param = QJsonValue::Null) {
    return QJsonObject{
        {"error", QJsonObject{{"message", message}, {"type", type}, {"param", param}, {"code", code}}}};
}

FakeResponse errorResponse(int status, const QString& message, const QString& type, const QJsonValue& code,
                           const QJsonValue& param = QJsonValue::Null) {
    return jsonResponse(status, errorObject(message, type, code, param));
}

FakeResponse badRequest(const QString& message, const QString& param) {
    return errorResponse(400, message, QStringLiteral("invalid_request_error"), QJsonValue::Null, param);
}

// A rough count, close enough to a real tokenizer's for usage figures: about four bytes a token.
int estimateTokens(const QString& text) {
    return std::max<int>(1, static_cast<int>((text.toUtf8().size() + 3) / 4));
}

QString messageText(const QJsonValue& content) {
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue& part : content.toArray())
        text += part.toObject().value(QLatin1String("text")).toString();
    return text;
}

std::optional<FakeResponse> checkChat(const QJsonObject& body) {
    if (body.value(QLatin1String("model")).toString().isEmpty())
        return badRequest(QStringLiteral("you must provide a model parameter"), QStringLiteral("model"));
    const QJsonValue messages = body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty())
        return badRequest(QStringLiteral("'messages' must be a non-empty array"), QStringLiteral("messages"));
    for (const QJsonValue& message : messages.toArray()) {
        if (message.toObject().value(QLatin1String("role")).toString().isEmpty())
            return badRequest(QStringLiteral("every message needs a 'role'"), QStringLiteral("messages"));
    }
    return std::nullopt;
}

// The vector with each component rounded to 1e-7: JSON then carries short numbers that read back
// exactly, so embeddingFor() can promise the very floats a client parses.
std::vector<double> roundedEmbedding(const QString& text, int dimensions) {
    quint64 hash = 14695981039346656037ull; // FNV-1a: unlike qHash it is not seeded per process
    for (char c : text.toUtf8()) {
        hash ^= static_cast<quint8>(c);
        hash *= 1099511628211ull;
    }
    std::vector<double> values(static_cast<std::size_t>(dimensions));
    quint64 state = hash;
    double norm = 0;
    for (double& value : values) {
        quint64 z = (state += 0x9E3779B97F4A7C15ull); // splitmix64
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        value = static_cast<double>(z >> 11) * 0x1.0p-53 * 2.0 - 1.0;
        norm += value * value;
    }
    norm = std::sqrt(norm);
    for (double& value : values)
        value = std::round(value / norm * 1e7) / 1e7;
    return values;
}

QJsonValue encodeEmbedding(const std::vector<double>& values, bool base64) {
    if (!base64) {
        QJsonArray array;
        for (double value : values)
            array.append(value);
        return array;
    }
    QByteArray raw(static_cast<qsizetype>(values.size() * sizeof(float)), Qt::Uninitialized);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const float value = static_cast<float>(values[i]);
        quint32 bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        qToLittleEndian(bits, raw.data() + i * sizeof(float));
    }
    return QString::fromLatin1(raw.toBase64());
}

} // namespace

FakeOpenAiResponder::FakeOpenAiResponder(FakeRequestTicket ticket)
    : m_ticket(std::move(ticket))
    , m_created(QDateTime::currentSecsSinceEpoch()) {}

FakeResponse FakeOpenAiResponder::respond(const HttpRequest& request) const {
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    const bool bodyIsJson = parseError.error == QJsonParseError::NoError && document.isObject();
    const QJsonObject body = document.object();
    FakeResponse normal = route(request, body, bodyIsJson);
    if (m_ticket.fault == FakeFault::None)
        return normal;
    return applyFault(std::move(normal), body, request);
}

QList<float> FakeOpenAiResponder::embeddingFor(const QString& text, int dimensions) {
    QList<float> out;
    for (double value : roundedEmbedding(text, dimensions))
        out.append(static_cast<float>(value));
    return out;
}

QStringList FakeOpenAiResponder::replyPieces(const QString& reply) {
    QStringList pieces;
    QString current;
    bool inWord = false;
    for (QChar c : reply) {
        if (c.isSpace() && inWord) {
            pieces.append(current);
            current.clear();
            inWord = false;
        }
        current.append(c);
        inWord = inWord || !c.isSpace();
    }
    if (!current.isEmpty())
        pieces.append(current);
    return pieces;
}

FakeResponse FakeOpenAiResponder::route(const HttpRequest& request, const QJsonObject& body,
                                        bool bodyIsJson) const {
    const QString key = m_ticket.settings.requiredApiKey;
    if (!key.isEmpty()) {
        const QByteArray authorization = request.header("authorization");
        if (authorization.isEmpty())
            return errorResponse(401,
                                 QStringLiteral("You didn't provide an API key. You need to provide your API "
                                                "key in an Authorization header using Bearer auth."),
                                 QStringLiteral("invalid_request_error"), QJsonValue::Null);
        if (authorization != "Bearer " + key.toUtf8())
            return errorResponse(401, QStringLiteral("Incorrect API key provided."),
                                 QStringLiteral("invalid_request_error"), QStringLiteral("invalid_api_key"));
    }
    const QString path = request.path();
    const QByteArray expectedMethod = path == QLatin1String("/v1/models")             ? "GET"
                                      : path == QLatin1String("/v1/embeddings")       ? "POST"
                                      : path == QLatin1String("/v1/chat/completions") ? "POST"
                                                                                      : "";
    if (expectedMethod.isEmpty() || request.method != expectedMethod) {
        const int status = expectedMethod.isEmpty() ? 404 : 405;
        return errorResponse(status,
                             QStringLiteral("Unknown request URL: %1 %2. Please check the URL for typos.")
                                 .arg(QString::fromUtf8(request.method), path),
                             QStringLiteral("invalid_request_error"), QStringLiteral("unknown_url"));
    }
    if (request.method == "GET")
        return models();
    if (!bodyIsJson)
        return badRequest(QStringLiteral("We could not parse the JSON body of your request."), QString());
    if (path == QLatin1String("/v1/embeddings"))
        return embeddings(body);
    return body.value(QLatin1String("stream")).toBool() ? chatStream(body, StreamMode::Normal) : chat(body);
}

FakeResponse FakeOpenAiResponder::applyFault(FakeResponse normal, const QJsonObject& body,
                                             const HttpRequest& request) const {
    const int retryAfter = m_ticket.retryAfterSeconds;
    switch (m_ticket.fault) {
    case FakeFault::None:
        return normal;
    case FakeFault::RateLimited: {
        FakeResponse response =
            errorResponse(429,
                          QStringLiteral("Rate limit reached for requests (fake). Please try again in %1s.")
                              .arg(retryAfter),
                          QStringLiteral("requests"), QStringLiteral("rate_limit_exceeded"));
        response.headers.emplaceBack("Retry-After", QByteArray::number(retryAfter));
        return response;
    }
    case FakeFault::ServerError: {
        FakeResponse response = errorResponse(
            500, QStringLiteral("The server had an error while processing your request (fake)."),
            QStringLiteral("server_error"), QJsonValue::Null);
        if (retryAfter > 0)
            response.headers.emplaceBack("Retry-After", QByteArray::number(retryAfter));
        return response;
    }
    case FakeFault::DropConnection: {
        FakeResponse response;
        response.ending = FakeResponse::Ending::NoResponse;
        return response;
    }
    case FakeFault::MalformedJson: {
        if (normal.streamed)
            return chatStream(body, StreamMode::Malformed);
        // A prefix of a JSON object never closes it, so half the real body is always broken.
        FakeResponse response = jsonResponse(200, QJsonObject());
        response.body = normal.body.first(std::max<qsizetype>(1, normal.body.size() / 2));
        return response;
    }
    case FakeFault::TruncatedStream:
        if (normal.streamed)
            return chatStream(body, StreamMode::CutOff);
        normal.ending = FakeResponse::Ending::CutOff;
        normal.bytesToSend = normal.body.size() / 2;
        return normal;
    case FakeFault::StreamError:
        if (normal.streamed)
            return chatStream(body, StreamMode::ErrorEvent);
        return errorResponse(500, QStringLiteral("The model failed while generating (fake)."),
                             QStringLiteral("server_error"), QStringLiteral("stream_error"));
    case FakeFault::EchoKey: {
        const QString sent = QString::fromUtf8(request.header("authorization")).section(QLatin1Char(' '), 1);
        return errorResponse(401,
                             QStringLiteral("Incorrect API key provided: %1. You can find your API key at "
                                            "https://platform.openai.com/account/api-keys.")
                                 .arg(sent),
                             QStringLiteral("invalid_request_error"), QStringLiteral("invalid_api_key"));
    }
    case FakeFault::EchoHeaders: {
        QByteArray page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
                          "<p>The upstream failed. Your request:</p><pre>";
        for (const auto& [name, value] : request.headers)
            page += name + ": " + value + "\n";
        page += "</pre></body></html>";
        FakeResponse response;
        response.status = 502;
        response.headers.emplaceBack("Content-Type", "text/html");
        response.body = page;
        return response;
    }
    case FakeFault::Redirect: {
        FakeResponse response;
        response.status = 307;
        response.headers.emplaceBack("Location", (m_ticket.settings.redirectTo + request.path()).toUtf8());
        return response;
    }
    }
    return normal;
}

FakeResponse FakeOpenAiResponder::models() const {
    QJsonArray data;
    for (const char* id : {"fake-chat", "fake-embed"})
        data.append(QJsonObject{{"id", QLatin1String(id)},
                                {"object", "model"},
                                {"created", 1700000000},
                                {"owned_by", "docrag-test"}});
    return jsonResponse(200, QJsonObject{{"object", "list"}, {"data", data}});
}

FakeResponse FakeOpenAiResponder::embeddings(const QJsonObject& body) const {
    const QString model = body.value(QLatin1String("model")).toString();
    if (model.isEmpty())
        return badRequest(QStringLiteral("you must provide a model parameter"), QStringLiteral("model"));
    QStringList inputs;
    const QJsonValue input = body.value(QLatin1String("input"));
    if (input.isString()) {
        inputs.append(input.toString());
    } else if (input.isArray()) {
        for (const QJsonValue& item : input.toArray()) {
            if (!item.isString())
                return badRequest(QStringLiteral("'$.input' must be a string or an array of strings "
                                                 "(token arrays are not supported by this fake)"),
                                  QStringLiteral("input"));
            inputs.append(item.toString());
        }
    } else {
        return badRequest(QStringLiteral("'input' is a required property"), QStringLiteral("input"));
    }
    if (inputs.isEmpty())
        return badRequest(QStringLiteral("'$.input' is invalid: the array is empty."),
                          QStringLiteral("input"));
    if (inputs.size() > kMaxInputs)
        return badRequest(
            QStringLiteral("'$.input' is too long. Maximum array length is %1.").arg(kMaxInputs),
            QStringLiteral("input"));
    if (inputs.contains(QString()))
        return badRequest(QStringLiteral("'$.input' is invalid: empty strings cannot be embedded."),
                          QStringLiteral("input"));

    int dimensions = kDefaultDimensions;
    if (body.contains(QLatin1String("dimensions"))) {
        const QJsonValue value = body.value(QLatin1String("dimensions"));
        const double d = value.toDouble(-1);
        if (!value.isDouble() || d != std::floor(d) || d < 1 || d > kMaxDimensions)
            return badRequest(
                QStringLiteral("'dimensions' must be an integer from 1 to %1.").arg(kMaxDimensions),
                QStringLiteral("dimensions"));
        dimensions = static_cast<int>(d);
    }
    const QString format = body.value(QLatin1String("encoding_format")).toString(QStringLiteral("float"));
    if (format != QLatin1String("float") && format != QLatin1String("base64"))
        return badRequest(QStringLiteral("'encoding_format' must be 'float' or 'base64'."),
                          QStringLiteral("encoding_format"));

    QJsonArray data;
    int tokens = 0;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QJsonValue embedding =
            encodeEmbedding(roundedEmbedding(inputs[i], dimensions), format == QLatin1String("base64"));
        data.append(QJsonObject{{"object", "embedding"}, {"index", i}, {"embedding", embedding}});
        tokens += estimateTokens(inputs[i]);
    }
    return jsonResponse(
        200, QJsonObject{{"object", "list"},
                         {"data", data},
                         {"model", model},
                         {"usage", QJsonObject{{"prompt_tokens", tokens}, {"total_tokens", tokens}}}});
}

FakeResponse FakeOpenAiResponder::chat(const QJsonObject& body) const {
    if (std::optional<FakeResponse> bad = checkChat(body))
        return *bad;
    const QJsonObject message{
        {"role", "assistant"}, {"content", m_ticket.settings.chatReply}, {"refusal", QJsonValue::Null}};
    const QJsonObject choice{
        {"index", 0}, {"message", message}, {"logprobs", QJsonValue::Null}, {"finish_reason", "stop"}};
    return jsonResponse(200, QJsonObject{{"id", completionId()},
                                         {"object", "chat.completion"},
                                         {"created", m_created},
                                         {"model", body.value(QLatin1String("model"))},
                                         {"system_fingerprint", "fp_fake"},
                                         {"choices", QJsonArray{choice}},
                                         {"usage", usage(body)}});
}

FakeResponse FakeOpenAiResponder::chatStream(const QJsonObject& body, StreamMode mode) const {
    if (std::optional<FakeResponse> bad = checkChat(body))
        return *bad;
    FakeResponse response;
    response.streamed = true;
    response.headers = {{"Content-Type", "text/event-stream; charset=utf-8"}, {"Cache-Control", "no-cache"}};
    response.ending =
        mode == StreamMode::CutOff ? FakeResponse::Ending::CutOff : FakeResponse::Ending::Complete;
    // Deliberately odd HTTP chunks, so that clients meet events split across reads: some blocks in
    // halves, some with the "data" keyword and the final blank line cut off, some whole.
    int k = 0;
    for (const Block& block : streamBlocks(body, mode)) {
        const qsizetype n = block.bytes.size();
        QList<qsizetype> cuts{0};
        if (k % 3 == 0 && n >= 2)
            cuts.append(n / 2);
        else if (k % 3 == 1 && n >= 5)
            cuts.append({3, n - 1});
        cuts.append(n);
        for (qsizetype i = 0; i + 1 < cuts.size(); ++i)
            response.pieces.push_back(
                {block.bytes.sliced(cuts[i], cuts[i + 1] - cuts[i]), i == 0 ? block.delayMs : 0});
        ++k;
    }
    return response;
}

std::vector<FakeOpenAiResponder::Block> FakeOpenAiResponder::streamBlocks(const QJsonObject& body,
                                                                          StreamMode mode) const {
    const FakeOpenAiSettings& settings = m_ticket.settings;
    const bool llama = settings.llamaCppStyle;
    const bool includeUsage =
        llama ||
        body.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool();
    // OpenAI puts "usage": null on every chunk but the extra last one when usage was asked for.
    const bool usageNull = includeUsage && !llama;
    const QString model = body.value(QLatin1String("model")).toString();
    QStringList words = replyPieces(settings.chatReply);
    // Like a real server, a reply longer than max_tokens stops there, with finish_reason "length".
    const int maxTokens = body.value(QLatin1String("max_tokens")).toInt();
    const bool cutAtLength = maxTokens > 0 && words.size() > maxTokens;
    if (cutAtLength)
        words = words.mid(0, maxTokens);

    std::vector<Block> blocks;
    bool firstChunkSent = false;
    const auto add = [&](const QByteArray& bytes, bool isChunk) {
        blocks.push_back({bytes, isChunk && firstChunkSent ? settings.streamTokenDelayMs : 0});
        firstChunkSent = firstChunkSent || isChunk;
    };
    const auto wordChunk = [&](qsizetype i) {
        return chunk(model, QJsonObject{{"content", words.value(i, QStringLiteral("…"))}}, QJsonValue::Null,
                     usageNull);
    };

    // OpenAI opens with the role and empty content; llama.cpp starts straight with the first word.
    qsizetype next = 0;
    if (!llama)
        add(event(chunk(model, QJsonObject{{"role", "assistant"}, {"content", ""}}, QJsonValue::Null,
                        usageNull)),
            true);
    else if (!words.isEmpty())
        add(event(wordChunk(next++)), true);
    add(kKeepAlive, false);

    if (mode == StreamMode::Malformed) {
        const QByteArray good = compact(wordChunk(next));
        add("data: " + good.first(good.size() / 2) + "\n\n", true);
        add(kDone, false);
        return blocks;
    }
    const qsizetype stop = mode == StreamMode::Normal ? words.size() : next + (words.size() - next) / 2;
    for (qsizetype i = next; i < stop; ++i)
        add(event(wordChunk(i)), true);

    QJsonObject finish = chunk(model, QJsonObject(),
                               cutAtLength ? QStringLiteral("length") : QStringLiteral("stop"), usageNull);
    if (mode == StreamMode::ErrorEvent) {
        add(event(errorObject(QStringLiteral("The model failed while generating (fake)."),
                              QStringLiteral("server_error"), QStringLiteral("stream_error"))),
            true);
        add(kDone, false);
        return blocks;
    }
    if (mode == StreamMode::CutOff) {
        const QByteArray cut = event(stop < words.size() ? wordChunk(stop) : finish);
        add(cut.first(cut.size() / 2), true);
        return blocks;
    }
    if (llama) {
        const QJsonObject use = usage(body);
        finish.insert(QLatin1String("usage"), use);
        finish.insert(QLatin1String("timings"),
                      QJsonObject{{"prompt_n", use.value(QLatin1String("prompt_tokens"))},
                                  {"predicted_n", use.value(QLatin1String("completion_tokens"))}});
    }
    add(event(finish), true);
    if (usageNull) {
        QJsonObject last = chunk(model, QJsonObject(), QJsonValue::Null, false);
        last.insert(QLatin1String("choices"), QJsonArray());
        last.insert(QLatin1String("usage"), usage(body));
        add(event(last), false);
    }
    add(kDone, false);
    return blocks;
}

QJsonObject FakeOpenAiResponder::chunk(const QString& model, const QJsonObject& delta,
                                       const QJsonValue& finishReason, bool usageField) const {
    QJsonObject choice{{"index", 0}, {"delta", delta}, {"finish_reason", finishReason}};
    if (!m_ticket.settings.llamaCppStyle)
        choice.insert(QLatin1String("logprobs"), QJsonValue::Null);
    QJsonObject object{
        {"id", completionId()}, {"object", "chat.completion.chunk"}, {"created", m_created},
        {"model", model},       {"system_fingerprint", "fp_fake"},   {"choices", QJsonArray{choice}}};
    if (usageField)
        object.insert(QLatin1String("usage"), QJsonValue::Null);
    return object;
}

QJsonObject FakeOpenAiResponder::usage(const QJsonObject& body) const {
    int prompt = 0;
    for (const QJsonValue& message : body.value(QLatin1String("messages")).toArray())
        prompt += 4 + estimateTokens(messageText(message.toObject().value(QLatin1String("content"))));
    const int completion = static_cast<int>(replyPieces(m_ticket.settings.chatReply).size());
    return QJsonObject{
        {"prompt_tokens", prompt}, {"completion_tokens", completion}, {"total_tokens", prompt + completion}};
}

QString FakeOpenAiResponder::completionId() const {
    return QStringLiteral("chatcmpl-fake%1").arg(m_ticket.sequence);
}

} // namespace docrag::test
