#pragma once

#include <QPlainTextEdit>

namespace docrag {

// The question box: Enter sends, Shift+Enter starts a new line, Esc asks to stop the answer.
class QuestionEdit final : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit QuestionEdit(QWidget* parent = nullptr);

signals:
    void submitted();
    void stopRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
};

} // namespace docrag
