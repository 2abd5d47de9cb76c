#include "engine/index/joined_terms.h"

#include "engine/embed/text_analyzer.h"

namespace docrag {
namespace {

// More pairs than this come from a long question whose glued words are mostly noise.
constexpr qsizetype kMostTerms = 12;

} // namespace

QStringList JoinedTerms::of(const QString& query) {
    const QStringList words = TextAnalyzer::words(query);
    QStringList joined;
    const auto add = [&](const QString& a, const QString& b) {
        if (a.size() < 2 || b.size() < 2 || joined.size() >= kMostTerms)
            return;
        if (TextAnalyzer::isStopword(a) && TextAnalyzer::isStopword(b))
            return;
        const QString term = a + b;
        if (!words.contains(term) && !joined.contains(term))
            joined << term;
    };
    for (qsizetype i = 0; i + 1 < words.size(); ++i) {
        add(words[i], words[i + 1]);
        if (i + 2 < words.size() && TextAnalyzer::isStopword(words[i + 1]))
            add(words[i], words[i + 2]);
    }
    return joined;
}

} // namespace docrag
