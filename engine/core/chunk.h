#pragma once

#include <QString>
#include <QtGlobal>

namespace docrag {

// A retrievable passage with the location it came from.
struct Chunk final {
    qint64 id = 0;
    qint64 documentId = 0;
    int ordinal = 0;
    QString headingPath;  // "Section > Subsection > definition"
    QString text;         // the passage as shown to the user
    QString embedText;    // title and heading path + text: what the embedder sees (not stored)
    quint64 textHash = 0; // xxh3 of embedText: equal hashes share an embedding
    int tokenCount = 0;
    int locStart = 0; // 1-based source lines; 0 when unknown
    int locEnd = 0;
    int page = 0;
    QString anchor;
};

} // namespace docrag
