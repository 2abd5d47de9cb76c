#pragma once

#include <QImage>
#include <QStringList>
#include <QTextBrowser>
#include <QUrl>

namespace docrag {

// A QTextBrowser that fetches nothing on its own. Qt's default resource loading reads any local path a
// document names (an <img> of a FIFO or a device never returns) and follows <link> style sheets; text
// from documents and models must not be able to do either. Images are blocked, or read only from regular
// local files of a bounded size, and always answered with a decoded image (a placeholder when refused or
// broken): given anything else, Qt's image handler would load the name from disk by itself.
class InertTextBrowser final : public QTextBrowser {
    Q_OBJECT
public:
    enum class Images { Blocked, LocalFiles };
    static constexpr qint64 kMaxImageBytes = 16 * 1024 * 1024;

    explicit InertTextBrowser(QWidget* parent = nullptr);

    // Relative image names resolve against `base` (the shown document's file). With `roots`, a local image
    // is read only from inside one of those folders (the document's collection).
    void setImagePolicy(Images images, const QUrl& base = {}, const QStringList& roots = {});
    Images imagePolicy() const { return m_images; }

    QVariant loadResource(int type, const QUrl& name) override;

    // What a refused or broken image shows.
    static QImage refusedImage();

private:
    Images m_images = Images::Blocked;
    QUrl m_base;
    QStringList m_roots; // canonical paths, each ending in '/'
};

} // namespace docrag
