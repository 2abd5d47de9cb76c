#include "engine/llm/usage_counters.h"

#include <cmath>

namespace docrag {

std::pair<double, double> UsageCounters::pricePerMillion(const QString& model) {
    // List prices (USD per 1M tokens) of the models DocRag suggests; others are counted at 0.
    struct Price final {
        const char* prefix;
        double input;
        double output;
    };
    static const Price prices[] = {
        {"gpt-4o-mini", 0.15, 0.60},
        {"gpt-4o", 2.50, 10.00},
        {"gpt-4.1-mini", 0.40, 1.60},
        {"gpt-4.1-nano", 0.10, 0.40},
        {"gpt-4.1", 2.00, 8.00},
        {"text-embedding-3-small", 0.02, 0.0},
        {"text-embedding-3-large", 0.13, 0.0},
        {"text-embedding-ada-002", 0.10, 0.0},
    };
    for (const Price& p : prices) {
        if (model.startsWith(QLatin1String(p.prefix)))
            return {p.input, p.output};
    }
    return {0.0, 0.0};
}

void UsageCounters::addTokens(const QString& model, qint64 promptTokens, qint64 completionTokens) {
    m_promptTokens += promptTokens;
    m_completionTokens += completionTokens;
    const auto [input, output] = pricePerMillion(model);
    m_costMicroUsd += static_cast<qint64>(std::llround(input * static_cast<double>(promptTokens) +
                                                       output * static_cast<double>(completionTokens)));
}

} // namespace docrag
