#include "tests/support/fake_openai_state.h"

#include <QMutexLocker>

#include <algorithm>

namespace docrag::test {

FakeRequestTicket FakeOpenAiState::beginRequest(const QString& path, const QJsonObject& body) {
    QMutexLocker lock(&m_mutex);
    m_bodies[path].append(body);
    ++m_total;
    m_peak = std::max(m_peak, ++m_active);
    FakeRequestTicket ticket;
    ticket.settings = m_settings;
    ticket.sequence = ++m_sequence;
    if (!m_faults.empty()) {
        ticket.fault = m_faults.front().first;
        ticket.retryAfterSeconds = m_faults.front().second;
        m_faults.pop_front();
    }
    return ticket;
}

void FakeOpenAiState::endRequest() {
    QMutexLocker lock(&m_mutex);
    --m_active;
}

void FakeOpenAiState::connectionAccepted() {
    QMutexLocker lock(&m_mutex);
    ++m_connections;
}

void FakeOpenAiState::setLatency(int ms) {
    QMutexLocker lock(&m_mutex);
    m_settings.latencyMs = std::max(0, ms);
}

void FakeOpenAiState::setStreamTokenDelay(int ms) {
    QMutexLocker lock(&m_mutex);
    m_settings.streamTokenDelayMs = std::max(0, ms);
}

void FakeOpenAiState::setChatReply(const QString& text) {
    QMutexLocker lock(&m_mutex);
    m_settings.chatReply = text;
}

void FakeOpenAiState::setLlamaCppStyle(bool on) {
    QMutexLocker lock(&m_mutex);
    m_settings.llamaCppStyle = on;
}

void FakeOpenAiState::setRequiredApiKey(const QString& key) {
    QMutexLocker lock(&m_mutex);
    m_settings.requiredApiKey = key;
}

void FakeOpenAiState::setRedirectTarget(const QString& origin) {
    QMutexLocker lock(&m_mutex);
    m_settings.redirectTo = origin;
}

void FakeOpenAiState::enqueueFault(FakeFault fault, int retryAfterSeconds) {
    QMutexLocker lock(&m_mutex);
    m_faults.emplace_back(fault, std::max(0, retryAfterSeconds));
}

int FakeOpenAiState::requestCount(const QString& path) const {
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_bodies.value(path).size());
}

int FakeOpenAiState::totalRequestCount() const {
    QMutexLocker lock(&m_mutex);
    return m_total;
}

QList<QJsonObject> FakeOpenAiState::requestBodies(const QString& path) const {
    QMutexLocker lock(&m_mutex);
    return m_bodies.value(path);
}

int FakeOpenAiState::activeRequests() const {
    QMutexLocker lock(&m_mutex);
    return m_active;
}

int FakeOpenAiState::peakConcurrentRequests() const {
    QMutexLocker lock(&m_mutex);
    return m_peak;
}

int FakeOpenAiState::connectionCount() const {
    QMutexLocker lock(&m_mutex);
    return m_connections;
}

int FakeOpenAiState::pendingFaultCount() const {
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_faults.size());
}

void FakeOpenAiState::reset() {
    QMutexLocker lock(&m_mutex);
    m_settings = FakeOpenAiSettings();
    m_faults.clear();
    m_bodies.clear();
    m_total = 0;
    m_peak = m_active;
    m_connections = 0;
}

} // namespace docrag::test
