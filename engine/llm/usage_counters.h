#pragma once

#include <QString>

#include <atomic>

namespace docrag {

// What the client has spent: requests, retries, failures, tokens and an estimate of the cost.
// Updated from the client's thread and read from anywhere.
class UsageCounters final {
public:
    void addRequest() { ++m_requests; }
    void addRetry() { ++m_retries; }
    void addFailure() { ++m_failures; }
    // Tokens as the server reported them; the cost from the model's list price.
    void addTokens(const QString& model, qint64 promptTokens, qint64 completionTokens);

    qint64 requests() const { return m_requests.load(); }
    qint64 retries() const { return m_retries.load(); }
    qint64 failures() const { return m_failures.load(); }
    qint64 promptTokens() const { return m_promptTokens.load(); }
    qint64 completionTokens() const { return m_completionTokens.load(); }
    double costUsd() const { return static_cast<double>(m_costMicroUsd.load()) / 1e6; }

    // US dollars per million tokens (input, output) of OpenAI's models; 0 for unknown (local) models.
    static std::pair<double, double> pricePerMillion(const QString& model);

private:
    std::atomic<qint64> m_requests{0};
    std::atomic<qint64> m_retries{0};
    std::atomic<qint64> m_failures{0};
    std::atomic<qint64> m_promptTokens{0};
    std::atomic<qint64> m_completionTokens{0};
    std::atomic<qint64> m_costMicroUsd{0};
};

} // namespace docrag
