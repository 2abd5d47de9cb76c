#include "ui/chat/conversation_list.h"

#include "engine/rag/rag_engine.h"

#include <QDateTime>
#include <QLocale>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace docrag {

ConversationList::ConversationList(RagEngine& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine) {
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("conversationSearchEdit"));
    m_search->setPlaceholderText(tr("Search conversations"));
    m_search->setClearButtonEnabled(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("conversationListWidget"));
    m_new = new QPushButton(tr("New"), this);
    m_new->setObjectName(QStringLiteral("newConversationButton"));
    m_rename = new QPushButton(tr("Rename"), this);
    m_rename->setObjectName(QStringLiteral("renameConversationButton"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteConversationButton"));
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
    connect(m_delete, &QPushButton::clicked, this, &ConversationList::deleteCurrent);
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        m_current = item->data(Qt::UserRole).toLongLong();
        emit conversationSelected(m_current);
    });
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
        item->setToolTip(tr("%Ln messages, last %1", "", c.messageCount)
                             .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.updatedAt),
                                                     QLocale::ShortFormat)));
        if (c.id == m_current)
            item->setSelected(true);
    }
    emit loaded(static_cast<int>(conversations.size()));
}

void ConversationList::setCurrentConversation(qint64 id) {
    m_current = id;
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setSelected(m_list->item(i)->data(Qt::UserRole).toLongLong() == id);
}

void ConversationList::startRename() {
    if (m_current == 0)
        return;
    // Not QInputDialog::getText: that would run a nested event loop.
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("renameDialog"));
    dialog->setLabelText(tr("New title:"));
    if (auto* item = m_list->currentItem())
        dialog->setTextValue(item->text());
    connect(dialog, &QInputDialog::textValueSelected, this, &ConversationList::renameCurrent);
    dialog->open();
}

void ConversationList::renameCurrent(const QString& title) {
    const qint64 id = m_current;
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
    const qint64 id = m_current;
    if (id == 0)
        return;
    m_current = 0;
    QPointer<ConversationList> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, id] { return engine->history().remove(id); }).then(this, [self](const Status&) {
        if (!self)
            return;
        self->reload();
        emit self->conversationSelected(0);
    });
}

} // namespace docrag
