#pragma once

#include "ui/widgets/link_cursor.h"

#include <QTest>
#include <QTextBrowser>

namespace docrag::test {

// Clicks the link `href` in a text browser where it is drawn, as a user would. False when there is none.
inline bool clickLink(QTextBrowser* browser, const QString& href) {
    QTextCursor cursor = LinkCursor::find(browser->document(), href);
    if (cursor.isNull())
        return false;
    cursor.setPosition((cursor.selectionStart() + cursor.selectionEnd()) / 2);
    browser->setTextCursor(cursor);
    browser->ensureCursorVisible();
    QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, browser->cursorRect(cursor).center());
    return true;
}

} // namespace docrag::test
