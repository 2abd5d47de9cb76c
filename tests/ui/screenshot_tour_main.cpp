// docrag-screenshot-tour: drives the real desktop window through what the README shows and saves
// screenshots of the real X11 windows. Run by scripts/screenshots under Xvfb at 1280x800; not a test.
// Usage: docrag-screenshot-tour OUTPUT_DIR GUIDE_DIR
//        docrag-screenshot-tour OUTPUT_DIR GUIDE_DIR --main-window FILE --language CODE
// The second form takes only the main window with an answer, in another language.
#include "engine/rag/rag_engine.h"
#include "tests/support/fake_openai_server.h"
#include "tests/ui/click_link.h"
#include "tests/ui/dark_palette.h"
#include "ui/chat/chat_pane.h"
#include "ui/dashboard/dashboard_view.h"
#include "ui/ingest/ingest_task.h"
#include "ui/ingest/ingest_wizard.h"
#include "ui/library/library_view.h"
#include "ui/main_window.h"
#include "ui/settings/api_key_store.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/interface_language.h"
#include "ui/settings/settings_dialog.h"
#include "ui/sources/source_viewer.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QPalette>
#include <QScreen>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeWidget>

#include <cstdio>

using namespace docrag;

namespace {

const QString kPythonDocs = QStringLiteral("/usr/share/doc/python3.11/html");

bool waitFor(const std::function<bool()>& done, int ms = 30000) {
    return QTest::qWaitFor(done, ms);
}

// The whole 1280x800 screen: a dialog is shown over the main window, as a user sees it.
void shoot(QWidget* window, const QString& dir, const QString& name) {
    QTest::qWait(300); // let the last repaint reach the X server
    const QPixmap pixmap = window->screen()->grabWindow(0);
    const QString path = QDir(dir).filePath(name);
    std::fprintf(stderr, "%s %s (%dx%d)\n", pixmap.save(path) ? "wrote" : "FAILED to write", qPrintable(path),
                 pixmap.width(), pixmap.height());
}

void fail(const char* what) {
    std::fprintf(stderr, "screenshot tour: %s\n", what);
    std::exit(1);
}

void ingest(RagEngine& engine, const QString& collection, const QString& docType, const QString& path) {
    IngestRequest request;
    request.collection = collection;
    request.docType = docType;
    request.paths = {path};
    if (!engine.ingest(request))
        fail("ingest failed");
}

void clickCitation(QTextBrowser* transcript, const QString& href) {
    // The link's text position, then a real click where it is drawn.
    QTextDocument* document = transcript->document();
    for (QTextBlock b = document->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().anchorHref() != href)
                continue;
            QTextCursor c(document);
            c.setPosition(it.fragment().position() + 1);
            QTest::mouseClick(transcript->viewport(), Qt::LeftButton, {}, transcript->cursorRect(c).center());
            return;
        }
    }
    fail("no citation link to click");
}

// Shows the window at the screenshots' size, once its library is listed.
void present(MainWindow& window) {
    window.resize(1280, 800);
    window.move(0, 0);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        fail("the window was not exposed");
    auto* list = window.findChild<QTreeWidget*>(QStringLiteral("libraryTree"));
    waitFor([&] { return list->topLevelItemCount() > 0; });
}

