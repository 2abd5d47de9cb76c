#pragma once

#include "engine/core/chunk.h"
#include "engine/core/document.h"

#include <QString>
#include <QStringList>

namespace docrag {

// A document ready for the source viewer, with the passage to show in it.
struct SourceView final {
    enum class Format { Markdown, Html, PlainText, Code };
    Document document;
    Format format = Format::PlainText;
    QString content;
    Chunk target;             // the passage to highlight (text, lines, anchor, page)
    bool targetFound = false; // false: the passage is not in the document any more
    bool changed = false;     // the passage differs from the one the answer cited
    QString notice;           // why, in words, when something changed
    QStringList roots;        // the folders of the document's collection: where its images may come from
};

} // namespace docrag
