// The window in German: the main window (with the dashboard, the library, an answer), the ingestion
// wizard and the settings show no English text, beyond names. Two checks: a text that is the English
// source of a translated message was left untranslated; a text with English words never went through
// tr() at all.
#include "engine/rag/rag_engine.h"
#include "tests/support/ingested_engine.h"
#include "tests/support/temp_tree.h"
#include "ui/chat/markdown_export.h"
#include "ui/chat/transcript_renderer.h"
#include "ui/dashboard/dashboard_view.h"
#include "ui/ingest/ingest_task.h"
#include "ui/ingest/ingest_wizard.h"
#include "ui/main_window.h"
#include "ui/settings/interface_language.h"
#include "ui/settings/settings_dialog.h"
#include "ui/widgets/error_text.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QValueAxis>
#include <QWizard>
#include <QXmlStreamReader>

using namespace docrag;

namespace {

const QString kRepo = QDir::cleanPath(QStringLiteral(DOCRAG_TEST_DATA_DIR "/../.."));

// Words of English that are not also German ones (no "in", "was", "will", "an", "so", "Server",
// "Index", "Cache", "Details", "Chat", "Tokens", "Performance", "Dashboard", "Snapshot", "Chunk").
const QSet<QString> kEnglishWords = {
    QStringLiteral("the"),
    QStringLiteral("and"),
    QStringLiteral("of"),
    QStringLiteral("to"),
    QStringLiteral("with"),
    QStringLiteral("from"),
    QStringLiteral("for"),
    QStringLiteral("your"),
    QStringLiteral("this"),
    QStringLiteral("that"),
    QStringLiteral("is"),
    QStringLiteral("are"),
    QStringLiteral("not"),
    QStringLiteral("yet"),
    QStringLiteral("all"),
    QStringLiteral("any"),
    QStringLiteral("each"),
    QStringLiteral("when"),
    QStringLiteral("where"),
    QStringLiteral("which"),
    QStringLiteral("what"),
    QStringLiteral("how"),
    QStringLiteral("been"),
    QStringLiteral("has"),
    QStringLiteral("have"),
    QStringLiteral("be"),
    QStringLiteral("by"),
    QStringLiteral("or"),
    QStringLiteral("on"),
    QStringLiteral("at"),
    QStringLiteral("it"),
    QStringLiteral("its"),
    QStringLiteral("you"),
    QStringLiteral("no"),
    QStringLiteral("file"),
    QStringLiteral("files"),
    QStringLiteral("search"),
    QStringLiteral("ask"),
    QStringLiteral("answer"),
    QStringLiteral("answers"),
    QStringLiteral("question"),
    QStringLiteral("settings"),
    QStringLiteral("conversation"),
    QStringLiteral("conversations"),
    QStringLiteral("document"),
    QStringLiteral("documents"),
    QStringLiteral("documentation"),
    QStringLiteral("passages"),
    QStringLiteral("collection"),
    QStringLiteral("collections"),
    QStringLiteral("delete"),
    QStringLiteral("rename"),
    QStringLiteral("cancel"),
    QStringLiteral("close"),
    QStringLiteral("quit"),
    QStringLiteral("export"),
    QStringLiteral("copy"),
    QStringLiteral("new"),
    QStringLiteral("add"),
    QStringLiteral("open"),
    QStringLiteral("stop"),
    QStringLiteral("regenerate"),
    QStringLiteral("help"),
    QStringLiteral("view"),
    QStringLiteral("save"),
    QStringLiteral("choose"),
    QStringLiteral("folder"),
    QStringLiteral("folders"),
    QStringLiteral("language"),
    QStringLiteral("default"),
    QStringLiteral("limits"),
    QStringLiteral("loading"),
    QStringLiteral("checking"),
    QStringLiteral("waiting"),
    QStringLiteral("failed"),
    QStringLiteral("unknown"),
    QStringLiteral("memory"),
    QStringLiteral("latency"),
    QStringLiteral("requests"),
    QStringLiteral("hits"),
    QStringLiteral("calls"),
    QStringLiteral("hour"),
    QStringLiteral("last"),
    QStringLiteral("slow"),
    QStringLiteral("operations"),
    QStringLiteral("threshold"),
    QStringLiteral("duration"),
    QStringLiteral("time"),
    QStringLiteral("library"),
    QStringLiteral("source"),
    QStringLiteral("sources"),
    QStringLiteral("model"),
    QStringLiteral("database"),
    QStringLiteral("key"),
    QStringLiteral("keychain"),
    QStringLiteral("connection"),
    QStringLiteral("next"),
    QStringLiteral("back"),
    QStringLiteral("finish"),
    QStringLiteral("ingest"),
    QStringLiteral("ingesting"),
    QStringLiteral("none"),
    QStringLiteral("there"),
    QStringLiteral("here"),
    QStringLiteral("click"),
    QStringLiteral("press"),
    QStringLiteral("enter"),
    QStringLiteral("shortcut"),
    QStringLiteral("untitled"),
    QStringLiteral("line"),
    QStringLiteral("lines"),
    QStringLiteral("page"),
};

// Names that stay as they are in any language.
const QSet<QString> kAllowed = {
    QStringLiteral("DocRag"),
    QStringLiteral("English"),
    QStringLiteral("Deutsch"),
    QStringLiteral("Français"),
};

QString withoutMnemonic(QString text) {
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text.trimmed();
}

// Sources of the German file's messages whose translation reads differently: shown as they are, they
// were left in English.
QSet<QString> translatedSources() {
    QSet<QString> sources;
    QFile file(kRepo + QStringLiteral("/translations/docrag_de.ts"));
    if (!file.open(QIODevice::ReadOnly))
        return sources;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!translation.isEmpty() && translation != source && !source.contains(QLatin1Char('%')))
                sources.insert(withoutMnemonic(source));
        }
    }
    return sources;
}

