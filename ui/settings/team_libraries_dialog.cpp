#include "ui/settings/team_libraries_dialog.h"

#include "engine/library/library_url.h"
#include "engine/library/team_libraries.h"
#include "engine/rag/library_syncer.h"
#include "engine/rag/rag_engine.h"
#include "ui/settings/library_passwords.h"
#include "ui/widgets/error_text.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace docrag {

TeamLibrariesDialog::TeamLibrariesDialog(RagEngine& engine, LibraryPasswords& passwords,
                                         LibrarySyncer* syncer, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_passwords(passwords)
    , m_syncer(syncer) {
    setObjectName(QStringLiteral("teamLibrariesDialog"));
    setWindowTitle(tr("Team libraries"));
    setMinimumWidth(620);

    auto* intro =
        new QLabel(tr("Collections shared by your team in a PostgreSQL database. DocRag keeps a copy "
                      "of each on this computer, searches the copy, and syncs it every few minutes."),
                   this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("libraryList"));
    m_syncNow = new QPushButton(tr("S&ync now"), this);
    m_syncNow->setObjectName(QStringLiteral("syncNowButton"));
    m_syncNow->setEnabled(m_syncer != nullptr);
    m_unsubscribe = new QPushButton(tr("&Unsubscribe"), this);
    m_unsubscribe->setObjectName(QStringLiteral("unsubscribeButton"));
    m_shareFeedback = new QCheckBox(tr("Send my &feedback on its answers to the library"), this);
    m_shareFeedback->setObjectName(QStringLiteral("shareFeedbackCheckBox"));
    auto* selected = new QHBoxLayout;
    selected->addWidget(m_syncNow);
    selected->addWidget(m_unsubscribe);
    selected->addWidget(m_shareFeedback, 1);

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("libraryUrlEdit"));
    m_url->setPlaceholderText(
        QStringLiteral("postgresql://alice@db.example.com/team_docs?sslmode=verify-full"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("libraryPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("kept in the system keychain; empty: ~/.pgpass"));
    m_subscribe = new QPushButton(tr("&Subscribe"), this);
    m_subscribe->setObjectName(QStringLiteral("subscribeButton"));
    auto* form = new QFormLayout;
    form->addRow(tr("Library &URL:"), m_url);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_subscribe);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("teamLibraryStatusLabel"));
    m_status->setTextFormat(Qt::PlainText); // the server's errors
    m_status->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addLayout(selected);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &TeamLibrariesDialog::selectionChanged);
    connect(m_subscribe, &QPushButton::clicked, this, &TeamLibrariesDialog::subscribe);
    connect(m_url, &QLineEdit::returnPressed, this, &TeamLibrariesDialog::subscribe);
    connect(m_unsubscribe, &QPushButton::clicked, this, &TeamLibrariesDialog::unsubscribe);
    connect(m_shareFeedback, &QCheckBox::clicked, this, &TeamLibrariesDialog::setShareFeedback);
    if (m_syncer) {
        connect(m_syncNow, &QPushButton::clicked, this, [this] {
            m_status->setText(tr("Syncing…"));
            m_syncer->syncNow();
        });
        connect(m_syncer, &LibrarySyncer::roundFinished, this, [this] {
            m_status->clear();
            refresh();
        });
    }
    selectionChanged();
    refresh();
}

void TeamLibrariesDialog::refresh() {
    RagEngine* engine = &m_engine;
    QPointer<TeamLibrariesDialog> self(this);
    m_engine.run([engine] { return engine->libraries().list(); })
        .then(this, [self](const Result<std::vector<TeamLibrary>>& libraries) {
            if (!self || !libraries)
                return;
            const QString current = self->selectedUrl();
            self->m_libraries = *libraries;
            self->m_list->clear();
            for (const TeamLibrary& l : self->m_libraries) {
                const QString synced = l.syncedAtMs > 0
                                           ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(l.syncedAtMs),
                                                                QLocale::ShortFormat)
                                           : tr("never");
                QString text = tr("%1 — synced %2").arg(l.url, synced);
                if (!l.lastError.isEmpty())
                    text += QLatin1Char('\n') + tr("The last sync failed: %1").arg(l.lastError);
                auto* item = new QListWidgetItem(text, self->m_list);
                item->setData(Qt::UserRole, l.url);
                if (l.url == current)
                    self->m_list->setCurrentItem(item);
            }
            self->selectionChanged();
        });
}

QString TeamLibrariesDialog::selectedUrl() const {
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void TeamLibrariesDialog::selectionChanged() {
    const QString url = selectedUrl();
    m_unsubscribe->setEnabled(!url.isEmpty());
    m_shareFeedback->setEnabled(!url.isEmpty());
    bool share = false;
    for (const TeamLibrary& l : m_libraries)
        if (l.url == url)
            share = l.shareFeedback;
    m_shareFeedback->setChecked(share);
}

void TeamLibrariesDialog::setBusy(bool busy, const QString& status) {
    m_subscribe->setEnabled(!busy);
    m_unsubscribe->setEnabled(!busy && !selectedUrl().isEmpty());
    m_status->setText(status);
}

void TeamLibrariesDialog::subscribe() {
    auto parsed = LibraryUrl::parse(m_url->text());
    if (!parsed) {
        m_status->setText(ErrorText::of(parsed.error()));
        return;
    }
    // A password typed into the URL goes where the other field's does, never into the list.
    const QString password = m_password->text().isEmpty() ? parsed->password : m_password->text();
    const QString url = parsed->toString();
    if (!password.isEmpty())
        m_engine.libraries().rememberPassword(url, password);
    setBusy(true, tr("Connecting to %1…").arg(url));
    RagEngine* engine = &m_engine;
    QPointer<TeamLibrariesDialog> self(this);
    m_engine.runLong([engine, url] { return engine->libraries().subscribe(url); })
        .then(this, [self, password](const Result<TeamLibrary>& library) {
            if (!self)
                return;
            if (!library) {
                self->setBusy(false, ErrorText::of(library.error()));
                return;
            }
            self->setBusy(false, tr("Subscribed. Its collections arrive with the first sync."));
            if (!password.isEmpty())
                self->m_passwords.store(library->url, password);
            self->m_url->clear();
            self->m_password->clear();
            if (self->m_syncer)
                self->m_syncer->syncNow();
            self->refresh();
            emit self->librariesChanged();
        });
}

void TeamLibrariesDialog::unsubscribe() {
    const QString url = selectedUrl();
    if (url.isEmpty())
        return;
    setBusy(true, tr("Removing the copies of %1…").arg(url));
    RagEngine* engine = &m_engine;
    QPointer<TeamLibrariesDialog> self(this);
    m_engine.runLong([engine, url] { return engine->libraries().unsubscribe(url); })
        .then(this, [self, url](const Status& removed) {
            if (!self)
                return;
            if (!removed) {
                self->setBusy(false, ErrorText::of(removed.error()));
                return;
            }
            self->m_passwords.forget(url);
            self->setBusy(false, tr("Unsubscribed; the library keeps its collections."));
            self->refresh();
            emit self->librariesChanged();
        });
}

void TeamLibrariesDialog::setShareFeedback(bool share) {
    const QString url = selectedUrl();
    if (url.isEmpty())
        return;
    RagEngine* engine = &m_engine;
    QPointer<TeamLibrariesDialog> self(this);
    m_engine.run([engine, url, share] { return engine->libraries().setShareFeedback(url, share); })
        .then(this, [self](const Status& set) {
            if (!self)
                return;
            if (!set)
                self->m_status->setText(ErrorText::of(set.error()));
            self->refresh();
        });
}

} // namespace docrag
