#include "engine/rag/rag_engine.h"
#include "tests/support/temp_tree.h"
#include "ui/ingest/ingest_task.h"
#include "ui/ingest/ingest_wizard.h"
#include "ui/main_window.h"
#include "ui/settings/api_key_store.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/settings_dialog.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QTest>
#include <QWizard>

using namespace docrag;

namespace {

// The owner a screen reader names instead of `widget` (the line edit inside a combo or a spin box).
QWidget* namedOwner(QWidget* widget, QWidget* root) {
    for (QWidget* w = widget->parentWidget(); w && w != root; w = w->parentWidget()) {
        if (qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w))
            return w;
    }
    return widget;
}

QString describe(QWidget* widget) {
    return QStringLiteral("%1 \"%2\"")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
}

// A control's name for someone who cannot see it: its own accessible name, its text (buttons, group
// boxes, tabs), or the label it is the buddy of.
bool isNamed(QWidget* widget, const QList<QLabel*>& labels) {
    if (!widget->accessibleName().trimmed().isEmpty())
        return true;
    if (auto* button = qobject_cast<QAbstractButton*>(widget))
        return !button->text().remove(QLatin1Char('&')).trimmed().isEmpty();
    if (auto* group = qobject_cast<QGroupBox*>(widget))
        return !group->title().trimmed().isEmpty();
    if (auto* tabs = qobject_cast<QTabBar*>(widget))
        return tabs->count() > 0 && !tabs->tabText(0).isEmpty();
    for (QLabel* label : labels) {
        if (label->buddy() == widget && !label->text().remove(QLatin1Char('&')).trimmed().isEmpty())
            return true;
    }
    return false;
}

// Every control under `root` that takes the keyboard focus and has no name.
QStringList unnamedControls(QWidget* root) {
    const QList<QLabel*> labels = root->findChildren<QLabel*>();
    QStringList unnamed;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        // Reached by the keyboard; a label's text is its own name (selectable ones take a click focus).
        if (!(widget->focusPolicy() & Qt::TabFocus) || widget->focusProxy() || qobject_cast<QLabel*>(widget))
            continue;
        // The main window keeps spare tab bars for docks that may be tabified later.
        if (auto* tabs = qobject_cast<QTabBar*>(widget); tabs && tabs->count() == 0)
            continue;
        QWidget* owner = namedOwner(widget, root);
        if (!isNamed(owner, labels))
            unnamed << describe(owner);
        // What assistive technology is told, through Qt's accessibility bridge.
        else if (QAccessibleInterface* a = QAccessible::queryAccessibleInterface(owner);
                 a && a->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << describe(owner) + QStringLiteral(" (empty accessible name)");
    }
    unnamed.removeDuplicates();
    return unnamed;
}

// The mnemonic of a text ("&Next >" → 'n'), or a null character.
QChar mnemonic(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return QChar();
}

// Alt+letter must do one thing: the mnemonics of the buttons and buddy labels `window` shows now, and
// of its menu bar, each taken once.
QStringList clashingMnemonics(QWidget* window) {
    QMap<QChar, QString> taken;
    QStringList clashes;
    auto take = [&](const QString& text) {
        const QChar key = mnemonic(text);
        if (key.isNull())
            return;
        if (taken.contains(key))
            clashes << QStringLiteral("Alt+%1: \"%2\" and \"%3\"").arg(key, taken.value(key), text);
        else
            taken.insert(key, text);
    };
    for (QAbstractButton* button : window->findChildren<QAbstractButton*>()) {
        if (button->isVisibleTo(window) && button->isEnabled())
            take(button->text());
    }
    for (QLabel* label : window->findChildren<QLabel*>()) {
        if (label->buddy() && label->isVisibleTo(window))
            take(label->text());
    }
    if (auto* main = qobject_cast<QMainWindow*>(window)) {
        for (QAction* menu : main->menuBar()->actions())
            take(menu->text());
    }
    return clashes;
}

QStringList clashingMenuMnemonics(QMainWindow& window) {
    QStringList clashes;
    for (QAction* top : window.menuBar()->actions()) {
        QMap<QChar, QString> taken;
        for (QAction* action : top->menu()->actions()) {
            const QChar key = mnemonic(action->text());
            if (key.isNull())
                continue;
            if (taken.contains(key))
                clashes
                    << QStringLiteral("%1 › %2 and %3").arg(top->text(), taken.value(key), action->text());
            taken.insert(key, action->text());
        }
    }
    return clashes;
}

} // namespace

// Every control can be found and named without seeing it, and every Alt+letter does one thing: in the
// main window (chat, conversations, library, source, dashboard), the ingestion wizard and the settings.
class TestAccessibility final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;

private slots:
    void initTestCase() {
        qputenv("XDG_CONFIG_HOME", m_tree.filePath(QStringLiteral("config")).toUtf8());
        m_tree.write(QStringLiteral("docs/guide.md"), QStringLiteral("# Guide\n\nSome text to ingest.\n"));
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine = RagEngine::open(options);
        QVERIFY(engine.ok());
        m_engine = std::move(*engine);
    }

    void theMainWindowIsNamed() {
        MainWindow window(*m_engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList unnamed = unnamedControls(&window);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));
        const QStringList clashes = clashingMnemonics(&window) + clashingMenuMnemonics(window);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("\n"))));
    }

    void theDashboardIsNamed() {
        MainWindow window(*m_engine);
        window.show();
        window.findChild<QAction*>(QStringLiteral("dashboardAction"))->trigger();
        QWidget* dashboard = window.findChild<QWidget*>(QStringLiteral("dashboardView"));
        QTRY_VERIFY(dashboard->isVisible());
        const QStringList unnamed = unnamedControls(dashboard);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));
        // Charts say what they show, beyond their title.
        for (const char* name : {"latencyChartView", "throughputChartView", "memoryChartView"}) {
            auto* chart = window.findChild<QWidget*>(QLatin1String(name));
            QVERIFY2(!chart->accessibleName().isEmpty() && !chart->accessibleDescription().isEmpty(), name);
        }
    }

    void theWizardIsNamedOnEveryPage() {
        IngestTask task(*m_engine);
        IngestWizard wizard(*m_engine, task);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.addPaths({m_tree.filePath(QStringLiteral("docs"))});
        for (int page = 0; page < 3; ++page) {
            const QString where = QStringLiteral("page %1: ").arg(page);
            const QStringList unnamed = unnamedControls(&wizard);
            QVERIFY2(unnamed.isEmpty(), qPrintable(where + unnamed.join(QStringLiteral("\n"))));
            const QStringList clashes = clashingMnemonics(&wizard);
            QVERIFY2(clashes.isEmpty(), qPrintable(where + clashes.join(QStringLiteral("\n"))));
            if (page < 2) {
                QTRY_VERIFY(
                    wizard.button(page == 0 ? QWizard::NextButton : QWizard::CommitButton)->isEnabled());
                wizard.next();
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(!task.isRunning(), 20000);
    }

    void theSettingsAreNamed() {
        ApiKeyStore keys;
        SettingsDialog dialog(AppSettings{}, keys);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList unnamed = unnamedControls(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));
        const QStringList clashes = clashingMnemonics(&dialog);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("\n"))));
    }
};

QTEST_MAIN(TestAccessibility)
#include "test_accessibility.moc"
