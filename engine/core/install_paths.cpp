#include "engine/core/install_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace docrag {

QString InstallPaths::dataDirFor(const QString& applicationDir) {
    return QDir::cleanPath(applicationDir + QStringLiteral("/../share/docrag"));
}

QString InstallPaths::libDirFor(const QString& applicationDir) {
    return QDir::cleanPath(applicationDir + QStringLiteral("/../lib/docrag"));
}

QString InstallPaths::guideDirFor(const QString& applicationDir) {
    const QString guide = dataDirFor(applicationDir) + QStringLiteral("/guide");
    return QFileInfo(guide).isDir() ? guide : QString();
}

QString InstallPaths::dataDir() {
    // applicationDirPath() reads /proc/self/exe: symbolic links to the executable are resolved, so a
    // link in ~/bin still finds the files of the installation it points into.
    return dataDirFor(QCoreApplication::applicationDirPath());
}

QString InstallPaths::guideDir() {
    return guideDirFor(QCoreApplication::applicationDirPath());
}

} // namespace docrag
