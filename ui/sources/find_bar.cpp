#include "ui/sources/find_bar.h"

#include "ui/widgets/theme_colors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTextDocument>
#include <QToolButton>

namespace docrag {
namespace {

// Enough for any page a person reads; a pathological one stops counting here.
constexpr int kMaxMatches = 10000;

} // namespace

FindBar::FindBar(QTextEdit* target, QWidget* parent)
    : QWidget(parent)
    , m_target(target) {
    setObjectName(QStringLiteral("findBar"));
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("findEdit"));
    m_edit->setPlaceholderText(tr("Find in page"));
    m_edit->setAccessibleName(tr("Find in page"));
    m_edit->setAccessibleDescription(
        tr("Enter finds the next match, Shift+Enter the previous one, Esc closes."));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("findCountLabel"));
    m_count->setTextFormat(Qt::PlainText);
    m_previous = new QToolButton(this);
    m_previous->setObjectName(QStringLiteral("findPreviousButton"));
    m_previous->setText(tr("Previous"));
    m_previous->setToolTip(tr("Previous match (Shift+Enter)"));
    m_next = new QToolButton(this);
    m_next->setObjectName(QStringLiteral("findNextButton"));
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Next match (Enter)"));
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("findCloseButton"));
    m_close->setText(tr("Close"));
    m_close->setToolTip(tr("Close the find bar (Esc)"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_close);
    connect(m_edit, &QLineEdit::textChanged, this, &FindBar::find);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::previous);
    connect(m_next, &QToolButton::clicked, this, &FindBar::next);
    connect(m_close, &QToolButton::clicked, this, &FindBar::close);
    hide();
}

void FindBar::activate() {
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
    find();
}

void FindBar::refresh() {
    if (!isHidden())
        find();
}

void FindBar::find() {
    m_matches.clear();
    m_current = -1;
    const QString text = m_edit->text();
    if (!text.isEmpty() && !isHidden()) {
        QTextDocument* document = m_target->document();
        for (QTextCursor at = document->find(text); !at.isNull() && m_matches.size() < kMaxMatches;
             at = document->find(text, at))
            m_matches << at;
    }
    if (!m_matches.isEmpty()) {
        // The first match at or after where the reader is.
        const int from = m_target->cursorForPosition(QPoint(0, 0)).position();
        int first = 0;
        while (first < m_matches.size() && m_matches[first].selectionStart() < from)
            ++first;
        select(first == m_matches.size() ? 0 : first);
    } else {
        showCount();
        emit selectionsChanged();
    }
}

void FindBar::select(int index) {
    m_current = index;
    QTextCursor cursor = m_matches[index];
    m_target->setTextCursor(cursor);
    m_target->ensureCursorVisible();
    showCount();
    emit selectionsChanged();
}

void FindBar::next() {
    if (!m_matches.isEmpty())
        select((m_current + 1) % m_matches.size());
}

void FindBar::previous() {
    if (!m_matches.isEmpty())
        select((m_current - 1 + m_matches.size()) % m_matches.size());
}

void FindBar::close() {
    hide();
    m_matches.clear();
    m_current = -1;
    emit selectionsChanged();
    m_target->setFocus(Qt::OtherFocusReason);
}

void FindBar::showCount() {
    if (m_edit->text().isEmpty())
        m_count->clear();
    else if (m_matches.isEmpty())
        m_count->setText(tr("No matches"));
    else
        m_count->setText(tr("%1 of %n", "", static_cast<int>(m_matches.size())).arg(m_current + 1));
}

QList<QTextEdit::ExtraSelection> FindBar::selections() const {
    QList<QTextEdit::ExtraSelection> out;
    for (const QTextCursor& match : m_matches) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = match;
        mark.format.setBackground(ThemeColors::marker(palette()));
        mark.format.setForeground(ThemeColors::markerText(palette()));
        out << mark;
    }
    return out;
}

bool FindBar::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                previous();
            else
                next();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        emit selectionsChanged();
}

} // namespace docrag
