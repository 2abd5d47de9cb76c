#include "ui/main_window.h"

#include "engine/core/logging.h"
#include "engine/metrics/health_check.h"
#include "engine/rag/guide_collection.h"
#include "engine/rag/library_syncer.h"
#include "engine/rag/live_collections.h"
#include "engine/rag/rag_engine.h"
#include "ui/chat/chat_pane.h"
#include "ui/chat/conversation_list.h"
#include "ui/dashboard/dashboard_view.h"
#include "ui/ingest/ingest_task.h"
#include "ui/ingest/ingest_wizard.h"
#include "ui/library/library_status_label.h"
#include "ui/library/library_view.h"
#include "ui/library/sync_status_label.h"
#include "ui/settings/api_key_store.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/library_passwords.h"
#include "ui/settings/settings_dialog.h"
#include "ui/settings/team_libraries_dialog.h"
#include "ui/sources/source_viewer.h"
#include "ui/widgets/action_icons.h"
#include "ui/widgets/byte_size.h"
#include "ui/widgets/error_text.h"
#include "ui/widgets/health_indicator.h"

#include <QApplication>
#include <QDockWidget>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QPointer>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace docrag {

namespace {

// The desktop's key for a standard command, and `fallback` too: several platform themes (and the
// offscreen one) bind none to Preferences or Quit, which would leave Settings out of the keyboard's reach.
QList<QKeySequence> withFallback(QKeySequence::StandardKey key, const QKeySequence& fallback) {
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    if (!keys.contains(fallback))
        keys << fallback;
    return keys;
}

} // namespace

MainWindow::MainWindow(RagEngine& engine, QWidget* parent)
    : QMainWindow(parent)
    , m_engine(engine) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("DocRag"));
    // The installed icon theme's first (it may hold sizes drawn for small panels), else the bundled SVG.
    setWindowIcon(QIcon::fromTheme(QStringLiteral("docrag"), QIcon(QStringLiteral(":/icons/docrag.svg"))));
    resize(1280, 800);

    m_ingest = new IngestTask(engine, this);
    m_keys = new ApiKeyStore(this);
    m_libraryPasswords = new LibraryPasswords(m_engine, this);
    m_chat = new ChatPane(engine, this);
    {
        QSettings stored;
        m_chat->setTopK(AppSettings::load(stored).topK);
    }
    setCentralWidget(m_chat);

    m_conversations = new ConversationList(engine, this);
    auto* conversationsDock = new QDockWidget(tr("Conversations"), this);
    conversationsDock->setObjectName(QStringLiteral("conversationsDock"));
    conversationsDock->setWidget(m_conversations);
    addDockWidget(Qt::LeftDockWidgetArea, conversationsDock);

    m_library = new LibraryView(engine, this);
    auto* libraryDock = new QDockWidget(tr("Library"), this);
    libraryDock->setObjectName(QStringLiteral("libraryDock"));
    libraryDock->setWidget(m_library);
    addDockWidget(Qt::LeftDockWidgetArea, libraryDock);
    tabifyDockWidget(conversationsDock, libraryDock);
    conversationsDock->raise();

    m_viewer = new SourceViewer(engine, this);
    auto* viewerDock = new QDockWidget(tr("Source"), this);
    viewerDock->setObjectName(QStringLiteral("sourceDock"));
    viewerDock->setWidget(m_viewer);
    addDockWidget(Qt::RightDockWidgetArea, viewerDock);
    m_dashboard = new DashboardView(engine, this);
    auto* dashboardDock = new QDockWidget(tr("Performance"), this);
    dashboardDock->setObjectName(QStringLiteral("dashboardDock"));
    dashboardDock->setWidget(m_dashboard);
    addDockWidget(Qt::RightDockWidgetArea, dashboardDock);
    tabifyDockWidget(viewerDock, dashboardDock);
    viewerDock->raise();
    resizeDocks({conversationsDock, viewerDock}, {260, 460}, Qt::Horizontal);

    connect(m_chat, &ChatPane::citationActivated, this, [this, viewerDock](const Source& source) {
        viewerDock->show();
        viewerDock->raise();
        m_viewer->showSource(source);
    });
    connect(m_library, &LibraryView::chunkActivated, this, [this, viewerDock](qint64 document, qint64 chunk) {
        viewerDock->show();
        m_viewer->showChunk(document, chunk);
    });
    connect(m_library, &LibraryView::collectionsLoaded, m_chat, &ChatPane::setCollections);
    connect(m_library, &LibraryView::leaveRequested, m_chat, &ChatPane::focusQuestion);
    connect(m_library, &LibraryView::resumeRequested, this, &MainWindow::resumeIngest);
    connect(m_library, &LibraryView::keepInSyncRequested, this, &MainWindow::setKeepInSync);
    connect(m_library, &LibraryView::interruptedFound, this, [this](const QStringList& interrupted) {
        if (!interrupted.isEmpty() && !m_ingestBar->isVisible())
            m_ingestLabel->setText(tr("Interrupted ingest: %1. Resume it from the library's context menu.")
                                       .arg(interrupted.join(QStringLiteral(", "))));
    });
    connect(m_conversations, &ConversationList::conversationSelected, m_chat, &ChatPane::openConversation);
    connect(m_chat, &ChatPane::conversationChanged, this, [this](qint64 id) {
        m_conversations->setCurrentConversation(id);
        m_conversations->reload();
    });
    connect(m_ingest, &IngestTask::progressed, this, &MainWindow::showIngestProgress);
    connect(m_ingest, &IngestTask::finished, this, &MainWindow::ingestFinished);

    buildMenus();
    buildStatusBar();
    chainTabOrder();
    // A keyboard user starts where the window is for: the question box.
    m_chat->focusQuestion();
    // Where the user left the panels last time.
    QSettings layout;
    restoreGeometry(layout.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(layout.value(QStringLiteral("window/state")).toByteArray());
    // The window shows first; the lists fill in as the engine answers.
    QTimer::singleShot(0, this, [this] {
        RagEngine* engine = &m_engine;
        (void)m_engine.run([engine] { engine->pruneCaches(); });
        m_library->reload();
        m_conversations->reload();
        refreshHealth();
    });
}

