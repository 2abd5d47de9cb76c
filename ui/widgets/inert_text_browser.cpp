#include "ui/widgets/inert_text_browser.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QPalette>
#include <QTextDocument>

#include <algorithm>

namespace docrag {
namespace {

constexpr int kMaxImageSide = 8192;

// A real image, always: on anything else Qt's image handler loads the image's name from disk itself,
// bypassing loadResource.
QImage placeholder() {
    return InertTextBrowser::refusedImage();
}

// Decoded here, with a bound on its size, so that no bytes reach Qt's own fallbacks.
QImage decode(const QByteArray& bytes) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    if (!size.isValid() || size.width() > kMaxImageSide || size.height() > kMaxImageSide)
        return placeholder();
    const QImage image = reader.read();
    return image.isNull() ? placeholder() : image;
}

// The bytes of a data: URL ("data:image/png;base64,...").
QByteArray dataUrlBytes(const QUrl& url) {
    const QString whole = url.toString(QUrl::FullyEncoded);
    const qsizetype comma = whole.indexOf(QLatin1Char(','));
    if (comma < 0)
        return {};
    const QByteArray payload = QByteArray::fromPercentEncoding(whole.mid(comma + 1).toLatin1());
    return whole.left(comma).endsWith(QLatin1String(";base64"), Qt::CaseInsensitive)
               ? QByteArray::fromBase64(payload)
               : payload;
}

} // namespace

InertTextBrowser::InertTextBrowser(QWidget* parent)
    : QTextBrowser(parent) {
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

QImage InertTextBrowser::refusedImage() {
    QImage image(QStringLiteral(":/qt-project.org/styles/commonstyle/images/file-16.png"));
    if (image.isNull()) {
        image = QImage(16, 16, QImage::Format_ARGB32_Premultiplied);
        image.fill(QPalette().color(QPalette::Mid));
    }
    return image;
}

void InertTextBrowser::setImagePolicy(Images images, const QUrl& base, const QStringList& roots) {
    m_images = images;
    m_base = base;
    m_roots.clear();
    for (const QString& root : roots) {
        const QFileInfo folder(root);
        // A collection of single files has them as roots: their folder holds their images.
        const QString canonical = folder.isDir() ? folder.canonicalFilePath() : folder.canonicalPath();
        if (!canonical.isEmpty())
            m_roots << (canonical.endsWith(QLatin1Char('/')) ? canonical : canonical + QLatin1Char('/'));
    }
}

QVariant InertTextBrowser::loadResource(int type, const QUrl& name) {
    // Style sheets and pages a document links to are never read: an empty answer, not a null one (on a
    // null answer QTextDocument reads the file itself).
    if (type != QTextDocument::ImageResource)
        return QByteArray();
    if (m_images != Images::LocalFiles)
        return placeholder();
    // data: URLs carry their bytes in the document itself.
    if (name.scheme().compare(QLatin1String("data"), Qt::CaseInsensitive) == 0)
        return decode(dataUrlBytes(name));
    const QUrl url = name.isRelative() && m_base.isValid() ? m_base.resolved(name) : name;
    const bool local = url.isLocalFile() || (url.scheme().isEmpty() && !url.path().isEmpty());
    if (!local)
        return placeholder(); // never the network, nor a scheme some handler might fetch
    const QFileInfo file(url.isLocalFile() ? url.toLocalFile() : url.path());
    // Regular files only: a device or a FIFO would never finish reading.
    if (!file.isAbsolute() || !file.isFile() || file.size() > kMaxImageBytes)
        return placeholder();
    if (!m_roots.isEmpty()) {
        // Where the image really is, links followed: a "../../" or a symlink cannot lead outside.
        const QString real = file.canonicalFilePath();
        if (std::none_of(m_roots.cbegin(), m_roots.cend(),
                         [&real](const QString& root) { return real.startsWith(root); }))
            return placeholder();
    }
    QFile f(file.absoluteFilePath());
    if (!f.open(QIODevice::ReadOnly))
        return placeholder();
    return decode(f.read(kMaxImageBytes));
}

} // namespace docrag
