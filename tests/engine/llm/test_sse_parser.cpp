#include "engine/llm/sse_parser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace docrag;

namespace {

// A chat completion stream as OpenAI sends it, built from its parts so the expected events are known
// independently of the parser: every event's payload and the byte range its block occupies.
struct Stream final {
    QByteArray bytes;
    QList<QByteArray> payloads;
    QList<std::pair<qsizetype, qsizetype>> eventRanges; // [first byte, dispatched after byte) of each event
    int comments = 0;
};

QByteArray chunkJson(const QJsonObject& delta, const QJsonValue& finishReason) {
    const QJsonObject choice{{"index", 0}, {"delta", delta}, {"finish_reason", finishReason}};
    const QJsonObject chunk{{"id", "chatcmpl-9x2"},
                            {"object", "chat.completion.chunk"},
                            {"created", 1718000000},
                            {"model", "gpt-4o-mini"},
                            {"choices", QJsonArray{choice}}};
    return QJsonDocument(chunk).toJson(QJsonDocument::Compact);
}

void addEvent(Stream& s, const QByteArray& payload, QByteArrayView eol) {
    const qsizetype begin = s.bytes.size();
    s.bytes += "data: " + payload + eol.toByteArray() + eol.toByteArray();
    s.payloads.append(payload);
    // A CR already ends the blank line, so with CRLF the event is complete one byte before its block ends.
    s.eventRanges.append({begin, s.bytes.size() - (eol == "\r\n" ? 1 : 0)});
}

void addComment(Stream& s, QByteArrayView text, QByteArrayView eol) {
    s.bytes += ':' + text.toByteArray() + eol.toByteArray() + eol.toByteArray();
    ++s.comments;
}

Stream openAiStream(QByteArrayView eol = "\n") {
    Stream s;
    addEvent(s, chunkJson(QJsonObject{{"role", "assistant"}, {"content", ""}}, QJsonValue::Null), eol);
    addComment(s, " keep-alive", eol);
    // Multi-byte text so that byte-wise splits land inside UTF-8 sequences.
    const QStringList words{"Install", " with",   " `pip", " install`", " —",
                            " naïve",  " 日本語", " 🙂", " [1]."};
    for (const QString& word : words)
        addEvent(s, chunkJson(QJsonObject{{"content", word}}, QJsonValue::Null), eol);
    addEvent(s, chunkJson(QJsonObject{}, QStringLiteral("stop")), eol);
    const QJsonObject usage{
        {"id", "chatcmpl-9x2"},
        {"object", "chat.completion.chunk"},
        {"choices", QJsonArray{}},
        {"usage", QJsonObject{{"prompt_tokens", 57}, {"completion_tokens", 9}, {"total_tokens", 66}}}};
    addEvent(s, QJsonDocument(usage).toJson(QJsonDocument::Compact), eol);
    addEvent(s, "[DONE]", eol);
    return s;
}

QList<QByteArray> dataOf(const std::vector<SseEvent>& events) {
    QList<QByteArray> out;
    for (const SseEvent& e : events)
        out.append(e.data);
    return out;
}

// One line per event so that QCOMPARE shows where two parses differ.
QList<QByteArray> describe(const std::vector<SseEvent>& events) {
    QList<QByteArray> out;
    for (const SseEvent& e : events)
        out.append(e.event + '|' + e.id + '|' + e.data);
    return out;
}

std::vector<SseEvent> feedAll(SseParser& parser, const QList<QByteArrayView>& pieces) {
    std::vector<SseEvent> out;
    for (QByteArrayView piece : pieces) {
        std::vector<SseEvent> events = parser.feed(piece);
        out.insert(out.end(), events.begin(), events.end());
    }
    return out;
}

std::vector<SseEvent> feedAll(QByteArrayView bytes) {
    SseParser parser;
    return parser.feed(bytes);
}

} // namespace

class TestSseParser final : public QObject {
    Q_OBJECT

private slots:
    void lineEndings_data() {
        QTest::addColumn<QByteArray>("eol");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("CR") << QByteArray("\r");
    }

    void aWholeOpenAiStreamGivesEveryChunkThenDone() {
        const Stream s = openAiStream();
        SseParser parser;
        const std::vector<SseEvent> events = parser.feed(s.bytes);
        QCOMPARE(dataOf(events), s.payloads);
        QCOMPARE(events.back().data, QByteArray("[DONE]"));
        for (std::size_t i = 0; i + 1 < events.size(); ++i) {
            QJsonParseError error;
            QJsonDocument::fromJson(events[i].data, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, events[i].data.constData());
            QVERIFY(events[i].event.isEmpty());
        }
        QCOMPARE(parser.commentCount(), s.comments);
        QVERIFY(!parser.hasPartialEvent());
    }