MainWindow::~MainWindow() {
    m_ingest->cancel(); // a background ingest stops at the next file; what it committed stays
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings layout;
    layout.setValue(QStringLiteral("window/geometry"), saveGeometry());
    layout.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::buildMenus() {
    auto* conversationsDock = findChild<QDockWidget*>(QStringLiteral("conversationsDock"));
    auto* libraryDock = findChild<QDockWidget*>(QStringLiteral("libraryDock"));
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* add = file->addAction(tr("&Add documentation…"), this, &MainWindow::openIngestWizard);
    add->setObjectName(QStringLiteral("addDocumentationAction"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    add->setIcon(ActionIcons::icon(ActionIcons::Action::AddDocumentation));
    QAction* exportAction =
        file->addAction(tr("&Export conversation…"), m_chat, &ChatPane::exportConversation);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setObjectName(QStringLiteral("exportConversationAction"));
    exportAction->setIcon(ActionIcons::icon(ActionIcons::Action::Export));
    file->addSeparator();
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcuts(withFallback(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    settings->setIcon(ActionIcons::icon(ActionIcons::Action::Settings));
    QAction* libraries = file->addAction(tr("&Team libraries…"), this, &MainWindow::openTeamLibraries);
    libraries->setObjectName(QStringLiteral("teamLibrariesAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcuts(withFallback(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (const char* name : {"conversationsDock", "libraryDock", "sourceDock", "dashboardDock"}) {
        auto* dock = findChild<QDockWidget*>(QLatin1String(name));
        QAction* toggle = dock->toggleViewAction();
        view->addAction(toggle);
    }
    QAction* performance = view->addAction(tr("Performance &dashboard"), this, [this] {
        auto* dock = findChild<QDockWidget*>(QStringLiteral("dashboardDock"));
        dock->show();
        dock->raise();
    });
    performance->setObjectName(QStringLiteral("dashboardAction"));
    performance->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    performance->setIcon(ActionIcons::icon(ActionIcons::Action::Dashboard));
    QAction* searchLibrary = view->addAction(tr("Search the &library"), this, [this, libraryDock] {
        libraryDock->show();
        libraryDock->raise();
        m_library->focusSearch();
    });
    searchLibrary->setObjectName(QStringLiteral("searchLibraryAction"));
    searchLibrary->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    auto* sourceDock = findChild<QDockWidget*>(QStringLiteral("sourceDock"));
    view->addSeparator();
    QAction* find = view->addAction(tr("&Find in source"), this, [this, sourceDock] {
        sourceDock->show();
        sourceDock->raise();
        m_viewer->findInPage();
    });
    find->setObjectName(QStringLiteral("findInSourceAction"));
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    QAction* back = view->addAction(tr("&Back in source"), m_viewer, &SourceViewer::back);
    back->setObjectName(QStringLiteral("sourceBackAction"));
    back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    back->setEnabled(false);
    QAction* forward = view->addAction(tr("F&orward in source"), m_viewer, &SourceViewer::forward);
    forward->setObjectName(QStringLiteral("sourceForwardAction"));
    forward->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    forward->setEnabled(false);
    connect(m_viewer, &SourceViewer::historyChanged, this, [this, back, forward] {
        back->setEnabled(m_viewer->canGoBack());
        forward->setEnabled(m_viewer->canGoForward());
    });

    // The keyboard's way through a conversation; every key is listed in the guide (docs/keyboard.md).
    QMenu* chat = menuBar()->addMenu(tr("&Chat"));
    QAction* newConversation = chat->addAction(tr("&New conversation"), QKeySequence::New, this, [this] {
        m_conversations->setCurrentConversation(0);
        m_chat->openConversation(0);
        m_chat->focusQuestion();
    });
    newConversation->setObjectName(QStringLiteral("newConversationAction"));
    newConversation->setIcon(ActionIcons::icon(ActionIcons::Action::NewConversation));
    QAction* ask = chat->addAction(tr("&Ask a question"), m_chat, &ChatPane::focusQuestion);
    ask->setObjectName(QStringLiteral("askQuestionAction"));
    ask->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction* open = chat->addAction(tr("&Open a conversation"), this, [this, conversationsDock] {
        conversationsDock->show();
        conversationsDock->raise();
        m_conversations->focusList();
    });
    open->setObjectName(QStringLiteral("openConversationAction"));
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    chat->addAction(m_conversations->renameAction());
    chat->addAction(m_conversations->deleteAction());
    chat->addSeparator();
    QAction* stop = chat->addAction(tr("&Stop answer"), m_chat, &ChatPane::stop);
    stop->setObjectName(QStringLiteral("stopAnswerAction"));
    stop->setIcon(ActionIcons::icon(ActionIcons::Action::Stop));
    stop->setShortcut(QKeySequence(Qt::Key_Escape));
    // Enabled only while an answer streams, so that Esc keeps its usual meaning the rest of the time.
    stop->setEnabled(false);
    connect(m_chat, &ChatPane::answeringChanged, stop, &QAction::setEnabled);
    QAction* regenerate = chat->addAction(tr("&Regenerate answer"), m_chat, &ChatPane::regenerate);
    regenerate->setObjectName(QStringLiteral("regenerateAnswerAction"));
    regenerate->setIcon(ActionIcons::icon(ActionIcons::Action::Regenerate));
    regenerate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_chat, &ChatPane::answeringChanged, regenerate,
            [regenerate](bool answering) { regenerate->setEnabled(!answering); });
    chat->addSeparator();
    QAction* next = chat->addAction(tr("Ne&xt source"), m_chat, &ChatPane::nextCitation);
    next->setObjectName(QStringLiteral("nextCitationAction"));
    next->setShortcut(QKeySequence(Qt::Key_F8));
    QAction* previous = chat->addAction(tr("&Previous source"), m_chat, &ChatPane::previousCitation);
    previous->setObjectName(QStringLiteral("previousCitationAction"));
    previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
}

void MainWindow::chainTabOrder() {
    // Tab crosses the window as it is laid out: the conversations (or the library) on the left, the
    // chat in the centre, the source on the right. Widgets of a hidden tab are skipped by Qt itself.
    QWidget* previous = nullptr;
    for (const char* name :
         {"conversationSearchEdit", "conversationListWidget", "newConversationButton",
          "renameConversationButton", "deleteConversationButton", "librarySearchEdit", "searchResultsBrowser",
          "libraryTree", "collectionCombo", "exportButton", "transcriptBrowser", "questionEdit", "sendButton",
          "stopButton", "openExternalButton", "documentBrowser"}) {
        auto* widget = findChild<QWidget*>(QLatin1String(name));
        if (!widget)
            continue;
        if (previous)
            QWidget::setTabOrder(previous, widget);
        previous = widget;
    }
}

void MainWindow::buildStatusBar() {
    m_databaseHealth = new HealthIndicator(tr("Database"), this);
    m_databaseHealth->setObjectName(QStringLiteral("databaseHealthLabel"));
    m_indexHealth = new HealthIndicator(tr("Index"), this);
    m_indexHealth->setObjectName(QStringLiteral("indexHealthLabel"));
    m_modelHealth = new HealthIndicator(tr("Model"), this);
    m_modelHealth->setObjectName(QStringLiteral("modelHealthLabel"));
    m_ingestLabel = new QLabel(this);
    m_ingestLabel->setObjectName(QStringLiteral("ingestStatusLabel"));
    m_ingestLabel->setTextFormat(Qt::PlainText); // collection names, file names, error messages
    m_ingestBar = new QProgressBar(this);
    m_ingestBar->setObjectName(QStringLiteral("ingestProgressBar"));
    m_ingestBar->setMaximumWidth(180);
    m_ingestBar->hide();
    m_syncLabel = new SyncStatusLabel(this);
    m_libraryLabel = new LibraryStatusLabel(this);
    statusBar()->addWidget(m_ingestLabel, 1);
    statusBar()->addWidget(m_syncLabel);
    statusBar()->addWidget(m_libraryLabel);
    statusBar()->addPermanentWidget(m_ingestBar);
    statusBar()->addPermanentWidget(m_databaseHealth);
    statusBar()->addPermanentWidget(m_indexHealth);
    statusBar()->addPermanentWidget(m_modelHealth);
    m_healthTimer = new QTimer(this);
    m_healthTimer->setInterval(30000);
    connect(m_healthTimer, &QTimer::timeout, this, &MainWindow::refreshHealth);
    m_healthTimer->start();
}

void MainWindow::refreshHealth() {
    QPointer<MainWindow> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine] { return engine->stats(); }).then(this, [self](const Result<EngineStats>& stats) {
        if (!self)
            return;
        if (!stats) {
            self->m_databaseHealth->setState(HealthIndicator::State::Failed, ErrorText::of(stats.error()));
            self->m_indexHealth->setState(HealthIndicator::State::Unknown,
                                          tr("unknown: the database failed"));
        } else {
            self->m_databaseHealth->setState(HealthIndicator::State::Ok,
                                             tr("%1, %2, schema %3")
                                                 .arg(stats->databasePath,
                                                      ByteSize::text(stats->databaseBytes),
                                                      QLocale().toString(stats->schemaVersion)));
            qint64 chunks = 0;
            for (const CollectionInfo& c : stats->collections)
                chunks += c.stats.chunks;
            if (chunks == 0)
                self->m_indexHealth->setState(HealthIndicator::State::Warning,
                                              tr("no documents yet: add some with File › Add documentation"));
            else
                self->m_indexHealth->setState(HealthIndicator::State::Ok,
                                              tr("%Ln collections, %1, vector indexes %2", "",
                                                 static_cast<int>(stats->collections.size()))
                                                  .arg(tr("%Ln passages", "", static_cast<int>(chunks)),
                                                       ByteSize::text(stats->indexBytes)));
        }
        emit self->healthChecked();
    });
    refreshModelHealth();
}

void MainWindow::refreshModelHealth() {
    const std::optional<OpenAiConfig> config = m_engine.options().openai;
    if (!config) {
        m_modelHealth->setState(HealthIndicator::State::Warning,
                                tr("no model server configured: answers are extractive (offline). Set one in "
                                   "Settings."));
        return;
    }
    // Green only once the server has answered: a configured server is not a working one.
    m_modelHealth->setState(HealthIndicator::State::Unknown,
                            tr("checking %1…").arg(config->baseUrl.toString()));
    const quint64 generation = ++m_modelProbeGeneration;
    QPointer<MainWindow> self(this);
    QtConcurrent::run([config = *config] {
        return HealthCheck::probeEndpoint(config, kModelProbeTimeoutMs);
    }).then(this, [self, generation, config = *config](const Result<HealthCheck::EndpointProbe>& probe) {
        if (!self || generation != self->m_modelProbeGeneration)
            return;
        if (probe)
            self->m_modelHealth->setState(
                HealthIndicator::State::Ok,
                tr("%1, model %2, answered in %3 ms")
                    .arg(config.baseUrl.toString(), config.chatModel, QLocale().toString(probe->elapsedMs)));
        else
            self->m_modelHealth->setState(
                HealthIndicator::State::Failed,
                tr("%1 does not answer: %2").arg(config.baseUrl.toString(), ErrorText::of(probe.error())));
    });
}

void MainWindow::ensureGuide(const QString& folder) {
    QPointer<MainWindow> self(this);
    RagEngine* engine = &m_engine;
    // Ingested where it is installed: the pages stay there for the source viewer, and an upgrade of the
    // package updates them. A guide collection built from somewhere else goes first (GuideCollection).
    m_engine.run([engine, folder] { return GuideCollection::forgetOtherFolders(*engine, folder); })
        .then(this, [self, folder](const Status& forgotten) {
            if (!self)
                return;
            // The ingest still runs: a database that failed here fails it too, and its summary says so.
            if (!forgotten)
                Logging::get("docrag.ui")
                    ->warn("the user guide's old pages stay: {}", forgotten.error().message);
            // Also when it exists: an updated guide re-ingests the changed pages only.
            self->m_ingest->start(GuideCollection::request(folder));
        });
}

void MainWindow::showIngestProgress(const IngestProgress& p) {
    m_ingestBar->show();
    m_ingestBar->setRange(0, std::max(1, p.filesTotal));
    m_ingestBar->setValue(p.filesDone);
    const QString done = QLocale().toString(p.filesDone);
    QString text = p.etaMs >= 0 ? tr("Ingesting: %1 of %Ln files, about %2 s left", "", p.filesTotal)
                                      .arg(done, QLocale().toString((p.etaMs + 999) / 1000))
                                : tr("Ingesting: %1 of %Ln files", "", p.filesTotal).arg(done);
    if (!p.currentFile.isEmpty())
        text += QStringLiteral(" — ") + p.currentFile.section(QLatin1Char('/'), -1);
    m_ingestLabel->setText(text);
}

void MainWindow::ingestFinished(bool, const QString& summary) {
    m_ingestBar->hide();
    m_ingestLabel->setText(summary);
    m_library->reload();
    refreshHealth();
    followCollections(); // the collection may be new, or newly kept in sync
}

void MainWindow::setLiveCollections(LiveCollections* live) {
    m_live = live;
    connect(live, &LiveCollections::following, m_library, &LibraryView::setFollowing);
    connect(live, &LiveCollections::syncStarted, m_syncLabel, &SyncStatusLabel::syncStarted);
    connect(live, &LiveCollections::syncFinished, m_syncLabel, &SyncStatusLabel::syncFinished);
    connect(live, &LiveCollections::syncFinished, this, [this](const LiveCollections::Outcome& outcome) {
        if (outcome.changedFiles > 0) {
            m_library->reload();
            refreshHealth();
        }
    });
    followCollections();
}

void MainWindow::setLibrarySyncer(LibrarySyncer* syncer) {
    m_syncer = syncer;
    connect(syncer, &LibrarySyncer::syncStarted, m_libraryLabel, &LibraryStatusLabel::syncStarted);
    connect(syncer, &LibrarySyncer::syncProgress, m_libraryLabel, &LibraryStatusLabel::syncProgress);
    connect(syncer, &LibrarySyncer::syncFinished, m_libraryLabel, &LibraryStatusLabel::syncFinished);
    // The library says how fresh each replica is, after every sync.
    connect(syncer, &LibrarySyncer::syncFinished, this, [this](const LibrarySyncer::Outcome& outcome) {
        m_library->reload();
        if (!outcome.changedCollections.isEmpty())
            refreshHealth();
    });
    connect(m_libraryPasswords, &LibraryPasswords::loaded, syncer, &LibrarySyncer::start,
            Qt::SingleShotConnection);
    m_libraryPasswords->load();
}

void MainWindow::openTeamLibraries() {
    auto* dialog = new TeamLibrariesDialog(m_engine, *m_libraryPasswords, m_syncer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TeamLibrariesDialog::librariesChanged, m_library, &LibraryView::reload);
    dialog->open();
}

void MainWindow::followCollections() {
    if (LiveCollections* live = m_live)
        QMetaObject::invokeMethod(
            live, [live] { live->follow(); }, Qt::QueuedConnection);
}

void MainWindow::setKeepInSync(const QString& collection, bool keep) {
    QPointer<MainWindow> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, collection, keep] { return engine->setKeepInSync(collection, keep); })
        .then(this, [self](const Status& set) {
            if (!self)
                return;
            if (!set)
                self->m_ingestLabel->setText(ErrorText::of(set.error()));
            self->m_library->reload();
            self->followCollections();
        });
}

void MainWindow::resumeIngest(const QString& collection) {
    QPointer<MainWindow> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, collection] { return engine->resumeRequest(collection); })
        .then(this, [self](const Result<IngestRequest>& request) {
            if (!self)
                return;
            if (!request)
                self->m_ingestLabel->setText(tr("Cannot resume: %1").arg(ErrorText::of(request.error())));
            else if (!self->m_ingest->start(*request))
                self->m_ingestLabel->setText(tr("Another ingest is running; resume when it has finished."));
        });
}

