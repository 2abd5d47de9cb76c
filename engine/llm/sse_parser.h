#pragma once

#include "engine/llm/sse_event.h"

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace docrag {

// Incremental parser for a text/event-stream body (WHATWG HTML "event stream interpretation") as
// OpenAI-compatible servers send it. Bytes may arrive split anywhere: mid-line, between the CR and
// LF of one line ending, inside a UTF-8 sequence. Works on bytes: every delimiter is ASCII, which
// never occurs inside a multi-byte UTF-8 sequence, so decoding can wait until the caller needs text.
class SseParser final {
public:
    // Feeds the next bytes of the stream and returns the events completed by them, in order.
    std::vector<SseEvent> feed(QByteArrayView bytes);

    // True when bytes of an unfinished event are buffered: a stream that ends now was cut off.
    // Comments and blank lines alone never count as an unfinished event.
    bool hasPartialEvent() const;
    // Keep-alive comments seen (lines starting with ':').
    int commentCount() const { return m_commentCount; }
    // Bytes held for an unfinished line or event, so a caller can cap what a hostile server makes it buffer.
    qsizetype bufferedBytes() const { return m_line.size() + m_data.size() + m_eventType.size(); }

private:
    void processLine(QByteArrayView line, std::vector<SseEvent>& out);
    void dispatch(std::vector<SseEvent>& out);
    // Consumes the bytes of a leading UTF-8 BOM (which may itself arrive split) and returns what is left.
    QByteArrayView skipBom(QByteArrayView bytes);

    QByteArray m_line; // an unfinished line carried over from an earlier feed
    QByteArray m_data;
    QByteArray m_eventType;
    QByteArray m_lastEventId;
    int m_commentCount = 0;
    int m_bomMatched = 0;
    bool m_bomResolved = false;
    bool m_skipLeadingLf = false; // the previous feed ended in CR: a LF that starts this one belongs to it
    bool m_fieldsSeen = false;    // a field line arrived since the last blank line
};

} // namespace docrag
