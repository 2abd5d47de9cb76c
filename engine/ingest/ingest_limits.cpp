#include "engine/ingest/ingest_limits.h"

#include <algorithm>

namespace docrag {

qint64 IngestLimits::memoryEstimate(qint64 fileBytes) const {
    // Measured on one-line, million-heading and deeply nested files (RELIABILITY.md): the peak above the
    // process's own is under 4 times the file, plus what its passages and their vectors take.
    constexpr qint64 kPerPassage = 2 * 1024;
    const qint64 text = std::min(fileBytes, maxTextChars()) * 2;
    return fileBytes * 3 + text + static_cast<qint64>(maxPassagesPerFile) * kPerPassage;
}

QJsonObject IngestLimits::toJson() const {
    return QJsonObject{
        {QStringLiteral("max_file_bytes"), maxFileBytes},
        {QStringLiteral("max_passages_per_file"), maxPassagesPerFile},
        {QStringLiteral("max_block_chars"), maxBlockChars},
        {QStringLiteral("max_html_depth"), maxHtmlDepth},
        {QStringLiteral("memory_budget_bytes"), memoryBudgetBytes},
    };
}

IngestLimits IngestLimits::fromJson(const QJsonObject& json) {
    IngestLimits l;
    l.maxFileBytes = json.value(QStringLiteral("max_file_bytes")).toInteger(l.maxFileBytes);
    l.maxPassagesPerFile = json.value(QStringLiteral("max_passages_per_file")).toInt(l.maxPassagesPerFile);
    l.maxBlockChars = json.value(QStringLiteral("max_block_chars")).toInt(l.maxBlockChars);
    l.maxHtmlDepth = json.value(QStringLiteral("max_html_depth")).toInt(l.maxHtmlDepth);
    l.memoryBudgetBytes = json.value(QStringLiteral("memory_budget_bytes")).toInteger(l.memoryBudgetBytes);
    return l;
}

} // namespace docrag
