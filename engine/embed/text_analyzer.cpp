#include "engine/embed/text_analyzer.h"

#include "engine/core/hashing.h"

#include <algorithm>
#include <libstemmer.h>

namespace docrag {
namespace {

constexpr size_t kMaxStemCache = 1 << 19;
constexpr quint64 kWordSeed = 0x5eed0001;
constexpr quint64 kStemSeed = 0x5eed0002;

// Stopwords are short ASCII words: packed one byte per letter into 64 bits, a word is its own key.
constexpr qsizetype kMaxPacked = 8;

quint64 packAscii(QStringView word) {
    quint64 key = 0;
    for (const QChar c : word) {
        if (c.unicode() >= 0x80)
            return 0;
        key = (key << 8) | c.unicode();
    }
    return key;
}

struct Stopwords final {
    std::vector<quint64> keys; // sorted
    qsizetype longest = 0;
};

const Stopwords& stopwords() {
    static const Stopwords list = [] {
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
        Stopwords out;
        for (const char* w : words) {
            const QString word = QString::fromLatin1(w);
            Q_ASSERT(word.size() <= kMaxPacked);
            out.keys.push_back(packAscii(word));
            out.longest = std::max(out.longest, word.size());
        }
        std::sort(out.keys.begin(), out.keys.end());
        return out;
    }();
    return list;
}

bool isWordChar(QChar c) {
    const char16_t u = c.unicode();
    if (u < 0x80)
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
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
    // Words longer than every stopword (most words) need no hash at all.
    const Stopwords& list = stopwords();
    if (lowerWord.isEmpty() || lowerWord.size() > list.longest)
        return false;
    const quint64 key = packAscii(lowerWord);
    return key != 0 && std::binary_search(list.keys.begin(), list.keys.end(), key);
}

QStringList TextAnalyzer::words(const QString& text) {
    QStringList words;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        if (!isWordChar(text[i])) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < n && isWordChar(text[j]))
            ++j;
        words << text.sliced(i, j - i).toLower();
        i = j;
    }
    return words;
}

QStringList TextAnalyzer::contentWords(const QString& text) {
    QStringList content;
    QStringList stopwords;
    for (const QString& word : words(text)) {
        QStringList& bucket = isStopword(word) ? stopwords : content;
        if (!bucket.contains(word))
            bucket << word;
    }
    return content.isEmpty() ? stopwords : content;
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

void TextAnalyzer::analyze(QStringView text, QString& lowered, std::vector<Term>& terms, bool stems) {
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
            terms.push_back(Term{from, to - from, stems ? stemHash(word) : 0, isStopword(word)});
        };
        for (; i < n && isWordChar(text[i]); ++i) {
            const QChar c = text[i];
            if (c.unicode() < 0x80) {
                // ASCII: no camelCase test needed for digits, and lowering is arithmetic.
                const char16_t u = c.unicode();
                const bool upper = u >= u'A' && u <= u'Z';
                if (upper && i > start && text[i - 1].unicode() >= u'a' && text[i - 1].unicode() <= u'z') {
                    out[i] = QChar(u + 32);
                    addTerm(partStart, i);
                    partStart = i;
                    split = true;
                    continue;
                }
                out[i] = upper ? QChar(u + 32) : c;
                continue;
            }
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
