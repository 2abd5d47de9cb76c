#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <utility>

namespace docrag {

// One search result: a chunk with everything needed to cite it.
struct Hit final {
    qint64 chunkId = 0;
    qint64 documentId = 0;
    QString collection;
    QString docType;
    QString path;
    QString title;
    QString headingPath;
    QString text;
    QString snippet;
    QList<std::pair<int, int>> snippetHighlights; // (start, length) in `snippet`
    int locStart = 0;
    int locEnd = 0;
    int page = 0;
    QString anchor;
    double score = 0.0;  // fused score: higher is better
    int lexicalRank = 0; // 1-based rank in the BM25 list; 0 when absent
    int denseRank = 0;   // 1-based rank in the vector list; 0 when absent

    // "lines 12-40", "page 3", "#anchor": the most precise location we know.
    QString locationLabel() const;
};

} // namespace docrag
