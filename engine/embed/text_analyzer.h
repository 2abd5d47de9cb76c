#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <unordered_map>
#include <vector>

struct sb_stemmer;

namespace docrag {

// Splits text into lowercase terms with Snowball English stems, as the built-in embedder and the
// query side of search need them. Not thread-safe (the stemmer and its cache are per instance):
// use one per thread.
class TextAnalyzer final {
public:
    struct Term final {
        qsizetype start = 0; // into the lowered text
        qsizetype length = 0;
        quint64 stemHash = 0; // hash of the stem: equal for "reading", "reads", "read"
        bool stopword = false;
    };

    TextAnalyzer();
    ~TextAnalyzer();
    TextAnalyzer(const TextAnalyzer&) = delete;
    TextAnalyzer& operator=(const TextAnalyzer&) = delete;

    // Lowercases `text` into `lowered` and fills `terms`. Words split at anything that is not a
    // letter or digit; camelCase identifiers also yield their parts ("readLine" -> readline, read, line).
    // Without `stems`, Term::stemHash stays 0 (stemming is most of the cost).
    void analyze(QStringView text, QString& lowered, std::vector<Term>& terms, bool stems = true);
    // The Snowball stem of one lowercase word.
    QString stem(QStringView lowerWord);

    static bool isStopword(QStringView lowerWord);
    // The lowercase words of `text` in order, repeats included: split as analyze() splits, without the
    // camelCase parts.
    static QStringList words(const QString& text);
    // The distinct lowercase words of a query, stopwords dropped unless nothing else is left.
    static QStringList contentWords(const QString& text);

private:
    quint64 stemHash(QStringView lowerWord);

    sb_stemmer* m_stemmer = nullptr;
    std::unordered_map<quint64, quint64> m_stemCache; // word hash -> stem hash
    QByteArray m_utf8;
};

} // namespace docrag
