#include "ui/settings/interface_language.h"

#include <QLibraryInfo>
#include <QTranslator>

namespace docrag {
namespace {

const QString kTranslatorName = QStringLiteral("docragTranslator");

} // namespace

QStringList InterfaceLanguage::available() {
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString InterfaceLanguage::nativeName(const QString& code) {
    QString name = QLocale(code).nativeLanguageName();
    if (code == QLatin1String("en"))
        name = QStringLiteral("English"); // not "American English": the text is not American
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

QString InterfaceLanguage::resolve(const QString& choice, const QLocale& system) {
    const QStringList known = available();
    if (known.contains(choice))
        return choice;
    // uiLanguages() lists the user's preferences in order ("de-AT", "de", "en-US", ...).
    for (const QString& wanted : system.uiLanguages()) {
        const QString language = wanted.section(QLatin1Char('-'), 0, 0).toLower();
        if (known.contains(language))
            return language;
    }
    return QStringLiteral("en");
}

QString InterfaceLanguage::install(QCoreApplication& app, const QString& choice) {
    const QString language = resolve(choice);
    // An explicit choice formats as that language does; the system's choice keeps the system's region.
    const QLocale locale = available().contains(choice) ? QLocale(language) : QLocale::system();
    QLocale::setDefault(locale);
    // A second call replaces the first language: an untranslated text must not fall through to it.
    for (QTranslator* old : app.findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    auto* qt = new QTranslator(&app);
    qt->setObjectName(kTranslatorName);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* own = new QTranslator(&app);
    own->setObjectName(kTranslatorName);
    if (own->load(QStringLiteral(":/i18n/docrag_%1.qm").arg(language)))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    return language;
}

} // namespace docrag