// The main window with a generated answer, its citation open in the viewer: one screenshot.
int mainWindowOnly(RagEngine& engine, test::FakeOpenAiServer& server, const QString& out, const QString& name,
                   const QString& question) {
    MainWindow window(engine);
    present(window);
    server.setStreamTokenDelay(5);
    window.chatPane()->ask(question);
    if (!waitFor([&] { return !window.chatPane()->isAnswering(); }))
        fail("no answer");
    clickCitation(window.findChild<QTextBrowser*>(QStringLiteral("transcriptBrowser")),
                  QStringLiteral("cite:1:1"));
    QTest::qWait(800);
    shoot(&window, out, name);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("DocRag"));
    if (argc < 3)
        fail("usage: docrag-screenshot-tour OUTPUT_DIR GUIDE_DIR");
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString guide = QString::fromLocal8Bit(argv[2]);
    QDir().mkpath(out);
    QString single;
    QString language = QStringLiteral("en");
    for (int i = 3; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--main-window" && i + 1 < argc) {
            single = QString::fromLocal8Bit(argv[++i]);
        } else if (arg == "--language" && i + 1 < argc) {
            language = QString::fromLocal8Bit(argv[++i]);
        } else {
            fail("unknown option");
        }
    }
    InterfaceLanguage::install(app, language);
    QTemporaryDir data;
    test::FakeOpenAiServer server;
    server.setChatReply(QStringLiteral(
        "Open **File › Add documentation…**, choose the folders to index and give the collection a name [1]. "
        "DocRag honours `.gitignore` and `.docragignore` files, so build output stays out [2].\n\n"
        "From the command line the same takes one command:\n\n```sh\ndocrag-cli ingest ~/team-docs "
        "--collection team\n```\n\nRunning it again only re-reads the files that changed [1]."));
    server.setStreamTokenDelay(5);

    EngineOptions options;
    options.dataDir = data.path();
    OpenAiConfig openai;
    openai.baseUrl = QUrl(server.baseUrl());
    openai.chatModel = QStringLiteral("gpt-4o-mini");
    options.openai = openai;
    auto engine = RagEngine::open(options);
    if (!engine)
        fail("cannot open the engine");
    ingest(**engine, QStringLiteral("DocRag guide"), QStringLiteral("docrag"), guide);
    if (!single.isEmpty()) {
        if (language == QLatin1String("de")) {
            server.setChatReply(QStringLiteral(
                "Öffnen Sie **Datei › Dokumentation hinzufügen…**, wählen Sie die Ordner und geben Sie der "
                "Sammlung einen Namen [1]. `.gitignore`- und `.docragignore`-Dateien werden beachtet [2].\n\n"
                "Auf der Kommandozeile genügt ein Befehl:\n\n```sh\ndocrag-cli ingest ~/team-docs "
                "--collection team\n```\n\nEin zweiter Lauf liest nur geänderte Dateien neu ein [1]."));
            return mainWindowOnly(**engine, server, out, single,
                                  QStringLiteral("Wie füge ich meine eigene Dokumentation hinzu?"));
        }
        return mainWindowOnly(**engine, server, out, single,
                              QStringLiteral("How do I add my own documentation?"));
    }
    const bool python = QFileInfo::exists(kPythonDocs);
    if (python)
        ingest(**engine, QStringLiteral("Python 3.11"), QStringLiteral("python"), kPythonDocs);

    MainWindow window(**engine);
    present(window);

    // 1. A generated answer with citations, its sources, and the cited passage in the viewer.
    auto* filter = window.chatPane()->findChild<QComboBox*>(QStringLiteral("collectionCombo"));
    waitFor([&] { return filter->count() > 1; });
    filter->setCurrentIndex(filter->findData(QStringLiteral("DocRag guide")));
    window.chatPane()->ask(QStringLiteral("How do I add my own documentation?"));
    if (!waitFor([&] { return !window.chatPane()->isAnswering(); }))
        fail("no answer");
    auto* transcript = window.findChild<QTextBrowser*>(QStringLiteral("transcriptBrowser"));
    clickCitation(transcript, QStringLiteral("cite:1:1"));
    QTest::qWait(800);
    shoot(&window, out, QStringLiteral("chat.png"));
    // 1b. The same under a dark palette (Fusion dark): colours follow the palette.
    {
        const QString style = QApplication::style()->name(); // setStyle deletes the style it replaces
        const QPalette light = QApplication::palette();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(test::darkPalette());
        QTest::qWait(800);
        shoot(&window, out, QStringLiteral("chat-dark.png"));
        QApplication::setStyle(QStyleFactory::create(style));
        QApplication::setPalette(light);
        QTest::qWait(300);
    }

    // 2. The source viewer on a Python page, with the passage highlighted.
    if (python) {
        server.setChatReply(QStringLiteral(
            "Run the `venv` module as a script with the directory to create [2]:\n\n```sh\npython3 -m venv "
            "tutorial-env\n```\n\nThen activate it: `source tutorial-env/bin/activate` on Unix or macOS, "
            "`tutorial-env\\Scripts\\activate` on Windows [2]. Each environment has its own packages, "
            "isolated from the base Python [2]."));
        window.chatPane()->openConversation(0);
        filter->setCurrentIndex(filter->findData(QStringLiteral("Python 3.11")));
        window.chatPane()->ask(QStringLiteral("How do I create a virtual environment?"));
        waitFor([&] { return !window.chatPane()->isAnswering(); });
        clickCitation(transcript, QStringLiteral("cite:1:2"));
        QTest::qWait(1500);
        shoot(&window, out, QStringLiteral("source-viewer.png"));
    }

    // 3. The library: collections, documents and headings, and a full-text search.
    window.findChild<QDockWidget*>(QStringLiteral("libraryDock"))->raise();
    auto* list = window.findChild<QTreeWidget*>(QStringLiteral("libraryTree"));
    QTreeWidgetItem* top = list->topLevelItem(list->topLevelItemCount() - 1);
    top->setExpanded(true);
    waitFor([&] { return top->childCount() > 0; });
    QTreeWidgetItem* page = top->child(std::min(3, top->childCount() - 1));
    page->setExpanded(true);
    waitFor([&] { return page->childCount() > 0; });
    list->setCurrentItem(page->child(0));
    window.library()->search(python ? QStringLiteral("virtual environment") : QStringLiteral("ignore files"));
    QTest::qWait(1500);
    shoot(&window, out, QStringLiteral("library.png"));

    // 3b. API names as they are typed; Enter opens one. 3c. A cross-reference followed in the viewer.
    if (python) {
        auto* search = window.findChild<QLineEdit*>(QStringLiteral("librarySearchEdit"));
        auto* names = window.findChild<QListWidget*>(QStringLiteral("symbolSuggestionsList"));
        window.library()->focusSearch();
        QTest::keyClicks(search, QStringLiteral("os.path.getsi"));
        if (!waitFor([&] { return names->isVisible() && names->count() > 0; }))
            fail("no API names offered");
        QTest::qWait(1000);
        shoot(&window, out, QStringLiteral("library-lookup.png"));
        QTest::keyClick(search, Qt::Key_Return);
        QTest::qWait(1500);
        auto* document = window.findChild<QTextBrowser*>(QStringLiteral("documentBrowser"));
        if (!test::clickLink(document, QStringLiteral("exceptions.html#OSError")))
            fail("no link to OSError in os.path");
        QTest::qWait(1500);
        shoot(&window, out, QStringLiteral("followed-link.png"));
    }

    // 4. The ingestion wizard's progress page, mid-ingest.
    auto* wizard = new IngestWizard(**engine, window.ingestTask(), &window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->addPaths({python ? kPythonDocs : guide});
    wizard->show();
    wizard->move(window.geometry().center() - wizard->rect().center());
    if (!QTest::qWaitForWindowExposed(wizard))
        fail("the wizard was not exposed");
    QTest::qWait(1500); // the live preview
    wizard->next();
    wizard->findChild<QComboBox*>(QStringLiteral("collectionCombo"))
        ->setEditText(QStringLiteral("Python docs (copy)"));
    QTest::qWait(500);
    wizard->next();
    waitFor([&] { return window.ingestTask().isRunning(); }, 5000);
    QTest::qWait(python ? 1800 : 200);
    shoot(wizard, out, QStringLiteral("wizard-progress.png"));
    waitFor([&] { return !window.ingestTask().isRunning(); }, 60000);
    wizard->close();

    // 5. The performance dashboard after a load test: the bench's mix of searches and answers.
    {
        const QStringList questions = {QStringLiteral("How do I read a file line by line?"),
                                       QStringLiteral("virtual environment"),
                                       QStringLiteral("list comprehension"), QStringLiteral("asyncio tasks"),
                                       QStringLiteral("How do I add my own documentation?")};
        SearchOptions options;
        for (int i = 0; i < 300; ++i)
            (void)(*engine)->search(questions[i % questions.size()], options);
        for (int i = 0; i < 6; ++i) {
            window.chatPane()->ask(questions[i % questions.size()]);
            waitFor([&] { return !window.chatPane()->isAnswering(); });
        }
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("dashboardDock"));
        dock->show();
        dock->raise();
        // Room for the cards and the charts: the side panels make way.
        window.findChild<QDockWidget*>(QStringLiteral("libraryDock"))->hide();
        window.findChild<QDockWidget*>(QStringLiteral("conversationsDock"))->hide();
        window.resizeDocks({dock}, {900}, Qt::Horizontal);
        QTest::qWait(500);
        QSignalSpy refreshed(window.dashboard(), &DashboardView::refreshed);
        window.dashboard()->refresh();
        waitFor([&] { return refreshed.count() > 0; }, 10000);
        QTest::qWait(800);
        shoot(&window, out, QStringLiteral("dashboard.png"));
    }

    // 6. The settings dialog.
    AppSettings settings;
    settings.baseUrl = QStringLiteral("http://localhost:11434/v1");
    settings.chatModel = QStringLiteral("llama3.1:8b");
    settings.embeddingModel = QStringLiteral("nomic-embed-text");
    ApiKeyStore keys;
    auto* dialog = new SettingsDialog(settings, keys, &window);
    dialog->show();
    dialog->move(window.geometry().center() - dialog->rect().center());
    if (!QTest::qWaitForWindowExposed(dialog))
        fail("the settings dialog was not exposed");
    QTest::qWait(500);
    shoot(dialog, out, QStringLiteral("settings.png"));
    dialog->close();
    return 0;
}
