#include "tests/support/temp_tree.h"
#include "ui/widgets/inert_text_browser.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTest>

#include <sys/stat.h>

using namespace docrag;

namespace {

bool refused(const QVariant& data) {
    return data.typeId() == QMetaType::QImage && data.value<QImage>() == InertTextBrowser::refusedImage();
}

} // namespace

// What the text browsers of DocRag load on a document's behalf: never the network, never a device.
class TestInertTextBrowser final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    QString m_fifo;

private slots:
    void initTestCase() {
        QImage picture(3, 5, QImage::Format_RGB32);
        picture.fill(Qt::red);
        QVERIFY(QFile(m_tree.filePath(QStringLiteral("docs"))).exists() ||
                QDir().mkpath(m_tree.filePath(QStringLiteral("docs"))));
        QVERIFY(picture.save(m_tree.filePath(QStringLiteral("docs/img.png"))));
        m_tree.write(QStringLiteral("docs/broken.png"), QStringLiteral("not really a png"));
        m_tree.write(QStringLiteral("docs/huge.png"),
                     QString(InertTextBrowser::kMaxImageBytes + 1, QLatin1Char('x')));
        // Reading a FIFO without a writer never returns: the test hangs where a policy lets it through.
        m_fifo = m_tree.filePath(QStringLiteral("docs/fifo.png"));
        QVERIFY(::mkfifo(QFile::encodeName(m_fifo).constData(), 0600) == 0);
    }

    void blockedLoadsNothing() {
        InertTextBrowser browser;
        QCOMPARE(browser.imagePolicy(), InertTextBrowser::Images::Blocked);
        const QUrl local = QUrl::fromLocalFile(m_tree.filePath(QStringLiteral("docs/img.png")));
        for (const QUrl& url : {local, QUrl(QStringLiteral("http://127.0.0.1:9/x.png")),
                                QUrl(QStringLiteral("data:image/png;base64,AAAA"))})
            QVERIFY2(refused(browser.loadResource(QTextDocument::ImageResource, url)),
                     qPrintable(url.toString()));
        // Style sheets a document links to are never read: not null, or QTextDocument reads the file.
        const QVariant css = browser.loadResource(QTextDocument::StyleSheetResource, local);
        QVERIFY(!css.isNull() && css.toByteArray().isEmpty());
    }

    void localFilesOnlyReadsBoundedRegularImages() {
        QTcpServer host;
        QVERIFY(host.listen(QHostAddress::LocalHost));
        InertTextBrowser browser;
        browser.setImagePolicy(InertTextBrowser::Images::LocalFiles,
                               QUrl::fromLocalFile(m_tree.filePath(QStringLiteral("docs/page.html"))));
        for (const QUrl& url : {QUrl(QStringLiteral("img.png")),
                                QUrl::fromLocalFile(m_tree.filePath(QStringLiteral("docs/img.png")))}) {
            const QVariant data = browser.loadResource(QTextDocument::ImageResource, url);
            QCOMPARE(data.value<QImage>().size(), QSize(3, 5));
        }
        for (const QUrl& url :
             {QUrl(QStringLiteral("huge.png")), QUrl(QStringLiteral("fifo.png")),
              QUrl(QStringLiteral("broken.png")), QUrl(QStringLiteral("missing.png")),
              QUrl::fromLocalFile(QStringLiteral("/dev/zero")), QUrl(QStringLiteral("/dev/zero")),
              QUrl(QStringLiteral("http://127.0.0.1:%1/x.png").arg(host.serverPort())),
              QUrl(QStringLiteral("ftp://127.0.0.1/x.png")),
              QUrl(QStringLiteral("data:image/png;base64,AAAA"))})
            QVERIFY2(refused(browser.loadResource(QTextDocument::ImageResource, url)),
                     qPrintable(url.toString()));
        QTest::qWait(20);
        QVERIFY(!host.hasPendingConnections());
    }

    // With the collection's folders given, an image outside them is refused, however the document
    // names it: a path that climbs out, an absolute one, a link inside that points outside.
    void imagesOnlyFromTheCollectionsFolders() {
        QImage picture(4, 2, QImage::Format_RGB32);
        picture.fill(Qt::blue);
        QVERIFY(QDir().mkpath(m_tree.filePath(QStringLiteral("outside"))));
        QVERIFY(picture.save(m_tree.filePath(QStringLiteral("outside/secret.png"))));
        QVERIFY(QFile::link(m_tree.filePath(QStringLiteral("outside/secret.png")),
                            m_tree.filePath(QStringLiteral("docs/link.png"))));
        InertTextBrowser browser;
        browser.setImagePolicy(InertTextBrowser::Images::LocalFiles,
                               QUrl::fromLocalFile(m_tree.filePath(QStringLiteral("docs/page.html"))),
                               {m_tree.filePath(QStringLiteral("docs"))});
        QCOMPARE(browser.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("img.png")))
                     .value<QImage>()
                     .size(),
                 QSize(3, 5));
        for (const QUrl& url :
             {QUrl(QStringLiteral("../outside/secret.png")), QUrl(QStringLiteral("link.png")),
              QUrl::fromLocalFile(m_tree.filePath(QStringLiteral("outside/secret.png")))})
            QVERIFY2(refused(browser.loadResource(QTextDocument::ImageResource, url)),
                     qPrintable(url.toString()));
        // Without folders (a passage shown from an answer whose collection is gone) any local file may.
        browser.setImagePolicy(InertTextBrowser::Images::LocalFiles,
                               QUrl::fromLocalFile(m_tree.filePath(QStringLiteral("docs/page.html"))));
        QCOMPARE(
            browser.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("../outside/secret.png")))
                .value<QImage>()
                .size(),
            QSize(4, 2));
    }

    // Shown in a document, a refused image is a placeholder and the text after it stays. Qt's image handler
    // loads the name from disk by itself when a resource is not an image: this would hang on the FIFO.
    void refusedImagesNeverReachQtsOwnLoading() {
        QTcpServer host;
        QVERIFY(host.listen(QHostAddress::LocalHost));
        for (const auto images : {InertTextBrowser::Images::Blocked, InertTextBrowser::Images::LocalFiles}) {
            InertTextBrowser browser;
            browser.setImagePolicy(images,
                                   QUrl::fromLocalFile(m_tree.filePath(QStringLiteral("docs/page.html"))));
            browser.resize(400, 300);
            browser.show();
            browser.setHtml(
                QStringLiteral("<p><img src=\"%1\">after the fifo <img src=\"fifo.png\">after the "
                               "relative fifo <img src=\"http://127.0.0.1:%2/x.png\">after the web "
                               "<img src=\"broken.png\">after the broken one</p>")
                    .arg(m_fifo)
                    .arg(host.serverPort()));
            QTest::qWait(50);
            for (const char* text :
                 {"after the fifo", "after the relative fifo", "after the web", "after the broken one"})
                QVERIFY(browser.toPlainText().contains(QLatin1String(text)));
        }
        QVERIFY(!host.hasPendingConnections());
    }
};

QTEST_MAIN(TestInertTextBrowser)
#include "test_inert_text_browser.moc"
