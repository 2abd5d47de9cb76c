#pragma once

#include <QStringView>

namespace docrag {

// Estimates how many tokens a BPE tokenizer of the GPT family makes of a text, without
// shipping its vocabulary: used for chunk budgets and for fitting prompts into a model's window,
// where being close matters and exact does not. It follows the pre-tokenizer of cl100k/o200k (words
// with their leading space, digits in threes, runs of marks, line breaks) and prices each piece from
// counts of real documentation: within a few percent of both in aggregate on English prose and code,
// see tests/data/token_counts. Other scripts are priced per character, roughly.
class TokenCounter final {
public:
    static int estimate(QStringView text);
};

} // namespace docrag
