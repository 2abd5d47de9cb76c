#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace docrag::test {

// A temporary folder to build fixture trees in; removed when the object goes.
class TempTree final {
public:
    TempTree();

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString& relative) const;
    // Writes the file (creating its folders) and returns its absolute path.
    QString write(const QString& relative, const QByteArray& content) const;
    QString write(const QString& relative, const QString& content) const;
    bool remove(const QString& relative) const;
    // Moves the file's modification time by `seconds`, keeping its content.
    bool touch(const QString& relative, int seconds = 10) const;

private:
    QTemporaryDir m_dir;
};

} // namespace docrag::test
