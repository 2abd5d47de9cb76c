#pragma once

#include <QMainWindow>

class QLabel;
class QProgressBar;
class QTimer;

namespace docrag {

class ApiKeyStore;
class ChatPane;
class ConversationList;
class DashboardView;
class HealthIndicator;
class IngestTask;
class LibraryView;
class LibraryPasswords;
class LibraryStatusLabel;
class LibrarySyncer;
class LiveCollections;
class SyncStatusLabel;
class RagEngine;
class SourceViewer;
struct IngestProgress;

// The desktop window: conversations on the left (with the library as a second tab), the chat in the
// centre, the source viewer on the right, and a status bar with the health of the database, the index
// and the model endpoint, and the progress of background ingestion. Everything slow runs on the engine's
// threads; this class only wires widgets together.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(RagEngine& engine, QWidget* parent = nullptr);
    ~MainWindow() override;

    ChatPane* chatPane() const { return m_chat; }
    SourceViewer* sourceViewer() const { return m_viewer; }
    LibraryView* library() const { return m_library; }
    DashboardView* dashboard() const { return m_dashboard; }
    ConversationList* conversations() const { return m_conversations; }
    IngestTask& ingestTask() const { return *m_ingest; }

    // Ingests the user guide in `folder` as the collection "DocRag guide": all of it on the first run,
    // the changed pages on later ones.
    void ensureGuide(const QString& folder);
    // Reads the API key from the OS keychain and, when there is one, connects to the model server of
    // the saved settings with it. Not called when the environment chose a server (as for the CLI).
    void loadStoredKey();
    // Follows the collections kept in sync with `live` (which lives in a thread of its own), first
    // rescanning them: their syncs show in the status bar, and the library says how each is followed.
    void setLiveCollections(LiveCollections* live);
    // Keeps the team libraries' replicas fresh with `syncer` (not owned), started once the keychain has
    // given their passwords: its syncs show in the status bar.
    void setLibrarySyncer(LibrarySyncer* syncer);

public slots:
    void refreshHealth();
    void refreshModelHealth();
    void resumeIngest(const QString& collection);
    void openIngestWizard();
    void openSettings();
    void openTeamLibraries();

signals:
    void healthChecked();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void chainTabOrder();
    void showIngestProgress(const IngestProgress& progress);
    void ingestFinished(bool ok, const QString& summary);
    void followCollections();
    void setKeepInSync(const QString& collection, bool keep);

    RagEngine& m_engine;
    ChatPane* m_chat = nullptr;
    SourceViewer* m_viewer = nullptr;
    LibraryView* m_library = nullptr;
    DashboardView* m_dashboard = nullptr;
    ConversationList* m_conversations = nullptr;
    IngestTask* m_ingest = nullptr;
    HealthIndicator* m_databaseHealth = nullptr;
    HealthIndicator* m_indexHealth = nullptr;
    HealthIndicator* m_modelHealth = nullptr;
    QProgressBar* m_ingestBar = nullptr;
    QLabel* m_ingestLabel = nullptr;
    SyncStatusLabel* m_syncLabel = nullptr;
    LiveCollections* m_live = nullptr; // not owned: it lives in another thread
    LibraryStatusLabel* m_libraryLabel = nullptr;
    LibrarySyncer* m_syncer = nullptr; // not owned
    LibraryPasswords* m_libraryPasswords = nullptr;
    QTimer* m_healthTimer = nullptr;
    quint64 m_modelProbeGeneration = 0; // a newer probe makes older answers moot
    static constexpr int kModelProbeTimeoutMs = 3000;
    ApiKeyStore* m_keys = nullptr;
    QString m_sessionKey; // the key in use: from the keychain, or typed in Settings when it has none
};

} // namespace docrag
