#include "tests/support/temp_tree.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace docrag::test {

TempTree::TempTree() = default;

QString TempTree::filePath(const QString& relative) const {
    return m_dir.filePath(relative);
}

QString TempTree::write(const QString& relative, const QByteArray& content) const {
    const QString path = filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(content);
    return path;
}

QString TempTree::write(const QString& relative, const QString& content) const {
    return write(relative, content.toUtf8());
}

bool TempTree::remove(const QString& relative) const {
    return QFile::remove(filePath(relative));
}

bool TempTree::touch(const QString& relative, int seconds) const {
    QFile file(filePath(relative));
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const QDateTime modified = QFileInfo(file).lastModified();
    return file.setFileTime(modified.addSecs(seconds), QFileDevice::FileModificationTime);
}

} // namespace docrag::test
