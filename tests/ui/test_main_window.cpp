#include "engine/rag/live_collections.h"
#include "engine/rag/rag_engine.h"
#include "tests/support/fake_openai_server.h"
#include "tests/support/ingested_engine.h"
#include "tests/support/temp_tree.h"
#include "tests/ui/click_link.h"
#include "ui/chat/chat_pane.h"
#include "ui/chat/conversation_list.h"
#include "ui/dashboard/dashboard_view.h"
#include "ui/ingest/ingest_task.h"
#include "ui/library/library_view.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/settings_dialog.h"
#include "ui/sources/source_viewer.h"
#include "ui/widgets/health_indicator.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>

using namespace docrag;
using test::FakeOpenAiServer;

namespace {

QString transcriptText(MainWindow& window) {
    return window.findChild<QTextBrowser*>(QStringLiteral("transcriptBrowser"))->toPlainText();
}

} // namespace

// The real main window over a real engine and a fake OpenAI-compatible server on 127.0.0.1.
class TestMainWindow final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    FakeOpenAiServer m_server;
    std::unique_ptr<RagEngine> m_engine;

    // An engine of its own, without a model server, with `docs` ingested as `collection`.
    static std::unique_ptr<RagEngine> offlineEngine(const test::TempTree& data, const QString& docs,
                                                    const QString& collection) {
        EngineOptions options;
        options.dataDir = data.filePath(QStringLiteral("data"));
        auto engine = test::ingestedEngine(options, collection, docs);
        return engine ? std::move(*engine) : nullptr;
    }

    void ask(MainWindow& window, const QString& question) {
        auto* edit = window.findChild<QPlainTextEdit*>(QStringLiteral("questionEdit"));
        edit->setPlainText(question);
        QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("sendButton")), Qt::LeftButton);
    }

