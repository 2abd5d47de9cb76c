#include "ui/sources/document_link_opener.h"

#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace docrag {
namespace {

bool isWeb(const QString& scheme) {
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

// Schemes that would run code or hand a payload to some program: shown, never opened.
bool isScript(const QString& scheme) {
    return scheme == QLatin1String("javascript") || scheme == QLatin1String("vbscript") ||
           scheme == QLatin1String("data");
}

} // namespace

DocumentLinkOpener::DocumentLinkOpener(QWidget* dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent) {}

QString DocumentLinkOpener::targetText(const QUrl& url) {
    if (url.isLocalFile())
        return url.toLocalFile();
    return url.toString(QUrl::FullyEncoded);
}

void DocumentLinkOpener::activate(const QUrl& link, const QUrl& document) {
    const QUrl url = link.isRelative() && document.isValid() ? document.resolved(link) : link;
    if (isWeb(url.scheme().toLower()) && url.isValid()) {
        QDesktopServices::openUrl(url);
        return;
    }
    confirm(url);
}

void DocumentLinkOpener::confirm(const QUrl& url) {
    const bool script = isScript(url.scheme().toLower());
    auto* box = new QMessageBox(m_dialogParent);
    box->setObjectName(QStringLiteral("documentLinkMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(script ? QMessageBox::Information : QMessageBox::Question);
    box->setWindowTitle(tr("Link in the document"));
    // The target is the document's text: plain, so that it shows as written.
    box->setTextFormat(Qt::PlainText);
    if (script) {
        box->setText(tr("This link runs a script or carries data:\n\n%1\n\nDocRag does not open such links.")
                         .arg(targetText(url)));
        box->setStandardButtons(QMessageBox::Close);
    } else {
        box->setText(tr("This link leads outside the document:\n\n%1\n\nOpen it with the system's "
                        "application for it?")
                         .arg(targetText(url)));
        box->setStandardButtons(QMessageBox::Open | QMessageBox::Cancel);
        box->setDefaultButton(QMessageBox::Cancel);
        connect(box, &QMessageBox::buttonClicked, this, [box, url](QAbstractButton* button) {
            if (box->standardButton(button) == QMessageBox::Open)
                QDesktopServices::openUrl(url);
        });
    }
    box->open();
}

} // namespace docrag
