#include "engine/llm/sse_parser.h"

#include <utility>

namespace docrag {

namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";
constexpr int kBomSize = 3;

} // namespace

std::vector<SseEvent> SseParser::feed(QByteArrayView bytes) {
    std::vector<SseEvent> out;
    bytes = skipBom(bytes);
    if (bytes.isEmpty())
        return out;
    if (m_skipLeadingLf) {
        m_skipLeadingLf = false;
        if (bytes.front() == '\n')
            bytes = bytes.sliced(1);
    }
    const char* p = bytes.data();
    const qsizetype n = bytes.size();
    qsizetype start = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (c != '\n' && c != '\r')
            continue;
        const QByteArrayView tail = bytes.sliced(start, i - start);
        // Lines that arrive whole are parsed in place; only a line split across feeds is copied.
        if (m_line.isEmpty()) {
            processLine(tail, out);
        } else {
            m_line.append(tail);
            processLine(m_line, out);
            m_line.clear();
        }
        if (c == '\r') {
            if (i + 1 == n)
                m_skipLeadingLf = true;
            else if (p[i + 1] == '\n')
                ++i;
        }
        start = i + 1;
    }
    m_line.append(bytes.sliced(start));
    return out;
}

bool SseParser::hasPartialEvent() const {
    if (m_fieldsSeen)
        return true;
    if (!m_line.isEmpty() && !m_line.startsWith(':'))
        return true;
    return !m_bomResolved && m_bomMatched > 0;
}

QByteArrayView SseParser::skipBom(QByteArrayView bytes) {
    if (m_bomResolved)
        return bytes;
    qsizetype i = 0;
    while (i < bytes.size() && m_bomMatched < kBomSize && bytes[i] == kBom[m_bomMatched]) {
        ++i;
        ++m_bomMatched;
    }
    if (m_bomMatched == kBomSize) {
        m_bomResolved = true;
        return bytes.sliced(i);
    }
    if (i == bytes.size())
        return {}; // every byte so far may still be the start of a BOM
    m_bomResolved = true;
    // Not a BOM after all: the bytes held back belong to the first line.
    m_line.append(kBom, m_bomMatched);
    return bytes.sliced(i);
}

void SseParser::processLine(QByteArrayView line, std::vector<SseEvent>& out) {
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':') {
        ++m_commentCount;
        return;
    }
    m_fieldsSeen = true;
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        m_data.append(value);
        m_data.append('\n');
    } else if (field == "event") {
        m_eventType = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    }
    // `retry` and unknown fields are ignored: reconnection is the client's policy, not the stream's.
}

void SseParser::dispatch(std::vector<SseEvent>& out) {
    m_fieldsSeen = false;
    if (m_data.isEmpty()) {
        m_eventType.clear();
        return;
    }
    m_data.chop(1); // the '\n' appended after the last data line
    out.push_back(SseEvent{std::exchange(m_eventType, {}), std::exchange(m_data, {}), m_lastEventId});
}

} // namespace docrag
