#include "engine/rag/rag_engine.h"
#include "tests/support/temp_tree.h"
#include "ui/main_window.h"
#include "ui/widgets/action_icons.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QPixmap>
#include <QTest>

using namespace docrag;

// Without an icon theme (the offscreen platform has none, as some desktops do) every main action still
// has an icon: the project's own SVG.
class TestActionIcons final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;

private slots:
    void initTestCase() {
        qputenv("XDG_CONFIG_HOME", m_tree.filePath(QStringLiteral("config")).toUtf8());
        // No theme to fall back on, whatever the machine has installed.
        QIcon::setThemeSearchPaths({});
        QIcon::setThemeName(QString());
    }

    void everyFallbackIsDrawn_data() {
        QTest::addColumn<ActionIcons::Action>("action");
        using A = ActionIcons::Action;
        for (A a : {A::NewConversation, A::AddDocumentation, A::Stop, A::Regenerate, A::Export, A::Dashboard,
                    A::Settings})
            QTest::newRow(qPrintable(ActionIcons::themeName(a))) << a;
    }

    void everyFallbackIsDrawn() {
        QFETCH(ActionIcons::Action, action);
        QVERIFY(!QIcon::hasThemeIcon(ActionIcons::themeName(action)));
        const QIcon icon = ActionIcons::icon(action);
        QVERIFY(!icon.isNull());
        // Drawn, not an empty pixmap: the SVG is in the resources and the SVG plugin reads it.
        const QImage image = icon.pixmap(24, 24).toImage();
        QVERIFY(!image.isNull());
        int painted = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                painted += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
        QVERIFY2(painted > 20, qPrintable(QString::number(painted)));
    }

    void theWindowsActionsAndButtonsHaveThem() {
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine = RagEngine::open(options);
        QVERIFY(engine.ok());
        MainWindow window(**engine);
        for (const char* name :
             {"newConversationAction", "addDocumentationAction", "stopAnswerAction", "regenerateAnswerAction",
              "exportConversationAction", "dashboardAction", "settingsAction"}) {
            auto* action = window.findChild<QAction*>(QLatin1String(name));
            QVERIFY2(action, name);
            QVERIFY2(!action->icon().isNull(), name);
        }
        for (const char* name : {"stopButton", "exportButton"}) {
            auto* button = window.findChild<QAbstractButton*>(QLatin1String(name));
            QVERIFY2(button, name);
            QVERIFY2(!button->icon().isNull(), name);
        }
    }
};

QTEST_MAIN(TestActionIcons)
#include "test_action_icons.moc"
