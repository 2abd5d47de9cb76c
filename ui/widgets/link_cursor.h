#pragma once

#include <QString>
#include <QTextCursor>

class QTextDocument;

namespace docrag {

// Where a link is drawn in a rich-text document: what selects a citation from the keyboard and what a
// test clicks.
class LinkCursor final {
public:
    // A cursor selecting the first fragment of `document` that links to `href`; a null cursor when none
    // does.
    static QTextCursor find(QTextDocument* document, const QString& href);
};

} // namespace docrag
