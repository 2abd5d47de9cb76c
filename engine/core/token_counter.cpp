#include "engine/core/token_counter.h"

namespace docrag {
namespace {

enum class CharClass { Space, Newline, Letter, Digit, Other };

CharClass classify(QChar c) {
    if (c == QLatin1Char('\n'))
        return CharClass::Newline;
    if (c.isSpace())
        return CharClass::Space;
    if (c.isLetter() || c == QLatin1Char('_'))
        return CharClass::Letter;
    if (c.isDigit())
        return CharClass::Digit;
    return CharClass::Other;
}

// Common short words are one token; long or rare words split into pieces of about five letters.
int wordTokens(qsizetype length) {
    return length <= 6 ? 1 : 1 + static_cast<int>((length - 3) / 5);
}

} // namespace

int TokenCounter::estimate(QStringView text) {
    int tokens = 0;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const CharClass cls = classify(text[i]);
        qsizetype j = i + 1;
        if (cls == CharClass::Newline || cls == CharClass::Space) {
            bool newline = cls == CharClass::Newline;
            while (j < n &&
                   (classify(text[j]) == CharClass::Space || classify(text[j]) == CharClass::Newline)) {
                newline = newline || text[j] == QLatin1Char('\n');
                ++j;
            }
            // A single space merges into the next word; newlines and indentation runs are tokens.
            if (newline || j - i > 1)
                tokens += 1 + static_cast<int>((j - i) / 8);
        } else {
            while (j < n && classify(text[j]) == cls)
                ++j;
            const qsizetype length = j - i;
            switch (cls) {
            case CharClass::Letter:
                tokens += wordTokens(length);
                break;
            case CharClass::Digit:
                tokens += static_cast<int>((length + 2) / 3);
                break;
            default:
                tokens += static_cast<int>((length + 1) / 2);
                break;
            }
        }
        i = j;
    }
    return tokens;
}

} // namespace docrag
