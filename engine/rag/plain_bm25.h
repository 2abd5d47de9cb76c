#pragma once

#include "engine/embed/text_analyzer.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace docrag {

// The yardstick of the documentation evaluations: plain BM25 (k1 0.9, b 0.4, Snowball stems, stopwords
// dropped) over fixed windows of a page's text, 1,500 characters by default, with no fields, no
// structure and no vectors. A page ranks by its best window. In memory: built per evaluation.
class PlainBm25 final {
public:
    explicit PlainBm25(int windowChars = 1500, double k1 = 0.9, double b = 0.4);

    void add(const QString& page, const QString& text);
    // Pages by their best window's score, best first, at most `k`.
    QStringList rank(const QString& query, int k);

    int pages() const { return static_cast<int>(m_pages.size()); }
    int windows() const { return static_cast<int>(m_windowPage.size()); }

private:
    struct Posting final {
        int window = 0;
        int count = 0;
    };

    QStringList terms(const QString& text);

    int m_windowChars;
    double m_k1;
    double m_b;
    TextAnalyzer m_analyzer;
    QStringList m_pages;
    std::vector<int> m_windowPage;
    std::vector<int> m_windowLength; // in terms
    qint64 m_totalLength = 0;
    QHash<QString, std::vector<Posting>> m_postings;
};

} // namespace docrag
