#pragma once

#include "ui/sources/source_view.h"

#include <QTextCursor>
#include <QTextDocument>

namespace docrag {

// Finds a chunk inside a document as the viewer renders it. Plain text and code keep their lines, so
// the chunk's line range is exact; rendered Markdown and HTML do not, so the passage is found by its
// first and last words, whatever markup, punctuation or spacing stands between them.
class PassageLocator final {
public:
    // A cursor selecting the passage; null when it cannot be found.
    static QTextCursor locate(QTextDocument& document, const SourceView& view);

private:
    static QTextCursor byLines(QTextDocument& document, int first, int last);
    // From `from` on: rendered HTML repeats a page's title in its navigation, before the passage.
    static QTextCursor byWords(QTextDocument& document, const QString& passage, int from);
    // Where the element with this id or name starts; -1 when the document has none.
    static int anchorPosition(const QTextDocument& document, const QString& anchor);
};

} // namespace docrag