class TextCollector final {
public:
    void add(const QString& text, const QString& where) {
        const QString shown = withoutMnemonic(text);
        if (!shown.isEmpty())
            m_texts.push_back({shown, where});
    }

    void addWidget(QWidget* w) {
        const QString where =
            QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') + w->objectName();
        add(w->toolTip(), where + QStringLiteral(" tooltip"));
        add(w->accessibleName(), where + QStringLiteral(" accessible name"));
        add(w->accessibleDescription(), where + QStringLiteral(" accessible description"));
        if (w->isWindow() || qobject_cast<QDockWidget*>(w))
            add(w->windowTitle(), where + QStringLiteral(" title"));
        if (auto* label = qobject_cast<QLabel*>(w))
            add(label->textFormat() == Qt::PlainText
                    ? label->text()
                    : QTextDocumentFragment::fromHtml(label->text()).toPlainText(),
                where);
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            add(button->text(), where);
        if (auto* box = qobject_cast<QGroupBox*>(w))
            add(box->title(), where);
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            add(edit->placeholderText(), where + QStringLiteral(" placeholder"));
        if (auto* edit = qobject_cast<QPlainTextEdit*>(w))
            add(edit->placeholderText(), where + QStringLiteral(" placeholder"));
        if (auto* edit = qobject_cast<QTextEdit*>(w)) {
            add(edit->placeholderText(), where + QStringLiteral(" placeholder"));
            add(edit->toPlainText(), where + QStringLiteral(" content"));
        }
        if (auto* spin = qobject_cast<QSpinBox*>(w)) {
            add(spin->suffix(), where + QStringLiteral(" suffix"));
            add(spin->specialValueText(), where + QStringLiteral(" special value"));
        }
        if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                add(combo->itemText(i), where + QStringLiteral(" item"));
        }
        if (auto* tabs = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i), where + QStringLiteral(" tab"));
        }
        if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model()) {
            QAbstractItemModel* model = view->model();
            for (int c = 0; c < model->columnCount(); ++c)
                add(model->headerData(c, Qt::Horizontal).toString(), where + QStringLiteral(" header"));
        }
        if (auto* chartView = qobject_cast<QChartView*>(w)) {
            QChart* chart = chartView->chart();
            add(chart->title(), where + QStringLiteral(" chart title"));
            for (QAbstractAxis* axis : chart->axes())
                add(axis->titleText(), where + QStringLiteral(" axis"));
            for (QLegendMarker* marker : chart->legend()->markers())
                add(marker->label(), where + QStringLiteral(" legend"));
        }
        if (auto* wizard = qobject_cast<QWizard*>(w)) {
            for (auto which : {QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton,
                               QWizard::FinishButton, QWizard::CancelButton}) {
                add(wizard->buttonText(which), where + QStringLiteral(" button"));
            }
            if (QWizardPage* page = wizard->currentPage()) {
                add(page->title(), where + QStringLiteral(" page title"));
                add(page->subTitle(), where + QStringLiteral(" page subtitle"));
            }
        }
    }

    void addTree(QWidget* root) {
        addWidget(root);
        for (QWidget* w : root->findChildren<QWidget*>()) {
            if (w->isVisibleTo(root) || qobject_cast<QMenu*>(w))
                addWidget(w);
        }
        for (QAction* action : root->findChildren<QAction*>()) {
            const QString where = QStringLiteral("action ") + action->objectName();
            add(action->text(), where);
            add(action->toolTip(), where + QStringLiteral(" tooltip"));
            add(action->statusTip(), where + QStringLiteral(" status tip"));
            if (QMenu* menu = action->menu())
                add(menu->title(), where + QStringLiteral(" menu"));
        }
    }

    // Every text that is English, with where it was shown.
    QStringList english(const QSet<QString>& untranslated) const {
        static const QRegularExpression words(QStringLiteral("[\\p{L}']+"));
        QStringList found;
        for (const auto& [text, where] : m_texts) {
            if (kAllowed.contains(text))
                continue;
            if (untranslated.contains(text)) {
                found << QStringLiteral("%1: \"%2\" (untranslated)").arg(where, text);
                continue;
            }
            for (auto it = words.globalMatch(text); it.hasNext();) {
                const QString word = it.next().captured(0).toLower();
                if (kEnglishWords.contains(word)) {
                    found << QStringLiteral("%1: \"%2\" (\"%3\")").arg(where, text, word);
                    break;
                }
            }
        }
        return found;
    }

    int count() const { return static_cast<int>(m_texts.size()); }

