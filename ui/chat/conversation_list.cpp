#include "ui/chat/conversation_list.h"

#include "engine/rag/rag_engine.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace docrag {

ConversationList::ConversationList(RagEngine& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine) {
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("conversationSearchEdit"));
    m_search->setPlaceholderText(tr("Search conversations"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search conversations"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("conversationListWidget"));
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setAccessibleDescription(
        tr("Earlier conversations, newest first. Enter opens one, F2 renames it, Delete deletes it."));
    m_new = new QPushButton(tr("New"), this);
    m_new->setObjectName(QStringLiteral("newConversationButton"));
    m_new->setToolTip(tr("Start a new conversation (Ctrl+N)"));
    m_rename = new QPushButton(tr("Rename"), this);
    m_rename->setObjectName(QStringLiteral("renameConversationButton"));
    m_rename->setToolTip(tr("Rename the selected conversation (F2)"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteConversationButton"));
    m_delete->setToolTip(tr("Delete the selected conversation (Delete)"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    connect(m_searchDelay, &QTimer::timeout, this, &ConversationList::reload);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_new, &QPushButton::clicked, this, [this] {
        m_list->clearSelection();
        m_current = 0;
        emit conversationSelected(0);
    });
    connect(m_rename, &QPushButton::clicked, this, &ConversationList::startRename);
    connect(m_delete, &QPushButton::clicked, this, &ConversationList::confirmDelete);
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        m_current = item->data(Qt::UserRole).toLongLong();
        emit conversationSelected(m_current);
    });
    // Keys of the list only: arrows move the selection without opening (that would reload the chat at
    // every step), Enter opens.
    for (const QKeySequence& key : {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}) {
        auto* open = new QShortcut(key, m_list);
        open->setContext(Qt::WidgetShortcut);
        connect(open, &QShortcut::activated, this, &ConversationList::openSelected);
    }
    m_renameAction = new QAction(tr("Rena&me conversation…"), this);
    m_renameAction->setObjectName(QStringLiteral("renameConversationAction"));
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    connect(m_renameAction, &QAction::triggered, this, &ConversationList::startRename);
    m_deleteAction = new QAction(tr("&Delete conversation…"), this);
    m_deleteAction->setObjectName(QStringLiteral("deleteConversationAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    connect(m_deleteAction, &QAction::triggered, this, &ConversationList::confirmDelete);
    for (QAction* action : {m_renameAction, m_deleteAction}) {
        // Delete in a text box deletes text: the keys belong to the list alone.
        action->setShortcutContext(Qt::WidgetShortcut);
        m_list->addAction(action);
    }
    // The same actions on a right click or the menu key.
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
}

QListWidgetItem* ConversationList::selectedItem() const {
    if (const QList<QListWidgetItem*> selected = m_list->selectedItems(); !selected.isEmpty())
        return selected.front();
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_current != 0 && m_list->item(i)->data(Qt::UserRole).toLongLong() == m_current)
            return m_list->item(i);
    }
    return nullptr;
}

void ConversationList::openSelected() {
    QListWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    m_current = item->data(Qt::UserRole).toLongLong();
    emit conversationSelected(m_current);
}

void ConversationList::focusList() {
    m_list->setFocus(Qt::ShortcutFocusReason);
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void ConversationList::confirmDelete() {
    QListWidgetItem* item = selectedItem();
    if (!item)
        return;
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete conversation"),
                                tr("Delete the conversation “%1”? Its questions and answers cannot be "
                                   "restored.")
                                    .arg(item->text()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("deleteConversationMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText); // the title is the user's question
    QPushButton* remove = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    QPushButton* keep = box->addButton(QMessageBox::Cancel);
    // The safe answer is the default: Enter keeps the conversation, Alt+D (or Tab, Space) deletes it.
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    QPointer<ConversationList> self(this);
    connect(remove, &QPushButton::clicked, this, [self, id] {
        if (self)
            self->remove(id);
    });
    // Not exec(): no nested event loop. The box is window-modal and answers through its signals.
    box->open();
}

void ConversationList::reload() {
    const int generation = ++m_generation;
    const QString search = m_search->text().trimmed();
    QPointer<ConversationList> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, search] { return engine->history().conversations(search); })
        .then(this, [self, generation](const Result<std::vector<Conversation>>& found) {
            if (!self || generation != self->m_generation)
                return;
            self->show(found ? *found : std::vector<Conversation>());
        });
}

void ConversationList::show(const std::vector<Conversation>& conversations) {
    m_list->clear();
    for (const Conversation& c : conversations) {
        auto* item = new QListWidgetItem(c.title.isEmpty() ? tr("(untitled)") : c.title, m_list);
        item->setData(Qt::UserRole, c.id);
        item->setToolTip(
            tr("%Ln messages, last %1", "", c.messageCount)
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.updatedAt), QLocale::ShortFormat)));
        if (c.id == m_current)
            item->setSelected(true);
    }
    if (m_pendingRow >= 0 && m_list->count() > 0)
        m_list->setCurrentRow(std::min(m_pendingRow, m_list->count() - 1));
    m_pendingRow = -1;
    emit loaded(static_cast<int>(conversations.size()));
}

void ConversationList::setCurrentConversation(qint64 id) {
    m_current = id;
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setSelected(m_list->item(i)->data(Qt::UserRole).toLongLong() == id);
}

void ConversationList::startRename() {
    QListWidgetItem* item = selectedItem();
    if (!item)
        return;
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    // Not QInputDialog::getText: that would run a nested event loop.
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("renameDialog"));
    dialog->setLabelText(tr("New title:"));
    dialog->setTextValue(item->text());
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, id](const QString& title) { rename(id, title); });
    dialog->open();
}

void ConversationList::renameCurrent(const QString& title) {
    rename(m_current, title);
}

void ConversationList::rename(qint64 id, const QString& title) {
    if (id == 0 || title.trimmed().isEmpty())
        return;
    QPointer<ConversationList> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, id, title] { return engine->history().rename(id, title.trimmed()); })
        .then(this, [self](const Status&) {
            if (self)
                self->reload();
        });
}

void ConversationList::deleteCurrent() {
    remove(m_current);
}

void ConversationList::remove(qint64 id) {
    if (id == 0)
        return;
    // Only deleting the open conversation empties the chat.
    const bool open = id == m_current;
    if (open)
        m_current = 0;
    const int row = m_list->currentRow();
    QPointer<ConversationList> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, id] { return engine->history().remove(id); })
        .then(this, [self, open, row](const Status&) {
            if (!self)
                return;
            self->m_pendingRow = row; // the keyboard stays where it was, on the next conversation
            self->reload();
            if (open)
                emit self->conversationSelected(0);
        });
}

} // namespace docrag