private slots:
    void initTestCase() {
        // Settings go to a folder of the test's own, not to the user's configuration.
        qputenv("XDG_CONFIG_HOME", m_tree.filePath(QStringLiteral("config")).toUtf8());
        m_tree.write(
            QStringLiteral("docs/install.md"),
            QStringLiteral("# Installing\n\nIntro text about the product.\n\n## Virtual environments\n\n"
                           "Create a virtual environment with the venv module before installing the "
                           "widget toolkit.\n\n```sh\npython3 -m venv env\n```\n\n## Upgrading\n\n"
                           "Upgrade by running the installer again over the old version.\n"));
        m_tree.write(
            QStringLiteral("docs/notes.txt"),
            QStringLiteral("Plain notes.\nThe quarterly report lists every flamingo sighting.\nEnd.\n"));
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        OpenAiConfig openai;
        openai.baseUrl = QUrl(m_server.baseUrl());
        openai.chatModel = QStringLiteral("fake-chat");
        options.openai = openai;
        auto engine =
            test::ingestedEngine(options, QStringLiteral("manual"), m_tree.filePath(QStringLiteral("docs")));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
        m_engine = std::move(*engine);
    }

    void hasTheApplicationIcon() {
        MainWindow window(*m_engine);
        QVERIFY(!window.windowIcon().isNull());
        QVERIFY(!window.windowIcon().pixmap(QSize(32, 32)).isNull()); // the SVG is there and can be drawn
    }

    void streamsAnAnswerWithCitations() {
        m_server.setChatReply(
            QStringLiteral("Use the venv module to create a virtual environment [1] before you install."));
        m_server.setStreamTokenDelay(40);
        MainWindow window(*m_engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ask(window, QStringLiteral("How do I create a virtual environment?"));
        ChatPane* chat = window.chatPane();
        QVERIFY(chat->isAnswering());
        // Part of the answer is on screen while the rest is still coming.
        QTRY_VERIFY_WITH_TIMEOUT(
            transcriptText(window).contains(QStringLiteral("venv module")) && chat->isAnswering(), 5000);
        QVERIFY(!transcriptText(window).contains(QStringLiteral("before you install")));
        QTRY_VERIFY_WITH_TIMEOUT(!chat->isAnswering(), 10000);
        const QString text = transcriptText(window);
        QVERIFY2(text.contains(QStringLiteral("before you install")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Generated by fake-chat")));
        QVERIFY(text.contains(QStringLiteral("Sources")));
        QVERIFY(text.contains(QStringLiteral("install.md")));
        QVERIFY(!chat->entries().back().sources.empty());
        // The question is in the sidebar.
        auto* list = window.findChild<QListWidget*>(QStringLiteral("conversationListWidget"));
        QTRY_COMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().contains(QStringLiteral("virtual environment")));
    }

    void citationOpensTheViewerAtThePassage() {
        m_server.setChatReply(QStringLiteral("Create it with venv [1]."));
        m_server.setStreamTokenDelay(0);
        MainWindow window(*m_engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ask(window, QStringLiteral("virtual environment venv module"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.chatPane()->isAnswering(), 10000);
        const Source cited = window.chatPane()->entries().back().sources.front();
        QVERIFY(cited.path.endsWith(QStringLiteral("install.md")));
        QSignalSpy shown(window.sourceViewer(), &SourceViewer::shown);
        auto* transcript = window.findChild<QTextBrowser*>(QStringLiteral("transcriptBrowser"));
        QVERIFY(test::clickLink(transcript, QStringLiteral("cite:1:1")));
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(shown.front().front().toBool(), true);
        const QString highlighted = window.sourceViewer()->highlightedText();
        QVERIFY2(highlighted.contains(QStringLiteral("Create a virtual environment with the venv module")),
                 qPrintable(highlighted));
        QVERIFY(!highlighted.contains(QStringLiteral("Upgrade by running")));
        auto* breadcrumb = window.findChild<QLabel*>(QStringLiteral("breadcrumbLabel"));
        QVERIFY2(breadcrumb->text().contains(QStringLiteral("Virtual environments")),
                 qPrintable(breadcrumb->text()));
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("noticeLabel"))->isHidden());
    }

    void stopEndsTheAnswer() {
        m_server.setChatReply(QStringLiteral("word ").repeated(200));
        m_server.setStreamTokenDelay(30);
        MainWindow window(*m_engine);
        window.show();
        ask(window, QStringLiteral("Tell me everything about installing"));
        QTRY_VERIFY_WITH_TIMEOUT(transcriptText(window).contains(QStringLiteral("word word")), 5000);
        QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("stopButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!window.chatPane()->isAnswering(), 3000);
        QVERIFY(window.findChild<QPushButton*>(QStringLiteral("sendButton"))->isEnabled());
        // The partial answer stays an answer, with its sources, marked as stopped (not an error).
        const TranscriptEntry& last = window.chatPane()->entries().back();
        QCOMPARE(last.role, TranscriptEntry::Role::Assistant);
        QCOMPARE(last.finish, QStringLiteral("stopped"));
        QVERIFY(!last.sources.empty());
        QVERIFY(last.content.count(QStringLiteral("word")) < 200);
        QVERIFY(transcriptText(window).contains(QStringLiteral("stopped")));
        m_server.setStreamTokenDelay(0);
    }

    void libraryBrowsesCollectionsDocumentsAndHeadings() {
        MainWindow window(*m_engine);
        window.show();
        auto* tree = window.findChild<QTreeWidget*>(QStringLiteral("libraryTree"));
        QTRY_COMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem* collection = tree->topLevelItem(0);
        QVERIFY(collection->text(0).startsWith(QStringLiteral("manual")));
        collection->setExpanded(true);
        QTRY_COMPARE(collection->childCount(), 2);
        QTreeWidgetItem* install = nullptr;
        for (int i = 0; i < collection->childCount(); ++i) {
            if (collection->child(i)->toolTip(0).contains(QStringLiteral("install.md")))
                install = collection->child(i);
        }
        QVERIFY(install);
        install->setExpanded(true);
        QTRY_VERIFY(install->childCount() > 0);
        QTreeWidgetItem* heading = nullptr;
        for (QTreeWidgetItemIterator it(install); *it; ++it) {
            if ((*it)->text(0) == QStringLiteral("Upgrading"))
                heading = *it;
        }
        QVERIFY(heading);
        QSignalSpy shown(window.sourceViewer(), &SourceViewer::shown);
        tree->setCurrentItem(heading);
        QTRY_COMPARE(shown.count(), 1);
        QVERIFY(window.sourceViewer()->highlightedText().contains(
            QStringLiteral("Upgrade by running the installer")));

        // Full-text search, offline, with the matched words highlighted.
        QSignalSpy searched(window.library(), &LibraryView::searchFinished);
        window.library()->search(QStringLiteral("flamingo sighting"));
        QTRY_COMPARE(searched.count(), 1);
        QVERIFY(searched.front().front().toInt() >= 1);
        auto* results = window.findChild<QTextBrowser*>(QStringLiteral("searchResultsBrowser"));
        QVERIFY(results->toHtml().contains(QStringLiteral("flamingo")));
        QVERIFY(results->toPlainText().contains(QStringLiteral("notes.txt")));
        // Clicking the hit shows the plain-text file, highlighted by its line range.
        const QString href = [&] {
            for (QTextBlock b = results->document()->begin(); b.isValid(); b = b.next()) {
                for (auto it = b.begin(); !it.atEnd(); ++it) {
                    if (it.fragment().charFormat().isAnchor())
                        return it.fragment().charFormat().anchorHref();
                }
            }
            return QString();
        }();
        QVERIFY(href.startsWith(QStringLiteral("chunk:")));
        QVERIFY(test::clickLink(results, href));
        QTRY_VERIFY(window.sourceViewer()->highlightedText().contains(QStringLiteral("flamingo")));
    }

    void statusBarShowsHealth() {
        MainWindow window(*m_engine);
        window.show();
        QSignalSpy checked(&window, &MainWindow::healthChecked);
        QTRY_VERIFY(checked.count() >= 1);
        auto* database = window.findChild<HealthIndicator*>(QStringLiteral("databaseHealthLabel"));
        auto* index = window.findChild<HealthIndicator*>(QStringLiteral("indexHealthLabel"));
        auto* model = window.findChild<HealthIndicator*>(QStringLiteral("modelHealthLabel"));
        QCOMPARE(database->state(), HealthIndicator::State::Ok);
        QCOMPARE(index->state(), HealthIndicator::State::Ok);
        QTRY_COMPARE(model->state(), HealthIndicator::State::Ok);
        QVERIFY(model->toolTip().contains(QStringLiteral("fake-chat")));
    }

    // A collection whose ingest was cancelled shows as interrupted, with how far it got, in the library
    // and the status bar; "Resume ingest" in its context menu finishes it.
    void anInterruptedCollectionResumesFromTheLibrary() {
        test::TempTree data;
        for (int i = 0; i < 40; ++i)
            data.write(QStringLiteral("docs/p%1.md").arg(i),
                       QStringLiteral("# Page %1\n\nText of page %1.\n").arg(i));
        EngineOptions options;
        options.dataDir = data.filePath(QStringLiteral("data"));
        auto opened = RagEngine::open(options);
        QVERIFY(opened.ok());
        RagEngine& engine = **opened;
        IngestRequest request;
        request.collection = QStringLiteral("pages");
        request.paths = {data.filePath(QStringLiteral("docs"))};
        std::stop_source stop;
        auto cancelled =
            engine.ingest(request, stop.get_token(), [&](const IngestProgress&, const FileReport* file) {
                if (file && file->outcome == FileOutcome::Indexed)
                    stop.request_stop();
            });
        QVERIFY(cancelled.ok());
        QVERIFY(cancelled->cancelled);

        MainWindow window(engine);
        window.show();
        auto* tree = window.findChild<QTreeWidget*>(QStringLiteral("libraryTree"));
        QTRY_COMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem* item = tree->topLevelItem(0);
        QVERIFY2(item->text(0).contains(QStringLiteral("interrupted")), qPrintable(item->text(0)));
        QVERIFY(item->text(0).contains(QStringLiteral("of 40 files")));
        QTRY_VERIFY(window.findChild<QLabel*>(QStringLiteral("ingestStatusLabel"))
                        ->text()
                        .contains(QStringLiteral("Interrupted")));

        tree->setCurrentItem(item);
        QTimer::singleShot(100, [] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (QAction* resume =
                    menu ? menu->findChild<QAction*>(QStringLiteral("resumeIngestAction")) : nullptr)
                resume->trigger();
            if (menu)
                menu->close();
        });
        emit tree->customContextMenuRequested(tree->visualItemRect(item).center());
        QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() == 1 &&
                                     !tree->topLevelItem(0)->text(0).contains(QStringLiteral("interrupted")),
                                 10000);
        auto all = engine.collections();
        QVERIFY(all.ok());
        QCOMPARE(all->front().ingest, CollectionInfo::Ingest::Complete);
        QCOMPARE(all->front().stats.indexed, qint64(40));
    }

    // A collection kept in sync, followed from a thread of its own as the application does: a page
    // saved in its folder is searchable within seconds, the status bar says the sync changed it, and the
    // library shows the collection as watched and synced.
    void aCollectionKeptInSyncFollowsItsFolders() {
        test::TempTree data;
        data.write(QStringLiteral("docs/a.md"), QStringLiteral("# A\n\nThe quokka page.\n"));
        EngineOptions options;
        options.dataDir = data.filePath(QStringLiteral("data"));
        auto opened =
            test::ingestedEngine(options, QStringLiteral("handbook"), data.filePath(QStringLiteral("docs")));
        QVERIFY(opened.ok());
        RagEngine& engine = **opened;
        QVERIFY(engine.setKeepInSync(QStringLiteral("handbook"), true).ok());

        QThread thread;
        auto* live = new LiveCollections(engine);
        live->moveToThread(&thread);
        connect(&thread, &QThread::finished, live, &QObject::deleteLater);
        thread.start();
        const auto stopThread = qScopeGuard([&thread] {
            thread.quit();
            thread.wait();
        });
        {
            MainWindow window(engine);
            window.show();
            window.setLiveCollections(live);
            auto* tree = window.findChild<QTreeWidget*>(QStringLiteral("libraryTree"));
            QTRY_VERIFY_WITH_TIMEOUT(
                tree->topLevelItemCount() == 1 &&
                    tree->topLevelItem(0)->toolTip(0).contains(QStringLiteral("watches")),
                5000);
            QVERIFY2(tree->topLevelItem(0)->text(0).contains(QStringLiteral("synced")),
                     qPrintable(tree->topLevelItem(0)->text(0)));
            auto* status = window.findChild<QLabel*>(QStringLiteral("syncStatusLabel"));
            QVERIFY(status);
            data.write(QStringLiteral("docs/b.md"), QStringLiteral("# B\n\nThe wombat page.\n"));
            // (English plural forms come from docrag_en.ts, which tests do not load: "1 files".)
            QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("“handbook” synced: 1 file")),
                                     5000);
            SearchOptions lexical;
            lexical.mode = SearchMode::Lexical;
            QCOMPARE(engine.search(QStringLiteral("wombat"), lexical)->size(), size_t(1));
            QTRY_VERIFY(tree->topLevelItem(0)->text(0).contains(QStringLiteral("2 documents")));
        }
    }

    // A configured server that does not answer is a red light, not a green one (it used to be green
    // whatever the connection test had said).
    void theModelLightIsRedWhenTheServerDoesNotAnswer() {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort(); // closed again: nothing listens there now
        }
        test::TempTree data;
        EngineOptions options;
        options.dataDir = data.filePath(QStringLiteral("data"));
        OpenAiConfig config;
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        options.openai = config;
        auto engine = RagEngine::open(options);
        QVERIFY(engine.ok());
        MainWindow window(**engine);
        window.show();
        auto* model = window.findChild<HealthIndicator*>(QStringLiteral("modelHealthLabel"));
        QTRY_COMPARE_WITH_TIMEOUT(model->state(), HealthIndicator::State::Failed, 8000);
        QVERIFY2(model->toolTip().contains(QStringLiteral("does not answer")), qPrintable(model->toolTip()));
    }

    // First run, no network: the bundled guide becomes the first collection and answers at once.
    void firstRunGuideAnswersOffline() {
        test::TempTree data;
        EngineOptions options;
        options.dataDir = data.filePath(QStringLiteral("data"));
        auto engine = RagEngine::open(options);
        QVERIFY(engine.ok());
        MainWindow window(**engine);
        window.show();
        QSignalSpy finished(&window.ingestTask(), &IngestTask::finished);
        window.ensureGuide(QStringLiteral(DOCRAG_TEST_DATA_DIR "/../../docs"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY2(finished.front().at(0).toBool(), qPrintable(finished.front().at(1).toString()));
        window.chatPane()->ask(QStringLiteral("How do I add my own documentation?"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.chatPane()->isAnswering(), 10000);
        const TranscriptEntry& answer = window.chatPane()->entries().back();
        QCOMPARE(answer.role, TranscriptEntry::Role::Assistant);
        QVERIFY(answer.extractive);
        QVERIFY(!answer.sources.empty());
        QVERIFY2(answer.sources.front().path.endsWith(QStringLiteral("adding-documentation.md")),
                 qPrintable(answer.sources.front().path));
        QVERIFY(transcriptText(window).contains(QStringLiteral("Extractive answer (offline")));
        auto* model = window.findChild<HealthIndicator*>(QStringLiteral("modelHealthLabel"));
        QCOMPARE(model->state(), HealthIndicator::State::Warning);
    }

    void settingsConnectTheModelServer() {
        test::TempTree data;
        const auto engine =
            offlineEngine(data, m_tree.filePath(QStringLiteral("docs")), QStringLiteral("manual"));
        QVERIFY(engine);
        MainWindow window(*engine);
        window.show();
        QVERIFY(!engine->openAiClient());
        window.findChild<QAction*>(QStringLiteral("settingsAction"))->trigger();
        SettingsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<SettingsDialog*>()) != nullptr);
        dialog->findChild<QLineEdit*>(QStringLiteral("baseUrlEdit"))->setText(m_server.baseUrl());
        dialog->findChild<QLineEdit*>(QStringLiteral("chatModelEdit"))->setText(QStringLiteral("fake-chat"));
        dialog->findChild<QSpinBox*>(QStringLiteral("topKSpinBox"))->setValue(3);
        QTest::mouseClick(
            dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok),
            Qt::LeftButton);
        QTRY_VERIFY(engine->openAiClient() != nullptr);
        auto* model = window.findChild<HealthIndicator*>(QStringLiteral("modelHealthLabel"));
        QTRY_COMPARE(model->state(), HealthIndicator::State::Ok);
        m_server.setChatReply(QStringLiteral("From the settings [1]."));
        window.chatPane()->ask(QStringLiteral("How do I upgrade?"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.chatPane()->isAnswering(), 10000);
        QCOMPARE(window.chatPane()->entries().back().model, QStringLiteral("fake-chat"));
        QVERIFY(window.chatPane()->entries().back().sources.size() <= 3);
        QSettings saved;
        QCOMPARE(AppSettings::load(saved).baseUrl, m_server.baseUrl());
        QCOMPARE(AppSettings::load(saved).topK, 3);
    }

    // An answer keeps its citation when the document changes; the viewer says that it changed.
    void changedSourcesAreFlagged() {
        test::TempTree data;
        data.write(QStringLiteral("docs/policy.md"),
                   QStringLiteral("# Policy\n\nRefunds are granted within thirty days of purchase.\n"));
        const auto engine =
            offlineEngine(data, data.filePath(QStringLiteral("docs")), QStringLiteral("policies"));
        QVERIFY(engine);
        MainWindow window(*engine);
        window.show();
        window.chatPane()->ask(QStringLiteral("When are refunds granted?"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.chatPane()->isAnswering(), 10000);
        const Source cited = window.chatPane()->entries().back().sources.front();
        QVERIFY(cited.excerpt.contains(QStringLiteral("thirty days")));

        data.write(QStringLiteral("docs/policy.md"),
                   QStringLiteral("# Policy\n\nRefunds are granted within fourteen days of purchase.\n"));
        IngestRequest again;
        again.collection = QStringLiteral("policies");
        again.paths = {data.filePath(QStringLiteral("docs"))};
        QVERIFY(engine->ingest(again).ok());
        QSignalSpy shown(window.sourceViewer(), &SourceViewer::shown);
        window.chatPane()->citationActivated(cited);
        QTRY_COMPARE(shown.count(), 1);
        auto* notice = window.findChild<QLabel*>(QStringLiteral("noticeLabel"));
        QVERIFY(!notice->isHidden());
        QVERIFY2(notice->text().contains(QStringLiteral("changed since the answer")),
                 qPrintable(notice->text()));
    }

    void feedbackIsStored() {
        m_server.setChatReply(QStringLiteral("Upgrade by running the installer [1]."));
        MainWindow window(*m_engine);
        window.show();
        window.chatPane()->ask(QStringLiteral("How do I upgrade the product?"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.chatPane()->isAnswering(), 10000);
        const int index = static_cast<int>(window.chatPane()->entries().size()) - 1;
        const qint64 id = window.chatPane()->entries().back().messageId;
        QVERIFY(id > 0);
        auto* transcript = window.findChild<QTextBrowser*>(QStringLiteral("transcriptBrowser"));
        QVERIFY(test::clickLink(transcript, QStringLiteral("up:%1").arg(index)));
        QTRY_COMPARE(m_engine->history().message(id).value().feedback, 1);
        window.chatPane()->setFeedback(index, -1, QStringLiteral("missed the upgrade path"));
        QTRY_COMPARE(m_engine->history().message(id).value().feedbackNote,
                     QStringLiteral("missed the upgrade path"));
        QCOMPARE(m_engine->history().message(id).value().feedback, -1);
    }

    // Labels that show server messages, names and paths never guess a rich text format; the status bar's
    // health lights keep theirs, with details that show as written.
    void labelsShowUntrustedTextAsPlainText() {
        MainWindow window(*m_engine);
        window.show();
        for (const char* name : {"ingestStatusLabel", "chatStatusLabel", "breadcrumbLabel", "noticeLabel"}) {
            auto* label = window.findChild<QLabel*>(QLatin1String(name));
            QVERIFY2(label && label->textFormat() == Qt::PlainText, name);
        }
        HealthIndicator light(QStringLiteral("Model"));
        light.setState(HealthIndicator::State::Failed,
                       QStringLiteral("HTTP 502: <html><b>Bad</b> gateway</html>"));
        QTextDocument tip;
        tip.setHtml(light.toolTip());
        QCOMPARE(tip.toPlainText(), QStringLiteral("Model: HTTP 502: <html><b>Bad</b> gateway</html>"));
    }

    void theDashboardOpensAndFollowsQueries() {
        MainWindow window(*m_engine);
        window.show();
        window.findChild<QAction*>(QStringLiteral("dashboardAction"))->trigger();
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("dashboardDock"));
        QTRY_VERIFY(dock->isVisible() && window.dashboard()->isVisible());
        QSignalSpy refreshed(window.dashboard(), &DashboardView::refreshed);
        QTRY_VERIFY(refreshed.count() >= 1);
        const qint64 before =
            window.dashboard()->lastSnapshot().operation(QStringLiteral("retrieval"))->count;
        window.library()->search(QStringLiteral("flamingo"));
        window.library()->search(QStringLiteral("installer"));
        QTRY_VERIFY_WITH_TIMEOUT(
            window.dashboard()->lastSnapshot().operation(QStringLiteral("retrieval"))->count >= before + 2,
            10000);
    }

    void conversationsCanBeReopenedRenamedAndDeleted() {
        m_server.setChatReply(QStringLiteral("Upgrade by running the installer again [1]."));
        MainWindow window(*m_engine);
        window.show();
        auto* list = window.findChild<QListWidget*>(QStringLiteral("conversationListWidget"));
        QTRY_VERIFY(list->count() >= 1);
        const int before = list->count();
        ask(window, QStringLiteral("How do I upgrade?"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.chatPane()->isAnswering(), 10000);
        QTRY_COMPARE(list->count(), before + 1);
        const qint64 id = window.chatPane()->conversationId();
        QVERIFY(id > 0);
        window.chatPane()->openConversation(0);
        QVERIFY(window.chatPane()->entries().empty());
        window.chatPane()->openConversation(id);
        QTRY_COMPARE(window.chatPane()->entries().size(), size_t(2));
        QVERIFY(transcriptText(window).contains(QStringLiteral("Upgrade by running the installer again")));
        window.conversations()->setCurrentConversation(id);
        window.conversations()->renameCurrent(QStringLiteral("Upgrades"));
        QTRY_VERIFY(!list->findItems(QStringLiteral("Upgrades"), Qt::MatchExactly).isEmpty());
        window.conversations()->deleteCurrent();
        QTRY_COMPARE(list->count(), before);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
