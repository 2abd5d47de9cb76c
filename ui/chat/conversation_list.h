#pragma once

#include "engine/core/conversation.h"

#include <QPointer>
#include <QWidget>

#include <vector>

class QLineEdit;
class QListWidget;
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

public slots:
    void reload();
    // Selects a conversation (0: none) without emitting conversationSelected.
    void setCurrentConversation(qint64 id);
    void renameCurrent(const QString& title);
    void deleteCurrent();

signals:
    void conversationSelected(qint64 id); // 0: a new, empty conversation
    void loaded(int count);

private:
    void show(const std::vector<Conversation>& conversations);
    void startRename();

    RagEngine& m_engine;
    QLineEdit* m_search = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_rename = nullptr;
    QPushButton* m_delete = nullptr;
    QTimer* m_searchDelay = nullptr;
    qint64 m_current = 0;
    int m_generation = 0; // answers of a superseded reload are dropped
};

} // namespace docrag
