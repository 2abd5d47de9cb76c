#pragma once

#include "engine/core/conversation.h"

#include <QPointer>
#include <QWidget>

#include <vector>

class QAction;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTimer;

namespace docrag {

class RagEngine;

// The conversations sidebar: new, rename, delete, search. Reads and writes the history off the UI thread.
class ConversationList final : public QWidget {
    Q_OBJECT
public:
    explicit ConversationList(RagEngine& engine, QWidget* parent = nullptr);

    qint64 currentConversation() const { return m_current; }
    // Rename (F2) and Delete (Del) of the selected conversation: their keys act while the list has the
    // focus; the main window also lists them in its menu.
    QAction* renameAction() const { return m_renameAction; }
    QAction* deleteAction() const { return m_deleteAction; }

public slots:
    void reload();
    // Selects a conversation (0: none) without emitting conversationSelected.
    void setCurrentConversation(qint64 id);
    void renameCurrent(const QString& title);
    void deleteCurrent();
    // Asks, in a window-modal box that does not block, whether to delete the selected conversation (the
    // open one when none is selected); deletes it on yes.
    void confirmDelete();
    // Opens the conversation under the list's keyboard focus.
    void openSelected();
    void focusList();

signals:
    void conversationSelected(qint64 id); // 0: a new, empty conversation
    void loaded(int count);

private:
    void show(const std::vector<Conversation>& conversations);
    void startRename();
    void rename(qint64 id, const QString& title);
    void remove(qint64 id);
    // The selected conversation's item; else the open one's; null when there is neither.
    QListWidgetItem* selectedItem() const;

    RagEngine& m_engine;
    QLineEdit* m_search = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_rename = nullptr;
    QPushButton* m_delete = nullptr;
    QTimer* m_searchDelay = nullptr;
    QAction* m_renameAction = nullptr;
    QAction* m_deleteAction = nullptr;
    qint64 m_current = 0;
    int m_generation = 0;  // answers of a superseded reload are dropped
    int m_pendingRow = -1; // the row to make current after the next reload (after a delete)
};

} // namespace docrag
