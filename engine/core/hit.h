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
    int ordinal = 0;    // position of the chunk in its document
    int chunkCount = 1; // > 1 when neighbouring chunks were merged into this hit
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
    double score = 0.0;        // fused score: higher is better
    int lexicalRank = 0;       // 1-based rank in the BM25 list; 0 when absent
    int denseRank = 0;         // 1-based rank in the vector list; 0 when absent
    double lexicalScore = 0.0; // BM25 (higher is better); 0 when absent
    double denseScore = 0.0;   // cosine similarity; 0 when absent
    // With SearchOptions::explain: what `score` is made of, each signal's weighted share, in order.
    QList<std::pair<QString, double>> scoreParts;

    // "lines 12-40", "page 3", "#anchor": the most precise location we know.
    QString locationLabel() const;
};

} // namespace docrag
