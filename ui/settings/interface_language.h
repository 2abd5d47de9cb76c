#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace docrag {

// The language of the window: DocRag's own translations (built into the program from translations/*.ts)
// and Qt's for its standard dialogs (the system's qtbase translations), with the locale that formats
// numbers, dates and sizes. Chosen once at start: Settings stores the choice and announces the restart.
class InterfaceLanguage final {
    Q_DECLARE_TR_FUNCTIONS(InterfaceLanguage)

public:
    // The languages DocRag is translated into, English first: "en", "de", "fr".
    static QStringList available();
    // A language's name in that language, for the Settings list: "Deutsch", "Français".
    static QString nativeName(const QString& code);
    // The language to show for a stored choice ("" = follow the system's UI languages).
    static QString resolve(const QString& choice, const QLocale& system = QLocale::system());
    // Sets the default locale and installs the translators for `choice`; returns the language used.
    // What a missing Qt translation costs is English standard buttons, so it is not an error.
    static QString install(QCoreApplication& app, const QString& choice);
};

} // namespace docrag
