#include "engine/index/reranker.h"

#include "engine/embed/text_analyzer.h"

#include <algorithm>
#include <cmath>

namespace docrag {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// The content words of a text, lowercased, with their stems.
struct Words final {
    QString lowered;
    std::vector<TextAnalyzer::Term> terms; // stopwords removed
};

Words analyze(TextAnalyzer& analyzer, QStringView text) {
    Words w;
    analyzer.analyze(text, w.lowered, w.terms, false);
    std::erase_if(w.terms, [](const TextAnalyzer::Term& t) { return t.stopword; });
    return w;
}

// Calls visit3 and visit4 with every character 3- and 4-gram of every word, the word wrapped in
// boundary marks ("<read>" gives "<re", "rea", "ead", "ad>"); a word shorter than n is one gram. A
// gram of up to four UTF-16 units is packed into 64 bits, which is its own perfect hash; the 3-gram
// ending at a position is the low 48 bits of the 4-gram ending there.
template <typename Visit3, typename Visit4>
void forEachGram(const Words& words, Visit3&& visit3, Visit4&& visit4) {
    constexpr quint64 kLow48 = (quint64(1) << 48) - 1;
    constexpr quint64 kTag3 = quint64(3) << 48; // grams that are a whole short word carry their length
    for (const TextAnalyzer::Term& term : words.terms) {
        const QChar* word = words.lowered.constData() + term.start;
        const qsizetype length = term.length + 2;
        quint64 rolling = u'<';
        for (qsizetype i = 1; i < length; ++i) {
            rolling = (rolling << 16) | (i == length - 1 ? u'>' : word[i - 1].unicode());
            if (i >= 2)
                visit3(rolling & kLow48);
            if (i >= 3)
                visit4(rolling);
        }
        if (length < 3)
            visit3((rolling & kLow48) | kTag3);
        if (length < 4)
            visit4((rolling & kLow48) | kTag3);
    }
}

// A small open-addressing map from gram to its index among the query's grams.
class GramTable final {
public:
    explicit GramTable(size_t expected) {
        size_t capacity = 16;
        while (capacity < expected * 2)
            capacity *= 2;
        m_keys.assign(capacity, 0);
        m_values.assign(capacity, -1);
    }
    int find(quint64 key) const {
        for (size_t slot = mix(key);; slot = (slot + 1) & (m_keys.size() - 1)) {
            if (m_values[slot] < 0)
                return -1;
            if (m_keys[slot] == key)
                return m_values[slot];
        }
    }
    int insert(quint64 key, int value) {
        for (size_t slot = mix(key);; slot = (slot + 1) & (m_keys.size() - 1)) {
            if (m_values[slot] < 0) {
                m_keys[slot] = key;
                m_values[slot] = value;
                return value;
            }
            if (m_keys[slot] == key)
                return m_values[slot];
        }
    }

private:
    size_t mix(quint64 key) const {
        return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & (m_keys.size() - 1);
    }

    std::vector<quint64> m_keys;
    std::vector<int> m_values;
};

// The counts of one gram size: which grams the query has, and how often each candidate has them.
struct GramCounts final {
    explicit GramCounts(size_t expected)
        : table(expected) {}
    GramTable table;
    std::vector<double> query;
    std::vector<double> tf; // candidates x query grams
    std::vector<double> length;

