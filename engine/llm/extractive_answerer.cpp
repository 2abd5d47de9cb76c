#include "engine/llm/extractive_answerer.h"

#include "engine/embed/text_analyzer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace docrag {
namespace {

// A quotable piece of a passage: one sentence, or one fenced code block.
struct Unit final {
    QString text;
    size_t hit = 0;   // index into the hits
    int position = 0; // order within its passage
    bool code = false;
    int words = 0;
    std::unordered_set<quint64> stems; // content words
    double score = 0.0;
};

bool endsSentence(const QString& text, qsizetype i) {
    const QChar c = text[i];
    if (c != u'.' && c != u'?' && c != u'!')
        return false;
    if (i + 1 >= text.size())
        return true;
    if (!text[i + 1].isSpace())
        return false;
    // "e.g. the" or "i.e. a" go on; a capital, digit or quote after the space starts a sentence.
    const qsizetype next = i + 2;
    return next >= text.size() || text[next].isUpper() || text[next].isDigit() || text[next] == u'"' ||
           text[next] == u'`';
}

void splitProse(const QString& paragraph, std::vector<QString>& out) {
    qsizetype start = 0;
    for (qsizetype i = 0; i < paragraph.size(); ++i) {
        if (endsSentence(paragraph, i)) {
            const QString s = paragraph.mid(start, i + 1 - start).trimmed();
            if (!s.isEmpty())
                out.push_back(s);
            start = i + 1;
        }
    }
    const QString rest = paragraph.mid(start).trimmed();
    if (!rest.isEmpty())
        out.push_back(rest);
}

// Sentences and code blocks, in order. A list item or a line ending a paragraph also ends a sentence.
std::vector<std::pair<QString, bool>> splitUnits(const QString& text) {
    std::vector<std::pair<QString, bool>> units;
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString paragraph;
    QString code;
    bool inCode = false;
    const auto flushParagraph = [&] {
        std::vector<QString> sentences;
        splitProse(paragraph.simplified(), sentences);
        for (QString& s : sentences)
            units.emplace_back(std::move(s), false);
        paragraph.clear();
    };
    for (const QString& line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("```"))) {
            if (inCode) {
                code += QStringLiteral("```");
                units.emplace_back(code, true);
                code.clear();
            } else {
                flushParagraph();
                code = trimmed + QLatin1Char('\n');
            }
            inCode = !inCode;
            continue;
        }
        if (inCode) {
            code += line + QLatin1Char('\n');
        } else if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('-')) ||
                   trimmed.startsWith(QLatin1Char('*')) || trimmed.startsWith(QLatin1Char('#'))) {
            flushParagraph();
            paragraph = trimmed;
        } else {
            paragraph += QLatin1Char(' ') + trimmed;
        }
    }
    flushParagraph();
    if (inCode && !code.isEmpty())
        units.emplace_back(code + QStringLiteral("```"), true);
    return units;
}

std::unordered_set<quint64> contentStems(TextAnalyzer& analyzer, QStringView text, int* words) {
    QString lowered;
    std::vector<TextAnalyzer::Term> terms;
    analyzer.analyze(text, lowered, terms);
    std::unordered_set<quint64> stems;
    for (const TextAnalyzer::Term& t : terms) {
        if (!t.stopword)
            stems.insert(t.stemHash);
    }
    if (words)
        *words = static_cast<int>(terms.size());
    return stems;
}

// "run the venv module as a script:" followed by the command: a chosen sentence that ends with a colon
// is quoted with the code block after it, which then replaces any other code block.
void addIntroducedCode(const std::vector<Unit>& units, std::vector<const Unit*>& chosen) {
    for (size_t i = 0; i < chosen.size(); ++i) {
        const Unit* u = chosen[i];
        if (u->code || !u->text.endsWith(QLatin1Char(':')))
            continue;
        const auto self = std::find_if(units.begin(), units.end(), [&](const Unit& x) { return &x == u; });
        const auto next = self + 1;
        if (next == units.end() || !next->code || next->hit != u->hit)
            continue;
        if (std::find(chosen.begin(), chosen.end(), &*next) != chosen.end())
            return;
        std::erase_if(chosen, [](const Unit* x) { return x->code; });
        chosen.push_back(&*next);
        return;
    }
}

} // namespace

ExtractiveAnswerer::ExtractiveAnswerer()
    : ExtractiveAnswerer(Options{}) {}

ExtractiveAnswerer::ExtractiveAnswerer(Options options)
    : m_options(options) {}

