#include "ui/chat/question_edit.h"

#include <QKeyEvent>

namespace docrag {

QuestionEdit::QuestionEdit(QWidget* parent)
    : QPlainTextEdit(parent) {
    setPlaceholderText(tr("Ask about your documentation…  (Enter sends, Shift+Enter adds a line)"));
    setTabChangesFocus(true);
}

void QuestionEdit::keyPressEvent(QKeyEvent* event) {
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        emit submitted();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        emit stopRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace docrag
