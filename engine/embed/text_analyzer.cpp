#include "engine/embed/text_analyzer.h"

#include "engine/core/hashing.h"

#include <libstemmer.h>
#include <unordered_set>

namespace docrag {
namespace {

constexpr size_t kMaxStemCache = 1 << 19;
constexpr quint64 kWordSeed = 0x5eed0001;
constexpr quint64 kStemSeed = 0x5eed0002;

const std::unordered_set<quint64>& stopwordHashes() {
    static const std::unordered_set<quint64> hashes = [] {
        // A short list: words that carry no topic in questions about documentation.
        static const char* const words[] = {
            "a",     "an",   "and", "are",   "as",   "at",    "be",    "but",    "by",    "can",
            "could", "did",  "do",  "does",  "for",  "from",  "had",   "has",    "have",  "he",
            "her",   "his",  "how", "i",     "if",   "in",    "into",  "is",     "it",    "its",
            "me",    "my",   "of",  "on",    "or",   "our",   "she",   "should", "so",    "such",
            "than",  "that", "the", "their", "them", "then",  "there", "these",  "they",  "this",
            "those", "to",   "was", "we",    "were", "what",  "when",  "where",  "which", "while",
            "who",   "whom", "why", "will",  "with", "would", "you",   "your",
        };
        std::unordered_set<quint64> out;
        for (const char* w : words)
            out.insert(Hashing::xxh3(QStringView(QString::fromLatin1(w)), kWordSeed));
        return out;
    }();
    return hashes;
}

bool isWordChar(QChar c) {
    return c.isLetterOrNumber();
}

} // namespace

TextAnalyzer::TextAnalyzer()
    : m_stemmer(sb_stemmer_new("english", "UTF_8")) {}

TextAnalyzer::~TextAnalyzer() {
    if (m_stemmer)
        sb_stemmer_delete(m_stemmer);
}

bool TextAnalyzer::isStopword(QStringView lowerWord) {
    return stopwordHashes().contains(Hashing::xxh3(lowerWord, kWordSeed));
}

QStringList TextAnalyzer::contentWords(const QString& text) {
    QStringList words;
    QStringList stopwords;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        if (!isWordChar(text[i])) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && isWordChar(text[j]))
            ++j;
        const QString word = text.sliced(i, j - i).toLower();
        QStringList& bucket = isStopword(word) ? stopwords : words;
        if (!bucket.contains(word))
            bucket << word;
        i = j;
    }
    return words.isEmpty() ? stopwords : words;
}

QString TextAnalyzer::stem(QStringView lowerWord) {
    if (!m_stemmer)
        return lowerWord.toString();
    m_utf8 = lowerWord.toUtf8();
    const sb_symbol* out = sb_stemmer_stem(m_stemmer, reinterpret_cast<const sb_symbol*>(m_utf8.constData()),
                                           static_cast<int>(m_utf8.size()));
    if (!out)
        return lowerWord.toString();
    return QString::fromUtf8(reinterpret_cast<const char*>(out), sb_stemmer_length(m_stemmer));
}

quint64 TextAnalyzer::stemHash(QStringView lowerWord) {
    const quint64 wordHash = Hashing::xxh3(lowerWord, kWordSeed);
    if (auto it = m_stemCache.find(wordHash); it != m_stemCache.end())
        return it->second;
    // Digits and very short words have no useful stem; skip the stemmer for them.
    const bool stemmable = lowerWord.size() > 2 && lowerWord.front().isLetter();
    const quint64 hash = stemmable ? Hashing::xxh3(QStringView(stem(lowerWord)), kStemSeed)
                                   : Hashing::xxh3(lowerWord, kStemSeed);
    if (m_stemCache.size() >= kMaxStemCache)
        m_stemCache.clear();
    m_stemCache.emplace(wordHash, hash);
    return hash;
}

void TextAnalyzer::analyze(QStringView text, QString& lowered, std::vector<Term>& terms) {
    lowered.resize(text.size());
    QChar* out = lowered.data();
    terms.clear();
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isWordChar(text[i])) {
            out[i] = QLatin1Char(' ');
            ++i;
            continue;
        }
        const qsizetype start = i;
        qsizetype partStart = i;
        bool split = false;
        auto addTerm = [&](qsizetype from, qsizetype to) {
            const QStringView word(out + from, to - from);
            terms.push_back(Term{from, to - from, stemHash(word), isStopword(word)});
        };
        for (; i < n && isWordChar(text[i]); ++i) {
            const QChar c = text[i];
            // A lower-to-upper step inside a word is a camelCase boundary.
            if (i > start && c.isUpper() && text[i - 1].isLower()) {
                out[i] = c.toLower();
                addTerm(partStart, i);
                partStart = i;
                split = true;
                continue;
            }
            out[i] = c.toLower();
        }
        if (split) {
            addTerm(partStart, i);
            addTerm(start, i);
        } else {
            addTerm(start, i);
        }
    }
}

} // namespace docrag