Answer ExtractiveAnswerer::answer(const QString& question, const std::vector<Hit>& hits) const {
    thread_local TextAnalyzer analyzer;
    Answer answer;
    answer.question = question;
    answer.model = modelName();
    answer.extractive = true;
    const std::unordered_set<quint64> asked = contentStems(analyzer, question, nullptr);

    std::vector<Unit> units;
    for (size_t h = 0; h < hits.size(); ++h) {
        int position = 0;
        for (auto& [text, code] : splitUnits(hits[h].text)) {
            Unit u;
            u.text = std::move(text);
            u.hit = h;
            u.position = position++;
            u.code = code;
            u.stems = contentStems(analyzer, u.text, &u.words);
            units.push_back(std::move(u));
        }
    }
    // A question word found in few of the quotable units says more than one found in all of them.
    std::unordered_map<quint64, int> unitsWith;
    for (const Unit& u : units) {
        for (quint64 s : asked)
            unitsWith[s] += u.stems.count(s) ? 1 : 0;
    }
    double possible = 0.0;
    std::unordered_map<quint64, double> weight;
    for (quint64 s : asked) {
        weight[s] = std::log(1.0 + static_cast<double>(units.size() + 1) / (unitsWith[s] + 0.5));
        possible += weight[s];
    }
    for (Unit& u : units) {
        double covered = 0.0;
        for (quint64 s : asked)
            covered += u.stems.count(s) ? weight[s] : 0.0;
        if (covered <= 0.0 || possible <= 0.0)
            continue;
        // Coverage of the question first; then the passage's rank and a preference for sentences of a
        // readable length and for the start of a passage, where definitions usually stand.
        // Code is quoted for what it shows, not for sharing words: it mostly comes in through the sentence
        // that introduces it (below).
        const double length = u.code ? 0.6 : (u.words < 5 ? 0.5 : (u.words > 60 ? 0.7 : 1.0));
        u.score = (covered / possible) * length + 0.15 / (1.0 + static_cast<double>(u.hit)) +
                  0.05 / (1.0 + u.position);
    }

    std::vector<const Unit*> ranked;
    for (const Unit& u : units) {
        if (u.score > 0.0)
            ranked.push_back(&u);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Unit* a, const Unit* b) { return a->score > b->score; });
    std::vector<const Unit*> chosen;
    std::map<size_t, int> perSource;
    int words = 0;
    bool haveCode = false;
    for (const Unit* u : ranked) {
        if (static_cast<int>(chosen.size()) >= m_options.maxUnits)
            break;
        if (!chosen.empty() && u->score < 0.5 * chosen.front()->score)
            break;
        if (perSource[u->hit] >= m_options.maxPerSource)
            continue;
        if (u->code) {
            if (haveCode || u->text.count(QLatin1Char('\n')) > m_options.maxCodeLines)
                continue;
            haveCode = true;
        } else {
            if (!chosen.empty() && words + u->words > m_options.maxWords)
                continue;
            words += u->words;
        }
        ++perSource[u->hit];
        chosen.push_back(u);
    }

    addIntroducedCode(units, chosen);

    if (chosen.empty()) {
        answer.text = tr("The documentation does not seem to answer this: no passage found shares "
                         "the question's words. Try other words, or check that the right "
                         "collection is selected.");
        return answer;
    }
    // Read in the order of the passages' ranks, and in document order within a passage.
    std::sort(chosen.begin(), chosen.end(), [](const Unit* a, const Unit* b) {
        return a->hit != b->hit ? a->hit < b->hit : a->position < b->position;
    });
    std::map<size_t, int> numbers; // hit index -> citation number, in order of first citation
    for (const Unit* u : chosen) {
        if (!numbers.count(u->hit)) {
            const int n = static_cast<int>(numbers.size()) + 1;
            numbers[u->hit] = n;
            answer.sources.push_back(Source::fromHit(hits[u->hit], n));
        }
    }
    QString text = tr("From the documentation (extractive answer, quoted without a language model):") +
                   QStringLiteral("\n\n");
    for (size_t i = 0; i < chosen.size(); ++i) {
        const Unit* u = chosen[i];
        const QString cite = QStringLiteral("[%1]").arg(numbers[u->hit]);
        if (u->code) {
            text += u->text + QLatin1Char(' ') + cite + QStringLiteral("\n\n");
        } else {
            text += u->text + QLatin1Char(' ') + cite;
            const bool nextIsProse = i + 1 < chosen.size() && !chosen[i + 1]->code;
            text += nextIsProse ? QStringLiteral(" ") : QStringLiteral("\n\n");
        }
    }
    answer.text = text.trimmed();
    return answer;
}

} // namespace docrag
