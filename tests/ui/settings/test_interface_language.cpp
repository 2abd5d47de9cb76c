#include "ui/main_window.h"
#include "ui/settings/interface_language.h"

#include <QApplication>
#include <QTest>

using namespace docrag;

// The language follows the system's preferences unless Settings chose one; the translators it installs
// translate DocRag's own texts and Qt's standard buttons.
class TestInterfaceLanguage final : public QObject {
    Q_OBJECT

private slots:
    void followsTheSystemUnlessChosen() {
        QCOMPARE(InterfaceLanguage::resolve(QString(), QLocale(QStringLiteral("de_AT"))),
                 QStringLiteral("de"));
        QCOMPARE(InterfaceLanguage::resolve(QString(), QLocale(QStringLiteral("fr_CA"))),
                 QStringLiteral("fr"));
        // A language DocRag does not speak: English.
        QCOMPARE(InterfaceLanguage::resolve(QString(), QLocale(QStringLiteral("es_ES"))),
                 QStringLiteral("en"));
        QCOMPARE(InterfaceLanguage::resolve(QStringLiteral("fr"), QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("fr"));
        QCOMPARE(InterfaceLanguage::resolve(QStringLiteral("xx"), QLocale(QStringLiteral("de_DE"))),
                 QStringLiteral("de"));
    }

    void namesEachLanguageInItself() {
        QCOMPARE(InterfaceLanguage::available(),
                 (QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}));
        QCOMPARE(InterfaceLanguage::nativeName(QStringLiteral("en")), QStringLiteral("English"));
        QCOMPARE(InterfaceLanguage::nativeName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(InterfaceLanguage::nativeName(QStringLiteral("fr")), QStringLiteral("Français"));
    }

    void installsTranslatorsAndTheLocale() {
        QCOMPARE(InterfaceLanguage::install(*qApp, QStringLiteral("fr")), QStringLiteral("fr"));
        QCOMPARE(QLocale().language(), QLocale::French);
        QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1\u202f234,5"));
        // DocRag's own text, and Qt's (from the system's qtbase translations).
        QVERIFY(MainWindow::tr("&File") != QStringLiteral("&File"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Annuler"));
        // English keeps its source texts and has its plural forms.
        QCOMPARE(InterfaceLanguage::install(*qApp, QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(MainWindow::tr("&File"), QStringLiteral("&File"));
        QCOMPARE(MainWindow::tr("Ingesting: %1 of %Ln files", "", 1).arg(0),
                 QStringLiteral("Ingesting: 0 of 1 file"));
    }
};

QTEST_MAIN(TestInterfaceLanguage)
#include "test_interface_language.moc"
