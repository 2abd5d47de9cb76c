// libFuzzer target: the SSE parser. The stream is parsed three ways, whole, one byte at a time and
// cut where the input's first byte says; the parser promises that where the network splits a stream
// never changes the events it yields.
#include "engine/llm/sse_parser.h"
#include "tests/fuzz/loader_fuzz.h"

#include <vector>

namespace {

struct Parsed final {
    std::vector<docrag::SseEvent> events;
    bool partial = false;
    qsizetype buffered = 0;
};

template <typename Cut> Parsed parse(QByteArrayView stream, Cut nextPieceSize) {
    docrag::SseParser parser;
    Parsed parsed;
    for (qsizetype at = 0; at < stream.size();) {
        const qsizetype piece = std::min(nextPieceSize(), stream.size() - at);
        for (docrag::SseEvent& event : parser.feed(stream.sliced(at, piece)))
            parsed.events.push_back(std::move(event));
        at += piece;
    }
    parsed.partial = parser.hasPartialEvent();
    parsed.buffered = parser.bufferedBytes();
    return parsed;
}

bool same(const Parsed& a, const Parsed& b) {
    if (a.events.size() != b.events.size() || a.partial != b.partial || a.buffered != b.buffered)
        return false;
    for (size_t i = 0; i < a.events.size(); ++i) {
        if (a.events[i].event != b.events[i].event || a.events[i].data != b.events[i].data ||
            a.events[i].id != b.events[i].id)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0)
        return 0;
    // The first byte seeds the cuts (1 to 16 bytes long); the stream is the rest.
    unsigned seed = data[0];
    const QByteArrayView stream(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    const Parsed whole = parse(stream, [&] { return stream.size(); });
    const Parsed bytewise = parse(stream, [] { return qsizetype(1); });
    const Parsed cut = parse(stream, [&] {
        seed = seed * 1103515245u + 12345u;
        return qsizetype((seed >> 16) % 16 + 1);
    });
    if (!same(whole, bytewise) || !same(whole, cut))
        docrag::fuzz::fail("the events depend on where the stream was split");
    return 0;
}
