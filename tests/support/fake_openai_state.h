#pragma once

#include "tests/support/fake_fault.h"
#include "tests/support/fake_openai_settings.h"
#include "tests/support/fake_request_ticket.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <deque>
#include <utility>

namespace docrag::test {

// Everything FakeOpenAiServer shares between the test thread (settings, counters) and its own thread
// (the connections). Every member function locks.
class FakeOpenAiState final {
public:
    // A request arrived: counts it, records its body, takes the next queued fault and a copy of the settings.
    FakeRequestTicket beginRequest(const QString& path, const QJsonObject& body);
    // Its response is finished (or abandoned). Exactly once per beginRequest.
    void endRequest();
    void connectionAccepted();

    void setLatency(int ms);
    void setStreamTokenDelay(int ms);
    void setChatReply(const QString& text);
    void setLlamaCppStyle(bool on);
    void setRequiredApiKey(const QString& key);
    void setRedirectTarget(const QString& origin);
    void enqueueFault(FakeFault fault, int retryAfterSeconds);

    int requestCount(const QString& path) const;
    int totalRequestCount() const;
    QList<QJsonObject> requestBodies(const QString& path) const;
    int activeRequests() const;
    int peakConcurrentRequests() const;
    int connectionCount() const;
    int pendingFaultCount() const;
    // Settings, faults and counters back to their defaults. Requests still in flight stay counted as
    // active, so the peak cannot drop below them.
    void reset();

private:
    mutable QMutex m_mutex;
    FakeOpenAiSettings m_settings;
    std::deque<std::pair<FakeFault, int>> m_faults;
    QHash<QString, QList<QJsonObject>> m_bodies;
    int m_total = 0;
    int m_sequence = 0;
    int m_active = 0;
    int m_peak = 0;
    int m_connections = 0;
};

} // namespace docrag::test