    void addQueryGram(quint64 gram) {
        const int index = table.insert(gram, static_cast<int>(query.size()));
        if (static_cast<size_t>(index) == query.size())
            query.push_back(0.0);
        query[static_cast<size_t>(index)] += 1.0;
    }
};

// BM25 of the query's grams over the candidates, with document frequencies taken within the pool:
// a gram every candidate shares says nothing about which one is better.
std::vector<double> bm25(const GramCounts& counts) {
    const size_t grams = counts.query.size();
    const size_t candidates = counts.length.size();
    std::vector<double> df(grams, 0.0);
    double average = 0.0;
    for (size_t c = 0; c < candidates; ++c) {
        average += counts.length[c];
        for (size_t g = 0; g < grams; ++g)
            df[g] += counts.tf[c * grams + g] > 0.0 ? 1.0 : 0.0;
    }
    const double count = static_cast<double>(candidates);
    average = std::max(1.0, average / std::max(1.0, count));
    std::vector<double> idf(grams);
    for (size_t g = 0; g < grams; ++g)
        idf[g] = std::log(1.0 + (count - df[g] + 0.5) / (df[g] + 0.5));
    std::vector<double> scores(candidates, 0.0);
    for (size_t c = 0; c < candidates; ++c) {
        const double norm = kK1 * (1.0 - kB + kB * counts.length[c] / average);
        const double* row = counts.tf.data() + c * grams;
        for (size_t g = 0; g < grams; ++g) {
            if (row[g] > 0.0)
                scores[c] += counts.query[g] * idf[g] * row[g] * (kK1 + 1.0) / (row[g] + norm);
        }
    }
    return scores;
}

// Trigram and four-gram BM25 of every candidate, in one pass over their words.
std::pair<std::vector<double>, std::vector<double>> gramScores(const Words& query,
                                                               const std::vector<Words>& candidates) {
    size_t expected = 0;
    for (const TextAnalyzer::Term& term : query.terms)
        expected += static_cast<size_t>(term.length) + 2;
    GramCounts three(expected);
    GramCounts four(expected);
    forEachGram(
        query, [&](quint64 g) { three.addQueryGram(g); }, [&](quint64 g) { four.addQueryGram(g); });
    three.tf.assign(candidates.size() * three.query.size(), 0.0);
    four.tf.assign(candidates.size() * four.query.size(), 0.0);
    three.length.assign(candidates.size(), 0.0);
    four.length.assign(candidates.size(), 0.0);
    for (size_t c = 0; c < candidates.size(); ++c) {
        double* row3 = three.tf.data() + c * three.query.size();
        double* row4 = four.tf.data() + c * four.query.size();
        forEachGram(
            candidates[c],
            [&](quint64 g) {
                three.length[c] += 1.0;
                if (const int i = three.table.find(g); i >= 0)
                    row3[i] += 1.0;
            },
            [&](quint64 g) {
                four.length[c] += 1.0;
                if (const int i = four.table.find(g); i >= 0)
                    row4[i] += 1.0;
            });
    }
    return {bm25(three), bm25(four)};
}

QStringView wordOf(const Words& words, const TextAnalyzer::Term& term) {
    return QStringView(words.lowered).sliced(term.start, term.length);
}

// Two words match when they share their first five letters (or are equal when shorter): inflections
// of one word ("reading", "reads") match without running the stemmer over every candidate.
bool sameWord(QStringView a, QStringView b) {
    constexpr qsizetype kPrefix = 5;
    if (a.size() < kPrefix || b.size() < kPrefix)
        return a == b;
    return a.first(kPrefix) == b.first(kPrefix);
}

// Share of the query's adjacent word pairs that stand side by side, in order, in the text.
double phraseShare(const Words& query, const Words& text) {
    const size_t pairs = query.terms.size() < 2 ? 0 : query.terms.size() - 1;
    if (pairs == 0)
        return 0.0;
    std::vector<bool> found(pairs, false);
    for (size_t i = 0; i + 1 < text.terms.size(); ++i) {
        const QStringView first = wordOf(text, text.terms[i]);
        for (size_t p = 0; p < pairs; ++p) {
            if (!found[p] && sameWord(first, wordOf(query, query.terms[p])) &&
                sameWord(wordOf(text, text.terms[i + 1]), wordOf(query, query.terms[p + 1])))
                found[p] = true;
        }
    }
    return static_cast<double>(std::count(found.begin(), found.end(), true)) / static_cast<double>(pairs);
}

// Scales a signal so that the best candidate has 1.
void relativeToBest(std::vector<double>& values) {
    const double best = values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
    for (double& v : values)
        v = best > 0.0 ? std::max(0.0, v) / best : 0.0;
}

} // namespace

Reranker::Reranker(RerankWeights weights)
    : m_weights(weights) {}

std::vector<RerankParts> Reranker::parts(const QString& query,
                                         const std::vector<RerankCandidate>& candidates) const {
    thread_local TextAnalyzer analyzer;
    const Words queryWords = analyze(analyzer, query);
    std::vector<Words> texts;
    texts.reserve(candidates.size());
    for (const RerankCandidate& c : candidates)
        texts.push_back(analyze(analyzer, c.text));

    std::vector<double> lexical;
    std::vector<double> dense;
    for (const RerankCandidate& c : candidates) {
        lexical.push_back(c.lexicalScore);
        dense.push_back(c.denseScore);
    }
    relativeToBest(lexical);
    relativeToBest(dense);
    auto [trigrams, fourgrams] = gramScores(queryWords, texts);
    relativeToBest(trigrams);
    relativeToBest(fourgrams);

    std::vector<RerankParts> out(candidates.size());
    for (size_t i = 0; i < candidates.size(); ++i) {
        out[i] =
            RerankParts{m_weights.lexical * lexical[i], m_weights.dense * dense[i],
                        m_weights.trigrams * trigrams[i], m_weights.fourgrams * fourgrams[i],
                        m_weights.phrase != 0.0 ? m_weights.phrase * phraseShare(queryWords, texts[i]) : 0.0};
    }
    return out;
}

} // namespace docrag