void MainWindow::openIngestWizard() {
    auto* wizard = new IngestWizard(m_engine, *m_ingest, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
}

void MainWindow::loadStoredKey() {
    connect(
        m_keys, &ApiKeyStore::keyRead, this,
        [this](const QString& key, const QString&) {
            if (key.isEmpty() || m_chat->isAnswering())
                return;
            m_sessionKey = key;
            QSettings stored;
            m_engine.setModelServer(AppSettings::load(stored).modelServer(key));
            refreshHealth();
        },
        Qt::SingleShotConnection);
    m_keys->read();
}

void MainWindow::openSettings() {
    QSettings stored;
    auto* dialog = new SettingsDialog(AppSettings::load(stored), *m_keys, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::teamLibrariesRequested, this, &MainWindow::openTeamLibraries);
    if (!m_sessionKey.isEmpty())
        dialog->setApiKey(m_sessionKey);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QSettings settings;
        const AppSettings chosen = dialog->settings();
        chosen.save(settings);
        m_chat->setTopK(chosen.topK);
        m_sessionKey = dialog->apiKey();
        if (m_chat->isAnswering()) {
            // Swapping the model under a running answer is not safe: apply when it ends.
            connect(
                m_chat, &ChatPane::answerFinished, this,
                [this, chosen] {
                    m_engine.setModelServer(chosen.modelServer(m_sessionKey));
                    refreshHealth();
                },
                Qt::SingleShotConnection);
        } else {
            m_engine.setModelServer(chosen.modelServer(m_sessionKey));
        }
        refreshHealth();
    });
    dialog->open();
}

} // namespace docrag
