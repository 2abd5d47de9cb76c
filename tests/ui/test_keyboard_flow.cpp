#include "engine/rag/rag_engine.h"
#include "tests/support/fake_openai_server.h"
#include "tests/support/ingested_engine.h"
#include "tests/support/temp_tree.h"
#include "ui/chat/chat_pane.h"
#include "ui/chat/conversation_list.h"
#include "ui/main_window.h"
#include "ui/sources/find_bar.h"
#include "ui/sources/source_viewer.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

using namespace docrag;
using test::FakeOpenAiServer;

// The main flow of the window with the keyboard alone: every step is a key sent to whatever has the
// focus, as a person without a mouse would press it. No widget is clicked, no slot called.
class TestKeyboardFlow final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    FakeOpenAiServer m_server;
    std::unique_ptr<RagEngine> m_engine;

    // Where a key goes: the focus widget of the active window (a dialog when one is open).
    static QWidget* focused() {
        if (QWidget* widget = QApplication::focusWidget())
            return widget;
        return QApplication::activeWindow();
    }

    static void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QWidget* target = focused();
        QVERIFY2(target, "nothing has the keyboard focus");
        QTest::keyClick(target, static_cast<Qt::Key>(key), modifiers);
    }

    static void type(const QString& text) {
        QWidget* target = focused();
        QVERIFY2(target, "nothing has the keyboard focus");
        QTest::keyClicks(target, text);
    }

    static QString focusName() {
        QWidget* widget = focused();
        return widget ? widget->objectName() : QString();
    }

    static QString transcriptText(MainWindow& window) {
        return window.findChild<QTextBrowser*>(QStringLiteral("transcriptBrowser"))->toPlainText();
    }

    void showActive(MainWindow& window) {
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // The lists fill in as the engine answers.
        auto* list = window.findChild<QListWidget*>(QStringLiteral("conversationListWidget"));
        QTRY_VERIFY(list->count() >= 0);
    }

