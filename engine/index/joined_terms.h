#pragma once

#include <QString>
#include <QStringList>

namespace docrag {

// API names glue words together: `getsize`, `startswith`, `readFile`, `deepcopy`, `isfile`. A user
// asking to "get the size of a file" or whether a string "starts with" a prefix writes the words apart,
// and the page that defines the name never does. The lexical search also looks for each pair of
// neighbouring words written as one (the tokenizer lowercases `readFile` to `readfile`), and for two
// words around a stopword ("get the size" -> `getsize`). A glued term that no page holds matches
// nothing and costs one index lookup.
class JoinedTerms final {
public:
    // The glued pairs of `query`, in order, none of them a word of the query itself; at least one word
    // of each pair is not a stopword, and each has two letters or more.
    static QStringList of(const QString& query);
};

} // namespace docrag
