#pragma once

#include <QString>

namespace docrag {

// The words of a question that say it is a question, not what it is about: "what is the difference
// between", "is there a way to", "I want to". Their own words are not all stopwords ("difference",
// "between", "way", "want"), and pages that use them are not the better for it.
class QuestionBoilerplate final {
public:
    // The query without its boilerplate phrases; the query itself when nothing else would be left.
    static QString strip(const QString& query);
};

} // namespace docrag
