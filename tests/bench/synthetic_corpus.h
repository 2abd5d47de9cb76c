#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace docrag::bench {

// A reproducible documentation-like corpus of any size. Like real documentation it has topics: every
// page belongs to one, and its sections mix a shared vocabulary (real English stopwords first, then
// general words, Zipf-distributed) with the topic's own words (also Zipf-distributed). Queries name two
// topic words and a general word, as people ask about one subject.
class SyntheticCorpus final {
public:
    static constexpr int kSectionsPerFile = 10;

    explicit SyntheticCorpus(unsigned seed = 20261128);

    // Writes enough files under `dir` for about `chunks` chunks (one section is one chunk). Files that
    // exist with the same content are left alone, so a second call changes nothing.
    void writeFiles(const QString& dir, int chunks) const;
    QStringList queries(int count) const;
    // A paragraph of `words` words of one topic (for tokenizer and embedder benchmarks).
    QString paragraph(unsigned seed, int words) const;

private:
    QString generalWord(unsigned& state) const;
    QString topicWord(unsigned topic, unsigned& state) const;
    unsigned zipf(const std::vector<double>& cumulative, unsigned& state) const;

    unsigned m_seed;
    QStringList m_general;
    QStringList m_topical; // kTopics * kTopicWords words
    std::vector<double> m_generalCumulative;
    std::vector<double> m_topicCumulative;
};

} // namespace docrag::bench
