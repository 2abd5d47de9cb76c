#pragma once

#include "engine/core/team_library.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace docrag {

class LibraryPasswords;
class LibrarySyncer;
class RagEngine;

// Settings > Team libraries: the libraries this computer subscribes to, how fresh each replica is and
// why a sync failed; subscribing (the password goes to the keychain), unsubscribing, syncing now, and
// whether feedback on a library's answers is sent to it. Everything slow runs on the engine's pools.
class TeamLibrariesDialog final : public QDialog {
    Q_OBJECT

public:
    TeamLibrariesDialog(RagEngine& engine, LibraryPasswords& passwords, LibrarySyncer* syncer,
                        QWidget* parent = nullptr);

signals:
    // A library was added or removed: its collections come or go.
    void librariesChanged();

private:
    void refresh();
    void subscribe();
    void unsubscribe();
    void setShareFeedback(bool share);
    void selectionChanged();
    QString selectedUrl() const;
    void setBusy(bool busy, const QString& status);

    RagEngine& m_engine;
    LibraryPasswords& m_passwords;
    LibrarySyncer* m_syncer;
    std::vector<TeamLibrary> m_libraries;
    QListWidget* m_list = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_password = nullptr;
    QPushButton* m_subscribe = nullptr;
    QPushButton* m_unsubscribe = nullptr;
    QPushButton* m_syncNow = nullptr;
    QCheckBox* m_shareFeedback = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace docrag