private:
    std::vector<std::pair<QString, QString>> m_texts;
};

} // namespace

class TestGermanInterface final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;
    QSet<QString> m_untranslated;

    void expectGerman(const TextCollector& texts) {
        QVERIFY(texts.count() > 10);
        const QStringList english = texts.english(m_untranslated);
        QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("English in the German window:\n") +
                                               english.join(QLatin1Char('\n'))));
    }

private slots:
    void initTestCase() {
        qputenv("XDG_CONFIG_HOME", m_tree.filePath(QStringLiteral("config")).toUtf8());
        QCOMPARE(InterfaceLanguage::install(*qApp, QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QLocale().language(), QLocale::German);
        m_untranslated = translatedSources();
        QVERIFY(m_untranslated.size() > 100);
        m_tree.write(
            QStringLiteral("handbuch/sicherung.md"),
            QStringLiteral("# Sicherung\n\nDie Sicherung der Daten erfolgt jede Nacht automatisch "
                           "auf den Server im Keller.\n\n## Wiederherstellung\n\nEine Wiederherstellung "
                           "beantragen Sie beim Betrieb per Ticket.\n"));
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("daten"));
        auto engine = test::ingestedEngine(options, QStringLiteral("handbuch"),
                                           m_tree.filePath(QStringLiteral("handbuch")));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
        m_engine = std::move(*engine);
    }

    void mainWindowIsGerman() {
        MainWindow window(*m_engine);
        window.show();
        QSignalSpy health(&window, &MainWindow::healthChecked);
        window.findChild<QAction*>(QStringLiteral("dashboardAction"))->trigger();
        QSignalSpy refreshed(window.dashboard(), &DashboardView::refreshed);
        QTRY_VERIFY(refreshed.count() >= 1);
        QTRY_VERIFY(health.count() >= 1);
        // An extractive answer: its badge, its opening sentence, its sources and actions.
        auto* edit = window.findChild<QPlainTextEdit*>(QStringLiteral("questionEdit"));
        edit->setPlainText(QStringLiteral("Wie beantrage ich eine Wiederherstellung?"));
        QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("sendButton")), Qt::LeftButton);
        auto* transcript = window.findChild<QTextBrowser*>(QStringLiteral("transcriptBrowser"));
        QTRY_VERIFY_WITH_TIMEOUT(transcript->toPlainText().contains(QStringLiteral("Ticket")), 10000);
        QTRY_VERIFY(window.findChild<QPushButton*>(QStringLiteral("sendButton"))->isEnabled());
        TextCollector texts;
        texts.addTree(&window);
        expectGerman(texts);
    }

    void wizardIsGerman() {
        IngestTask task(*m_engine);
        IngestWizard wizard(*m_engine, task);
        wizard.show();
        TextCollector sources;
        sources.addTree(&wizard);
        expectGerman(sources);
        wizard.addPaths({m_tree.filePath(QStringLiteral("handbuch"))});
        QTRY_VERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(IngestWizard::OptionsPageId));
        TextCollector options;
        options.addTree(&wizard);
        expectGerman(options);
    }

    void settingsAreGerman() {
        MainWindow window(*m_engine);
        window.show();
        window.findChild<QAction*>(QStringLiteral("settingsAction"))->trigger();
        SettingsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<SettingsDialog*>()) != nullptr && dialog->isVisible());
        TextCollector texts;
        texts.addTree(dialog);
        expectGerman(texts);
        dialog->reject();
    }

    // What the transcript writes around an answer: badge, code copy link, sources with their places,
    // actions, an error; and the Markdown export of the same.
    void transcriptAndExportAreGerman() {
        Source source;
        source.number = 1;
        source.title = QStringLiteral("Sicherung");
        source.path = QStringLiteral("/daten/handbuch/sicherung.md");
        source.locStart = 3;
        source.locEnd = 9;
        source.page = 2;
        TranscriptEntry question;
        question.content = QStringLiteral("Wie sichere ich?");
        TranscriptEntry answer;
        answer.role = TranscriptEntry::Role::Assistant;
        answer.content = QStringLiteral("Mit einem Befehl [1]:\n\n```sh\nsichern --jetzt\n```\n");
        answer.sources = {source};
        answer.model = QStringLiteral("gpt-4o-mini");
        answer.messageId = 7;
        answer.latencyMs = 1200;
        answer.finish = QStringLiteral("stopped");
        TranscriptEntry failed;
        failed.role = TranscriptEntry::Role::Error;
        failed.error = ErrorText::summary(ErrorCode::Network);
        const std::vector<TranscriptEntry> entries{question, answer, failed};
        QTextDocument document;
        TranscriptRenderer(document).renderAll(entries);
        TextCollector texts;
        texts.add(document.toPlainText(), QStringLiteral("transcript"));
        texts.add(MarkdownExport::conversation(entries), QStringLiteral("export"));
        QVERIFY(document.toPlainText().contains(QStringLiteral("Zeilen")));
        const QStringList english = texts.english(m_untranslated);
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
    }

    // The check itself: English text in the window is found.
    void englishIsFound() {
        QLabel label(QStringLiteral("Search all documentation"));
        TextCollector texts;
        texts.addWidget(&label);
        QCOMPARE(texts.english({}).size(), 1);
        TextCollector untranslated;
        untranslated.add(QStringLiteral("Fehler"), QStringLiteral("label"));
        QCOMPARE(untranslated.english({QStringLiteral("Fehler")}).size(), 1);
    }
};

QTEST_MAIN(TestGermanInterface)
#include "test_german_interface.moc"
