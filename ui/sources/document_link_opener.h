#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

class QWidget;

namespace docrag {

// What a click on a link inside a shown document does. Web pages open in the browser; anything else a
// document can point to (a local file, a script, a scheme some program registered) opens only after the
// user has seen the target in full and said yes, and scripts never run. The question does not block: it is
// a window-modal message box, answered through its signal.
class DocumentLinkOpener final : public QObject {
    Q_OBJECT
public:
    explicit DocumentLinkOpener(QWidget* dialogParent);

    // `link` as the document wrote it; relative links resolve against `document`, the shown file.
    void activate(const QUrl& link, const QUrl& document);

    // The text that names a link's target to the user: a local path, or the encoded URL (no look-alike
    // characters, nothing hidden by decoding).
    static QString targetText(const QUrl& url);

private:
    void confirm(const QUrl& url);

    QPointer<QWidget> m_dialogParent;
};

} // namespace docrag
