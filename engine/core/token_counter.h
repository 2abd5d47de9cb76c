#pragma once

#include <QStringView>

namespace docrag {

// Estimates how many tokens a BPE tokenizer of the GPT family makes of a text, without
// shipping its vocabulary: used for chunk budgets, where being close matters and exact does not.
class TokenCounter final {
public:
    static int estimate(QStringView text);
};

} // namespace docrag
