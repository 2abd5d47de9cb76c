#pragma once

#include <QTextEdit>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace docrag {

// Find in page for the source viewer: every match marked, the current one selected and scrolled to, and
// how many there are. Enter goes to the next match, Shift+Enter to the previous, Esc closes the bar.
class FindBar final : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QTextEdit* target, QWidget* parent = nullptr);

    // Shows the bar with the keyboard in it, its text selected to be typed over.
    void activate();
    // Finds again in a new document (the viewer showed another one).
    void refresh();
    int matchCount() const { return static_cast<int>(m_matches.size()); }
    int currentMatch() const { return m_current; } // 0-based; -1 when none
    // The marks of every match, for the viewer to show with its own.
    QList<QTextEdit::ExtraSelection> selections() const;

public slots:
    void next();
    void previous();
    void close();

signals:
    void selectionsChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void find();
    void select(int index);
    void showCount();

    QTextEdit* m_target = nullptr;
    QLineEdit* m_edit = nullptr;
    QLabel* m_count = nullptr;
    QToolButton* m_previous = nullptr;
    QToolButton* m_next = nullptr;
    QToolButton* m_close = nullptr;
    QList<QTextCursor> m_matches;
    int m_current = -1;
};

} // namespace docrag