private slots:
    void initTestCase() {
        qputenv("XDG_CONFIG_HOME", m_tree.filePath(QStringLiteral("config")).toUtf8());
        m_tree.write(
            QStringLiteral("docs/install.md"),
            QStringLiteral("# Installing\n\nIntro text about the product.\n\n## Virtual environments\n\n"
                           "Create a virtual environment with the venv module before installing the "
                           "widget toolkit.\n\n```sh\npython3 -m venv env\n```\n\n## Upgrading\n\n"
                           "Upgrade by running the installer again over the old version.\n"));
        m_tree.write(QStringLiteral("docs/backup.md"),
                     QStringLiteral("# Backups\n\nBack up the virtual environment folder before upgrading "
                                    "the toolkit. Restore a backup with the restore command.\n"));
        m_tree.write(QStringLiteral("docs/venv.md"),
                     QStringLiteral("# The venv module\n\nThe venv module creates a virtual environment "
                                    "in a folder of its own: python3 -m venv env.\n"));
        // Offline: the extractive answerer cites passages without any server.
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine =
            test::ingestedEngine(options, QStringLiteral("manual"), m_tree.filePath(QStringLiteral("docs")));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
        m_engine = std::move(*engine);
    }

    void theMainFlowWorksWithKeysAlone() {
        MainWindow window(*m_engine);
        showActive(window);
        ChatPane* chat = window.chatPane();
        auto* list = window.findChild<QListWidget*>(QStringLiteral("conversationListWidget"));

        // New conversation: Ctrl+N empties the chat and puts the focus in the question box.
        press(Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(chat->conversationId(), qint64(0));
        QCOMPARE(focusName(), QStringLiteral("questionEdit"));

        // Ask: type, Enter.
        type(QStringLiteral("How do I create a virtual environment with venv?"));
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!chat->isAnswering() && chat->entries().size() == 2, 10000);
        const TranscriptEntry answer = chat->entries().back();
        QCOMPARE(answer.role, TranscriptEntry::Role::Assistant);
        QVERIFY2(answer.sources.size() >= 2, qPrintable(QString::number(answer.sources.size())));
        const qint64 first = chat->conversationId();
        QVERIFY(first > 0);
        QTRY_COMPARE(list->count(), 1);

        // Open a citation: F8 goes to the first source of the last answer and shows it in the viewer.
        QSignalSpy shown(window.sourceViewer(), &SourceViewer::shown);
        QSignalSpy cited(chat, &ChatPane::citationActivated);
        press(Qt::Key_F8);
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(cited.count(), 1);
        QCOMPARE(cited.back().front().value<Source>().number, answer.sources.at(0).number);
        QVERIFY(shown.back().front().toBool()); // the passage was found and highlighted
        QVERIFY(!window.sourceViewer()->highlightedText().isEmpty());
        QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("sourceDock"))->isVisible());
        auto* transcript = window.findChild<QTextBrowser*>(QStringLiteral("transcriptBrowser"));
        QCOMPARE(transcript->textCursor().charFormat().anchorHref(),
                 QStringLiteral("cite:1:%1").arg(answer.sources.at(0).number));
        // F8 again: the next source; Shift+F8: back to the first.
        press(Qt::Key_F8);
        QTRY_COMPARE(cited.count(), 2);
        QCOMPARE(cited.back().front().value<Source>().number, answer.sources.at(1).number);
        press(Qt::Key_F8, Qt::ShiftModifier);
        QTRY_COMPARE(cited.count(), 3);
        QCOMPARE(cited.back().front().value<Source>().number, answer.sources.at(0).number);

        // Regenerate: Ctrl+R answers the last question again, below the first answer.
        press(Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!chat->isAnswering() && chat->entries().size() == 4, 10000);
        QCOMPARE(chat->entries().at(2).content, chat->entries().at(0).content);

        // Stop a streamed answer: Esc, wherever the focus is in the window (here: the transcript).
        OpenAiConfig openai;
        openai.baseUrl = QUrl(m_server.baseUrl());
        openai.chatModel = QStringLiteral("fake-chat");
        m_engine->setModelServer(openai);
        m_server.setChatReply(QStringLiteral("word ").repeated(300));
        m_server.setStreamTokenDelay(30);
        press(Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(focusName(), QStringLiteral("questionEdit"));
        type(QStringLiteral("Tell me everything about installing"));
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(transcriptText(window).contains(QStringLiteral("word word")), 5000);
        QVERIFY(chat->isAnswering());
        press(Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(focusName(), QStringLiteral("transcriptBrowser"));
        press(Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!chat->isAnswering(), 3000);
        QCOMPARE(chat->entries().back().finish, QStringLiteral("stopped"));
        QVERIFY(chat->entries().back().content.count(QStringLiteral("word")) < 300);
        m_server.setStreamTokenDelay(0);
        m_engine->setModelServer(std::nullopt);

        // A second conversation, so that the list has two to choose from.
        press(Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(chat->conversationId(), qint64(0));
        type(QStringLiteral("How do I restore a backup?"));
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!chat->isAnswering() && chat->conversationId() != 0, 10000);
        const qint64 second = chat->conversationId();
        QTRY_COMPARE(list->count(), 2);

        // Open a conversation from the list: Ctrl+Shift+O goes to the list, arrows choose, Enter opens.
        press(Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(focusName(), QStringLiteral("conversationListWidget"));
        press(Qt::Key_Home);
        for (int i = 0; i < list->count() && list->currentItem()->data(Qt::UserRole).toLongLong() != first;
             ++i)
            press(Qt::Key_Down);
        QCOMPARE(list->currentItem()->data(Qt::UserRole).toLongLong(), first);
        QCOMPARE(chat->conversationId(), second); // choosing alone opens nothing
        press(Qt::Key_Return);
        QCOMPARE(chat->conversationId(), first);
        QTRY_VERIFY(chat->entries().size() >= 6);
        QVERIFY(transcriptText(window).contains(QStringLiteral("virtual environment")));

        // Delete it: Delete asks first; Esc keeps it, Alt+D (the box's Delete button) deletes it.
        QCOMPARE(focusName(), QStringLiteral("conversationListWidget"));
        press(Qt::Key_Delete);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>(QStringLiteral("deleteConversationMessageBox"))) &&
                    box->isVisible());
        QVERIFY(!box->text().isEmpty());
        QTRY_COMPARE(QApplication::activeWindow(), box);
        press(Qt::Key_Escape);
        QTRY_VERIFY(!window.findChild<QMessageBox*>(QStringLiteral("deleteConversationMessageBox")));
        // The window manager's part: the offscreen platform has none to hand the focus back.
        QApplication::setActiveWindow(&window);
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        QVERIFY(m_engine->history().conversation(first).ok());
        QCOMPARE(list->count(), 2);

        QCOMPARE(focusName(), QStringLiteral("conversationListWidget"));
        press(Qt::Key_Delete);
        QTRY_VERIFY((box = window.findChild<QMessageBox*>(QStringLiteral("deleteConversationMessageBox"))) &&
                    box->isVisible());
        QTRY_COMPARE(QApplication::activeWindow(), box);
        press(Qt::Key_D, Qt::AltModifier);
        QTRY_COMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->data(Qt::UserRole).toLongLong(), second);
        QVERIFY(!m_engine->history().conversation(first).ok());
        // The open conversation was the deleted one: the chat starts afresh.
        QTRY_COMPARE(chat->conversationId(), qint64(0));
        QVERIFY(chat->entries().empty());
    }

    // The library and the source panel from the keyboard: Ctrl+Shift+F, type an API name's start, Enter
    // opens it; Ctrl+F finds in it; Alt+Left goes back; Esc in the library's box returns to the question.
    void browsingWorksWithKeysAlone() {
        MainWindow window(*m_engine);
        showActive(window);
        SourceViewer* viewer = window.sourceViewer();
        QSignalSpy shown(viewer, &SourceViewer::shown);
        // The first place: a document from the library tree's search, by keys.
        press(Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(focusName(), QStringLiteral("librarySearchEdit"));
        type(QStringLiteral("venv"));
        press(Qt::Key_Escape);
        QCOMPARE(focusName(), QStringLiteral("questionEdit"));

        window.sourceViewer()->showChunk(
            m_engine->documents(m_engine->collections()->front().collection.id)->front().id, 0);
        QTRY_COMPARE(shown.count(), 1);
        press(Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(focusName(), QStringLiteral("findEdit"));
        type(QStringLiteral("the"));
        QVERIFY(viewer->findBar()->matchCount() > 0);
        press(Qt::Key_Escape);
        QVERIFY(!viewer->findBar()->isVisible());

        window.sourceViewer()->showChunk(
            m_engine->documents(m_engine->collections()->front().collection.id)->back().id, 0);
        QTRY_COMPARE(shown.count(), 2);
        auto* back = window.findChild<QAction*>(QStringLiteral("sourceBackAction"));
        QTRY_VERIFY(back->isEnabled());
        press(Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(shown.count(), 3);
        QVERIFY(!back->isEnabled());
    }

    // Esc only stops: with no answer streaming it is left to the widget that has the focus.
    void escapeIsFreeWhenNothingStreams() {
        MainWindow window(*m_engine);
        showActive(window);
        auto* stop = window.findChild<QAction*>(QStringLiteral("stopAnswerAction"));
        QVERIFY(stop);
        QCOMPARE(stop->shortcut(), QKeySequence(Qt::Key_Escape));
        QVERIFY(!stop->isEnabled());
    }

    // Every shortcut is in a menu, where it can be found, and none is taken twice.
    void shortcutsAreInTheMenusOnce() {
        MainWindow window(*m_engine);
        QMap<QString, QString> taken;
        const QStringList expected = {
            QStringLiteral("Ctrl+N"),   QStringLiteral("Ctrl+L"),       QStringLiteral("Ctrl+Shift+O"),
            QStringLiteral("Esc"),      QStringLiteral("Ctrl+R"),       QStringLiteral("F8"),
            QStringLiteral("Shift+F8"), QStringLiteral("Ctrl+Shift+F"), QStringLiteral("F2"),
            QStringLiteral("Del"),      QStringLiteral("Ctrl+,"),       QStringLiteral("Ctrl+Q"),
            QStringLiteral("Ctrl+F"),   QStringLiteral("Alt+Left"),     QStringLiteral("Alt+Right")};
        for (QMenu* menu : window.findChildren<QMenu*>()) {
            for (QAction* action : menu->actions()) {
                for (const QKeySequence& sequence : action->shortcuts()) {
                    const QString key = sequence.toString(QKeySequence::PortableText);
                    QVERIFY2(!taken.contains(key) || taken.value(key) == action->text(),
                             qPrintable(
                                 QStringLiteral("%1: %2 and %3").arg(key, taken.value(key), action->text())));
                    taken.insert(key, action->text());
                }
            }
        }
        for (const QString& key : expected)
            QVERIFY2(taken.contains(key), qPrintable(key));
    }
};

QTEST_MAIN(TestKeyboardFlow)
#include "test_keyboard_flow.moc"
