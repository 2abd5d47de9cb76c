#include "engine/core/token_counter.h"

namespace docrag {
namespace {

// Costs are kept in tenths of a token: many pieces cost "about one and a bit", and rounding each
// piece on its own would bias the total.
constexpr int kToken = 10;

enum class CharClass { Space, Newline, Letter, Digit, Other };

// The classes of the pre-tokenizer of cl100k/o200k: `_` is punctuation there, not part of a word.
CharClass classify(QChar c) {
    if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
        return CharClass::Newline;
    if (c.isSpace())
        return CharClass::Space;
    if (c.isLetter())
        return CharClass::Letter;
    if (c.isDigit())
        return CharClass::Digit;
    return CharClass::Other;
}

bool isWhitespace(CharClass cls) {
    return cls == CharClass::Space || cls == CharClass::Newline;
}

// What comes right before a word decides how well it matches the vocabulary: " word" is the common
// form, a word at the start of a line or glued to one mark ("(self", "._name") splits more often.
enum class Lead { None, Space, Mark };

// One case segment of a word ("QString" and "View" of "QStringView"; o200k splits there, cl100k
// nearly always does). Common words up to eight letters are one token after a space.
int segmentCost(qsizetype length, Lead lead) {
    const int letters = static_cast<int>(qMin<qsizetype>(length, 1 << 20));
    switch (lead) {
    case Lead::Space:
        return kToken + qMax(0, letters - 8) * 12 / 10;
    case Lead::None:
        return kToken + qMax(0, letters - 4);
    case Lead::Mark:
        return kToken + 2 + qMax(0, letters - 4);
    }
    return kToken;
}

// Scripts other than Latin get few merges in these vocabularies: CJK is about a token per character,
// Greek, Cyrillic and the like about two characters per token.
int scriptCost(QChar c) {
    if (c.unicode() >= 0x3000)
        return kToken;
    if (c.unicode() >= 0x0370)
        return kToken / 2;
    return 0;
}

int wordCost(QStringView word, Lead lead) {
    int segments = 0;
    int script = 0;
    qsizetype start = 0;
    for (qsizetype k = 0; k < word.size(); ++k) {
        script += scriptCost(word[k]);
        if (k > 0 && word[k].isUpper() && word[k - 1].isLower()) {
            segments += segmentCost(k - start, start == 0 ? lead : Lead::None);
            start = k;
        }
    }
    segments += segmentCost(word.size() - start, start == 0 ? lead : Lead::None);
    return qMax(segments, script);
}

// Runs of marks merge into few tokens ("));", "</", "-->"); a row of one repeated character ("-----")
// is nearly one token however long.
int markRunCost(QStringView run) {
    int length = 0;
    qsizetype k = 0;
    while (k < run.size()) {
        qsizetype same = k + 1;
        while (same < run.size() && run[same] == run[k])
            ++same;
        length += 1 + static_cast<int>((same - k - 1) / 8);
        k = same;
    }
    return length <= 3 ? kToken : kToken + (length - 3) * 5;
}

} // namespace

int TokenCounter::estimate(QStringView text) {
    int units = 0;
    Lead lead = Lead::None;
    bool afterMarks = false; // a run of marks swallows the line breaks right after it (";\n", ":\n")
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const CharClass cls = classify(text[i]);
        qsizetype j = i + 1;
        if (isWhitespace(cls)) {
            qsizetype lastNewline = -1;
            bool onlyNewlinesBefore = cls == CharClass::Newline;
            for (qsizetype k = i; k < n; ++k) {
                const CharClass c = classify(text[k]);
                if (!isWhitespace(c))
                    break;
                if (c == CharClass::Newline) {
                    if (lastNewline >= 0 && lastNewline != k - 1)
                        onlyNewlinesBefore = false;
                    lastNewline = k;
                }
                j = k + 1;
            }
            if (lastNewline >= 0 && !(afterMarks && onlyNewlinesBefore))
                units += kToken;
            // Spaces after the last line break: all but the last are one token; the last joins the
            // word or mark that follows, but not digits.
            const qsizetype spaces = j - (lastNewline >= 0 ? lastNewline + 1 : i);
            lead = Lead::None;
            if (spaces > 0) {
                const CharClass next = j < n ? classify(text[j]) : CharClass::Space;
                if (next == CharClass::Letter || next == CharClass::Other) {
                    units += spaces > 1 ? kToken : 0;
                    lead = Lead::Space;
                } else if (next == CharClass::Digit) {
                    units += spaces > 1 ? 2 * kToken : kToken;
                } else {
                    units += kToken;
                }
            }
            afterMarks = false;
            i = j;
            continue;
        }
        while (j < n && classify(text[j]) == cls)
            ++j;
        switch (cls) {
        case CharClass::Letter:
            units += wordCost(text.sliced(i, j - i), lead);
            lead = Lead::None;
            afterMarks = false;
            break;
        case CharClass::Digit:
            units += kToken * static_cast<int>((j - i + 2) / 3);
            lead = Lead::None;
            afterMarks = false;
            break;
        default:
            // One mark glued to a word is part of it ("(x", "._name"), unless a space came first.
            if (j - i == 1 && lead != Lead::Space && j < n && classify(text[j]) == CharClass::Letter) {
                lead = Lead::Mark;
            } else {
                units += markRunCost(text.sliced(i, j - i));
                lead = Lead::None;
                afterMarks = true;
            }
            break;
        }
        i = j;
    }
    return (units + kToken / 2) / kToken;
}

} // namespace docrag
