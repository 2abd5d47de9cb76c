#pragma once

#include <QString>
#include <QtGlobal>

namespace docrag {

// An API name a document defines ("os.path.join", a function), where the definition is: what a
// docs browser's type-ahead offers.
struct Symbol final {
    QString name;
    QString kind;   // "function", "class", "method", "module", "enum", ... as the doc set says
    QString anchor; // HTML fragment of the definition; empty when the format has none
    int line = 0;   // 1-based source line; 0 when unknown
};

// A symbol found by a lookup, with its document.
struct SymbolHit final {
    Symbol symbol;
    qint64 documentId = 0;
    qint64 collectionId = 0;
    QString collection;
    QString path;
    QString title;
    int tier = 0; // how the name matched (SymbolIndex::Tier): higher is better
};

} // namespace docrag
