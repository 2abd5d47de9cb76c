#include "ui/widgets/link_cursor.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

namespace docrag {

QTextCursor LinkCursor::find(QTextDocument* document, const QString& href) {
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().anchorHref() != href)
                continue;
            QTextCursor cursor(document);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            return cursor;
        }
    }
    return {};
}

} // namespace docrag