    void everySplitPositionGivesTheSameEvents_data() { lineEndings_data(); }
    void everySplitPositionGivesTheSameEvents() {
        QFETCH(QByteArray, eol);
        const Stream s = openAiStream(eol);
        const QList<QByteArray> whole = describe(feedAll(s.bytes));
        QCOMPARE(whole.size(), s.payloads.size());
        for (qsizetype cut = 0; cut <= s.bytes.size(); ++cut) {
            SseParser parser;
            const QByteArrayView bytes(s.bytes);
            const auto events = feedAll(parser, {bytes.first(cut), bytes.sliced(cut)});
            QVERIFY2(describe(events) == whole, qPrintable(QStringLiteral("split at byte %1").arg(cut)));
            QCOMPARE(parser.commentCount(), s.comments);
            QVERIFY(!parser.hasPartialEvent());
        }
    }

    void oneByteAtATimeGivesTheSameEvents_data() { lineEndings_data(); }
    void oneByteAtATimeGivesTheSameEvents() {
        QFETCH(QByteArray, eol);
        const Stream s = openAiStream(eol);
        SseParser parser;
        std::vector<SseEvent> events;
        for (qsizetype i = 0; i < s.bytes.size(); ++i) {
            std::vector<SseEvent> got = parser.feed(QByteArrayView(s.bytes).sliced(i, 1));
            events.insert(events.end(), got.begin(), got.end());
        }
        QCOMPARE(describe(events), describe(feedAll(s.bytes)));
        QCOMPARE(dataOf(events), s.payloads);
        QCOMPARE(parser.commentCount(), s.comments);
    }

    void randomSplitsGiveTheSameEvents_data() { lineEndings_data(); }
    void randomSplitsGiveTheSameEvents() {
        QFETCH(QByteArray, eol);
        const Stream s = openAiStream(eol);
        const QList<QByteArray> whole = describe(feedAll(s.bytes));
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        for (int round = 0; round < 300; ++round) {
            QList<QByteArrayView> pieces;
            qsizetype at = 0;
            while (at < s.bytes.size()) {
                const qsizetype size = std::min<qsizetype>(random.bounded(1, 40), s.bytes.size() - at);
                pieces.append(QByteArrayView(s.bytes).sliced(at, size));
                at += size;
            }
            SseParser parser;
            QVERIFY2(describe(feedAll(parser, pieces)) == whole,
                     qPrintable(QStringLiteral("seed %1, round %2").arg(seed).arg(round)));
        }
    }

