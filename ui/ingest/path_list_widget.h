#pragma once

#include <QListWidget>
#include <QStringList>

namespace docrag {

// The wizard's list of folders and files: shows paths and takes local files and folders dropped on it
// (from a file manager). It only reports the drop; the page decides what to add.
class PathListWidget final : public QListWidget {
    Q_OBJECT

public:
    explicit PathListWidget(QWidget* parent = nullptr);

    QStringList paths() const;

signals:
    void pathsDropped(const QStringList& paths);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    static QStringList localPaths(const QMimeData* mime);
};

} // namespace docrag
