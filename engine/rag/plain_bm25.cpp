#include "engine/rag/plain_bm25.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace docrag {

PlainBm25::PlainBm25(int windowChars, double k1, double b)
    : m_windowChars(windowChars)
    , m_k1(k1)
    , m_b(b) {}

QStringList PlainBm25::terms(const QString& text) {
    QString lowered;
    std::vector<TextAnalyzer::Term> found;
    m_analyzer.analyze(text, lowered, found, false);
    QStringList out;
    out.reserve(static_cast<qsizetype>(found.size()));
    for (const TextAnalyzer::Term& t : found) {
        if (!t.stopword)
            out << m_analyzer.stem(QStringView(lowered).mid(t.start, t.length));
    }
    return out;
}

void PlainBm25::add(const QString& page, const QString& text) {
    const int pageIndex = static_cast<int>(m_pages.size());
    m_pages << page;
    // Windows end at a space near their size, so that no word is cut in two.
    qsizetype from = 0;
    while (from < text.size()) {
        qsizetype to = std::min<qsizetype>(text.size(), from + m_windowChars);
        if (to < text.size()) {
            const qsizetype space = text.lastIndexOf(QLatin1Char(' '), to);
            if (space > from + m_windowChars / 2)
                to = space;
        }
        const QStringList words = terms(text.mid(from, to - from));
        from = to;
        if (words.isEmpty())
            continue;
        const int window = static_cast<int>(m_windowPage.size());
        m_windowPage.push_back(pageIndex);
        m_windowLength.push_back(static_cast<int>(words.size()));
        m_totalLength += words.size();
        QHash<QString, int> counts;
        for (const QString& w : words)
            ++counts[w];
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            m_postings[it.key()].push_back({window, it.value()});
    }
}

QStringList PlainBm25::rank(const QString& query, int k) {
    const double windows = static_cast<double>(m_windowPage.size());
    if (windows == 0)
        return {};
    const double average = static_cast<double>(m_totalLength) / windows;
    QStringList queryTerms = terms(query);
    queryTerms.removeDuplicates();
    std::unordered_map<int, double> scores;
    for (const QString& term : std::as_const(queryTerms)) {
        const auto postings = m_postings.constFind(term);
        if (postings == m_postings.cend())
            continue;
        const double df = static_cast<double>(postings->size());
        const double idf = std::log(1.0 + (windows - df + 0.5) / (df + 0.5));
        for (const Posting& p : *postings) {
            const double length = m_windowLength[static_cast<size_t>(p.window)];
            const double tf = p.count;
            scores[p.window] += idf * tf * (m_k1 + 1.0) / (tf + m_k1 * (1.0 - m_b + m_b * length / average));
        }
    }
    std::unordered_map<int, double> best; // page -> its best window
    for (const auto& [window, score] : scores) {
        double& b = best[m_windowPage[static_cast<size_t>(window)]];
        b = std::max(b, score);
    }
    std::vector<std::pair<double, int>> ranked;
    for (const auto& [page, score] : best)
        ranked.emplace_back(score, page);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& c) {
        return a.first != c.first ? a.first > c.first : a.second < c.second;
    });
    QStringList out;
    for (size_t i = 0; i < ranked.size() && static_cast<int>(i) < k; ++i)
        out << m_pages[ranked[i].second];
    return out;
}

} // namespace docrag
