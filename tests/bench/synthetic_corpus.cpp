#include "tests/bench/synthetic_corpus.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cmath>

namespace docrag::bench {
namespace {

constexpr int kGeneralWords = 3000;
constexpr unsigned kTopics = 1000;
constexpr int kTopicWords = 300;
constexpr int kWordsPerSection = 170;
constexpr double kTopicShare = 0.4; // of the words of a section

// A fast, seedable generator: the corpus must be the same on every machine and run.
unsigned next(unsigned& state) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

double uniform(unsigned& state) {
    return static_cast<double>(next(state)) / 4294967296.0;
}

std::vector<double> zipfTable(int size) {
    std::vector<double> cumulative;
    double total = 0.0;
    for (int r = 1; r <= size; ++r) {
        total += 1.0 / r;
        cumulative.push_back(total);
    }
    for (double& c : cumulative)
        c /= total;
    return cumulative;
}

QString inventedWord(unsigned& state) {
    static const char* const syllables[] = {"ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "de", "po",
                                            "li", "ma", "ze", "qu", "fo", "ba", "ri", "ty", "xo", "gu"};
    QString w;
    const int length = 2 + static_cast<int>(next(state) % 3);
    for (int i = 0; i < length; ++i)
        w += QLatin1String(syllables[next(state) % 20]);
    return w;
}

unsigned topicOfFile(int file) {
    return static_cast<unsigned>(file) % kTopics;
}

} // namespace

SyntheticCorpus::SyntheticCorpus(unsigned seed)
    : m_seed(seed)
    , m_generalCumulative(zipfTable(kGeneralWords))
    , m_topicCumulative(zipfTable(kTopicWords)) {
    static const char* const stopwords[] = {"the", "of",   "to",   "and", "a",  "in",   "is",
                                            "it",  "you",  "that", "for", "on", "with", "as",
                                            "are", "this", "be",   "by",  "or", "from"};
    for (const char* w : stopwords)
        m_general << QLatin1String(w);
    unsigned state = seed;
    while (m_general.size() < kGeneralWords)
        m_general << inventedWord(state);
    while (m_topical.size() < static_cast<qsizetype>(kTopics) * kTopicWords)
        m_topical << inventedWord(state) +
                         QLatin1Char('x'); // a suffix keeps topic words apart from general ones
}

unsigned SyntheticCorpus::zipf(const std::vector<double>& cumulative, unsigned& state) const {
    return static_cast<unsigned>(std::lower_bound(cumulative.begin(), cumulative.end(), uniform(state)) -
                                 cumulative.begin());
}

QString SyntheticCorpus::generalWord(unsigned& state) const {
    return m_general[static_cast<qsizetype>(zipf(m_generalCumulative, state))];
}

QString SyntheticCorpus::topicWord(unsigned topic, unsigned& state) const {
    return m_topical[static_cast<qsizetype>(topic) * kTopicWords +
                     static_cast<qsizetype>(zipf(m_topicCumulative, state))];
}

QString SyntheticCorpus::paragraph(unsigned seed, int words) const {
    unsigned state = seed * 2654435761u + 1;
    const unsigned topic = seed % kTopics;
    QString text;
    for (int i = 0; i < words; ++i) {
        text += uniform(state) < kTopicShare ? topicWord(topic, state) : generalWord(state);
        text += (i % 17 == 16) ? QStringLiteral(". ") : QStringLiteral(" ");
    }
    return text.trimmed() + QLatin1Char('.');
}

void SyntheticCorpus::writeFiles(const QString& dir, int chunks) const {
    QDir().mkpath(dir);
    const int files = (chunks + kSectionsPerFile - 1) / kSectionsPerFile;
    for (int f = 0; f < files; ++f) {
        const unsigned topic = topicOfFile(f);
        unsigned state = m_seed + static_cast<unsigned>(f) * 7919u + 1;
        QString md = QStringLiteral("# %1 %2\n\n").arg(topicWord(topic, state)).arg(f);
        for (int s = 0; s < kSectionsPerFile; ++s) {
            // Sections of one page share its topic: paragraph() picks the topic from the seed.
            const unsigned seed = topic + kTopics * static_cast<unsigned>(f * kSectionsPerFile + s + 1);
            md += QStringLiteral("## %1 %2\n\n").arg(topicWord(topic, state), generalWord(state));
            md += paragraph(seed, kWordsPerSection) + QStringLiteral("\n\n");
        }
        const QString path =
            QDir(dir).filePath(QStringLiteral("topic-%1.md").arg(f, 6, 10, QLatin1Char('0')));
        const QByteArray content = md.toUtf8();
        QFile existing(path);
        if (existing.size() == content.size() && existing.open(QIODevice::ReadOnly) &&
            existing.readAll() == content)
            continue;
        QFile out(path);
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            out.write(content);
    }
}

QStringList SyntheticCorpus::queries(int count) const {
    static const char* const frames[] = {"how do I %1 the %2 %3", "what is %1 %2 %3", "%1 %2 %3 example",
                                         "why does %1 %2 %3 fail", "configure %1 for %2 %3"};
    QStringList out;
    unsigned state = m_seed ^ 0x9e3779b9u;
    for (int i = 0; i < count; ++i) {
        const unsigned topic = next(state) % kTopics;
        QString general;
        do // a content word, not a stopword
            general = generalWord(state);
        while (m_general.indexOf(general) < 20);
        out << QLatin1String(frames[next(state) % 5])
                   .arg(topicWord(topic, state), topicWord(topic, state), general);
    }
    return out;
}

} // namespace docrag::bench