    void doneIsAnOrdinaryEvent() {
        const auto events = feedAll("data: [DONE]\n\n");
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events[0].data, QByteArray("[DONE]"));
        QVERIFY(events[0].event.isEmpty());
    }

    void keepAliveCommentsAreCountedAndNeverDispatched() {
        SseParser parser;
        auto events = parser.feed(": keep-alive\n\n:\n: ping\n\n");
        QVERIFY(events.empty());
        QCOMPARE(parser.commentCount(), 3);
        // A comment inside an event neither dispatches nor breaks it.
        events = parser.feed("data: x\n: in the middle\ndata: y\n\n");
        QCOMPARE(dataOf(events), QList<QByteArray>{"x\ny"});
        QCOMPARE(parser.commentCount(), 4);
    }

    void everyLineEndingIsOneLineEnding() {
        const auto events = feedAll("data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\rdata: e\n\n");
        QCOMPARE(dataOf(events), (QList<QByteArray>{"a\nb\nc", "d", "e"}));
    }

    void aCrAtTheEndOfOneFeedAndLfAtTheStartOfTheNextAreOneLineEnding() {
        SseParser parser;
        auto events = feedAll(parser, {"data: a\r", "\ndata: b\r", "\n\r", "\n"});
        // Were the LF taken as a second line ending, "a" would have been dispatched on its own.
        QCOMPARE(dataOf(events), QList<QByteArray>{"a\nb"});
        QVERIFY(!parser.hasPartialEvent());

        SseParser twoCrs;
        events = feedAll(twoCrs, {"data: a\r", "\r", "data: b\r", "", "\r"});
        QCOMPARE(dataOf(events), (QList<QByteArray>{"a", "b"}));

        // Only the very next byte may complete the CR: a LF after other bytes is a line ending of its own.
        SseParser later;
        events = feedAll(later, {"data: a\r", "data: b\n", "\n"});
        QCOMPARE(dataOf(events), QList<QByteArray>{"a\nb"});
    }

    void dataLinesAreJoinedWithLf() {
        const auto events = feedAll("data: first\ndata:second\ndata\ndata:  two spaces\ndata: \n\n");
        QCOMPARE(dataOf(events), QList<QByteArray>{"first\nsecond\n\n two spaces\n"});
    }

    void fieldsAreParsedAsTheSpecSays() {
        const auto events = feedAll("event: delta\nid: 42\nretry: 1000\nfoo: bar\nDATA: ignored\ndata:x:y\n\n"
                                    "data: no id given\n\n"
                                    "event: ping\n\n" // no data: not dispatched, and its type is dropped
                                    "data\n\n"
                                    "id\ndata: z\n\n");
        QCOMPARE(describe(events), (QList<QByteArray>{"delta|42|x:y", "|42|no id given", "|42|", "||z"}));
    }

    void aLeadingBomIsSkipped() {
        QCOMPARE(dataOf(feedAll("\xEF\xBB\xBF"
                                "data: x\n\n")),
                 QList<QByteArray>{"x"});
        SseParser split;
        QCOMPARE(dataOf(feedAll(split, {"\xEF", "\xBB", "\xBF", "data: x\n\n"})), QList<QByteArray>{"x"});
        // Only at the very start: a BOM later is part of a field name, and the field is unknown.
        QCOMPARE(dataOf(feedAll("\xEF\xBB\xBF"
                                "data: a\n\n\xEF\xBB\xBF"
                                "data: b\n\ndata: c\n\n")),
                 (QList<QByteArray>{"a", "c"}));
        // The start of a BOM that does not complete is kept, not dropped.
        SseParser broken;
        QVERIFY(feedAll(broken, {"\xEF\xBB", "data: d\n\n"}).empty());
        SseParser plain;
        QCOMPARE(dataOf(feedAll(plain, {"", "d", "ata: e\n\n"})), QList<QByteArray>{"e"});
    }

    void partialEventsAreDetected_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("partial");
        QTest::newRow("nothing") << QByteArray() << false;
        QTest::newRow("complete") << QByteArray("data: x\n\n") << false;
        QTest::newRow("no blank line") << QByteArray("data: {\"a\":1}\n") << true;
        QTest::newRow("mid line") << QByteArray("data: {\"a\"") << true;
        QTest::newRow("mid field name") << QByteArray("data: x\n\nda") << true;
        QTest::newRow("event field only") << QByteArray("event: x\n") << true;
        QTest::newRow("comment") << QByteArray(": keep-alive\n") << false;
        QTest::newRow("mid comment") << QByteArray("data: x\n\n: keep-al") << false;
        QTest::newRow("extra blank lines") << QByteArray("data: x\n\n\n\n") << false;
        QTest::newRow("CR ends the field") << QByteArray("data: x\r") << true;
        QTest::newRow("CR ends the event") << QByteArray("data: x\r\n\r") << false;
        QTest::newRow("half a BOM") << QByteArray("\xEF\xBB") << true;
    }
    void partialEventsAreDetected() {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, partial);
        SseParser parser;
        (void)parser.feed(bytes);
        QCOMPARE(parser.hasPartialEvent(), partial);
    }

    void aStreamCutAnywhereIsDetected_data() { lineEndings_data(); }
    void aStreamCutAnywhereIsDetected() {
        QFETCH(QByteArray, eol);
        const Stream s = openAiStream(eol);
        for (qsizetype cut = 0; cut <= s.bytes.size(); ++cut) {
            SseParser parser;
            const auto events = parser.feed(QByteArrayView(s.bytes).first(cut));
            bool inside = false;
            qsizetype complete = 0;
            for (const auto& [begin, end] : s.eventRanges) {
                inside = inside || (begin < cut && cut < end);
                complete += end <= cut ? 1 : 0;
            }
            const QString where = QStringLiteral("cut at byte %1").arg(cut);
            QVERIFY2(parser.hasPartialEvent() == inside, qPrintable(where));
            QVERIFY2(dataOf(events) == s.payloads.first(complete), qPrintable(where));
        }
    }

    void bufferedBytesShowWhatIsHeld() {
        SseParser parser;
        (void)parser.feed("data: abc\nda");
        QCOMPARE(parser.bufferedBytes(), qsizetype(4 + 2));
        (void)parser.feed("ta: d\n\n");
        QCOMPARE(parser.bufferedBytes(), qsizetype(0));
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "test_sse_parser.moc"
