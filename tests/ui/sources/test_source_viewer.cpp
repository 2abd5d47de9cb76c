#include "engine/rag/rag_engine.h"
#include "tests/support/ingested_engine.h"
#include "tests/support/temp_tree.h"
#include "tests/ui/click_link.h"
#include "tests/ui/hostile_text.h"
#include "ui/sources/source_viewer.h"
#include "ui/widgets/inert_text_browser.h"

#include <QDesktopServices>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTextBrowser>

#include <sys/stat.h>

using namespace docrag;

// Stands in for the desktop: records what DocRag asks it to open.
class UrlSink final : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl& url) { opened << url; }
};

// Documents full of markup and links, shown by the source viewer over a real engine.
class TestSourceViewer final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;
    QTcpServer m_imageHost; // where remote images point: it must never see a connection
    UrlSink m_sink;
    const QStringList m_schemes{QStringLiteral("file"),  QStringLiteral("http"),
                                QStringLiteral("https"), QStringLiteral("regen"),
                                QStringLiteral("cite"),  QStringLiteral("javascript"),
                                QStringLiteral("foo"),   QStringLiteral("docrag-x")};

    QString payloads(const QString& separator) const {
        QStringList parts;
        for (const test::HostilePayload& payload : test::hostilePayloads())
            parts << payload.text;
        return parts.join(separator);
    }

    qint64 documentId(const QString& fileName) {
        const std::vector<CollectionInfo> collections = m_engine->collections().value();
        for (const CollectionInfo& c : collections) {
            const std::vector<Document> documents = m_engine->documents(c.collection.id).value();
            for (const Document& d : documents) {
                if (d.path.endsWith(fileName))
                    return d.id;
            }
        }
        return 0;
    }

    // The viewer showing a document of the collection; null when it did not show.
    std::unique_ptr<SourceViewer> show(const QString& fileName) {
        auto viewer = std::make_unique<SourceViewer>(*m_engine);
        viewer->resize(900, 700);
        viewer->show();
        QSignalSpy shown(viewer.get(), &SourceViewer::shown);
        viewer->showChunk(documentId(fileName), 0);
        // The answer may come at once, when the load finished before the continuation was attached.
        if (shown.isEmpty() && !shown.wait(10000))
            return nullptr;
        QTest::qWait(50); // layout, and any image it would load
        return viewer;
    }

    static QTextBrowser* browser(SourceViewer& viewer) {
        return viewer.findChild<QTextBrowser*>(QStringLiteral("documentBrowser"));
    }

    static QMessageBox* question(SourceViewer& viewer) {
        auto* box = viewer.findChild<QMessageBox*>(QStringLiteral("documentLinkMessageBox"));
        return box && box->isVisible() ? box : nullptr;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_imageHost.listen(QHostAddress::LocalHost));
        // A file that never ends when read (a FIFO without a writer blocks, where /dev/zero would eat
        // the memory of the machine running the tests).
        const QString fifo = m_tree.filePath(QStringLiteral("never-ending"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        const QString remote = QStringLiteral("http://127.0.0.1:%1/x.png").arg(m_imageHost.serverPort());
        m_tree.write(QStringLiteral("docs/hostile.md"),
                     QStringLiteral("---\ntitle: <b>Hostile</b> <img src=x onerror=alert(1)>guide\n---\n\n"
                                    "# Hostile\n\n%1\n\n<img src=\"%2\">visible after the remote image\n\n"
                                    "![remote](%2) still visible\n\n[relative](other.md) [place](#hostile)\n")
                         .arg(payloads(QStringLiteral("\n\n")), remote));
        m_tree.write(
            QStringLiteral("docs/hostile.html"),
            QStringLiteral("<html><head><title>&lt;b&gt;Page&lt;/b&gt; title</title></head><body>"
                           "<h1>Hostile page</h1><p>%1</p>"
                           "<p><img src=\"%2\">after the remote image</p>"
                           "<p><img src=\"%3\">after the device</p>"
                           "<p><img src=\"big.png\" width=\"100000\" height=\"90000\">after the huge "
                           "image</p>"
                           "<p><a href=\"javascript:alert(1)\">script link</a> "
                           "<a href=\"foo:bar?x=1\">odd link</a> <a href=\"https://example.com/\">web "
                           "link</a> <a href=\"#top\">top</a></p></body></html>")
                .arg(payloads(QStringLiteral("</p><p>")), remote, fifo));
        m_tree.write(QStringLiteral("docs/hostile.txt"),
                     payloads(QStringLiteral("\n\n")) + QLatin1Char('\n'));
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine =
            test::ingestedEngine(options, QStringLiteral("docs"), m_tree.filePath(QStringLiteral("docs")));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
        m_engine = std::move(*engine);
        for (const QString& scheme : m_schemes)
            QDesktopServices::setUrlHandler(scheme, &m_sink, "open");
    }

    void cleanupTestCase() {
        for (const QString& scheme : m_schemes)
            QDesktopServices::unsetUrlHandler(scheme);
    }

    void init() { m_sink.opened.clear(); }

    // Raw HTML in Markdown is text; Markdown's own links and images stay, inert.
    void markdownDocumentsShowRawHtmlAsText() {
        auto viewer = show(QStringLiteral("hostile.md"));
        QVERIFY(viewer);
        const QTextDocument& document = *browser(*viewer)->document();
        const QString text = document.toPlainText();
        for (const test::HostilePayload& payload : test::hostilePayloads()) {
            // Markdown links and images keep their text (the viewer is a reader of the document).
            if (payload.name.startsWith(QLatin1String("markdown")) ||
                payload.name == QLatin1String("fake sources"))
                continue;
            for (const QString& visible : test::visibleText(payload, true))
                QVERIFY2(text.contains(visible), qPrintable(payload.name + QStringLiteral(": ") + text));
        }
        QVERIFY(text.contains(QStringLiteral("visible after the remote image")));
        QVERIFY(text.contains(QStringLiteral("still visible")));
        QVERIFY(!test::shownEmphasised(document, QStringLiteral("bold")));
        const QStringList links = test::anchorHrefs(document);
        QVERIFY2(!links.contains(QStringLiteral("file:///etc/passwd")), qPrintable(links.join(", ")));
        for (const QString& href : links)
            QVERIFY2(!href.startsWith(QLatin1String("file:")), qPrintable(href));
        const QStringList images = test::imageNames(document);
        QCOMPARE(images.size(), 2); // the two Markdown images; the <img> tags are text
        for (const QString& image : images)
            QVERIFY2(image.startsWith(QLatin1String("http://")), qPrintable(image));
        QCOMPARE(m_imageHost.hasPendingConnections(), false);
        auto* breadcrumb = viewer->findChild<QLabel*>(QStringLiteral("breadcrumbLabel"));
        QCOMPARE(breadcrumb->textFormat(), Qt::PlainText);
        QVERIFY2(
            breadcrumb->text().contains(QStringLiteral("<b>Hostile</b> <img src=x onerror=alert(1)>guide")),
            qPrintable(breadcrumb->text()));
        QCOMPARE(viewer->findChild<QLabel*>(QStringLiteral("noticeLabel"))->textFormat(), Qt::PlainText);
    }

    // A link written in a document acts only on a click, and outside the web only after a yes.
    void documentLinksAskBeforeOpening() {
        auto viewer = show(QStringLiteral("hostile.md"));
        QVERIFY(viewer);
        QTextBrowser* view = browser(*viewer);
        QVERIFY(test::clickLink(view, QStringLiteral("regen:0")));
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = question(*viewer)));
        QCOMPARE(box->textFormat(), Qt::PlainText);
        QVERIFY2(box->text().contains(QStringLiteral("regen:0")), qPrintable(box->text()));
        QVERIFY(m_sink.opened.isEmpty());
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!question(*viewer));
        QVERIFY(m_sink.opened.isEmpty());

        // A relative link names the file it leads to, and opens once the user says yes.
        QVERIFY(test::clickLink(view, QStringLiteral("other.md")));
        QTRY_VERIFY((box = question(*viewer)));
        const QString other = m_tree.filePath(QStringLiteral("docs/other.md"));
        QVERIFY2(box->text().contains(other), qPrintable(box->text()));
        box->button(QMessageBox::Open)->click();
        QTRY_COMPARE(m_sink.opened.size(), 1);
        QCOMPARE(m_sink.opened.front(), QUrl::fromLocalFile(other));

        // A place in the same document just scrolls.
        QVERIFY(test::clickLink(view, QStringLiteral("#hostile")));
        QTest::qWait(50);
        QVERIFY(!question(*viewer));
        QCOMPARE(m_sink.opened.size(), 1);
    }

    // An HTML document is HTML, but its links and images obey the same rules.
    void htmlDocumentsKeepTheirMarkupButNotItsPowers() {
        auto viewer = show(QStringLiteral("hostile.html"));
        QVERIFY(viewer);
        QTextBrowser* view = browser(*viewer);
        const QTextDocument& document = *view->document();
        const QString text = document.toPlainText();
        for (const char* shown : {"bold", "text after the image", "after the remote image",
                                  "after the device", "after the huge image", "evil"})
            QVERIFY2(text.contains(QLatin1String(shown)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("<b>not bold</b>"))); // entities are text in HTML too
        QCOMPARE(m_imageHost.hasPendingConnections(), false);
        for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (!it.fragment().charFormat().isImageFormat())
                    continue;
                const QTextImageFormat image = it.fragment().charFormat().toImageFormat();
                QVERIFY2(image.width() <= 1600 && image.height() <= 1600, qPrintable(image.name()));
                // Nothing was read for it but local regular files.
                const QVariant data = const_cast<QTextDocument&>(document).resource(
                    QTextDocument::ImageResource, QUrl(image.name()));
                if (image.name().startsWith(QLatin1String("http")) ||
                    image.name().endsWith(QLatin1String("never-ending")))
                    QVERIFY2(data.value<QImage>() == InertTextBrowser::refusedImage(),
                             qPrintable(image.name()));
            }
        }
        auto* breadcrumb = viewer->findChild<QLabel*>(QStringLiteral("breadcrumbLabel"));
        QVERIFY2(breadcrumb->text().contains(QStringLiteral("<b>Page</b> title")),
                 qPrintable(breadcrumb->text()));

        // file: asks, showing the path.
        QVERIFY(test::clickLink(view, QStringLiteral("file:///etc/passwd")));
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = question(*viewer)));
        QVERIFY2(box->text().contains(QStringLiteral("/etc/passwd")), qPrintable(box->text()));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!question(*viewer));
        // An unknown scheme asks too.
        QVERIFY(test::clickLink(view, QStringLiteral("foo:bar?x=1")));
        QTRY_VERIFY((box = question(*viewer)));
        QVERIFY(box->text().contains(QStringLiteral("foo:bar?x=1")));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!question(*viewer));
        // A script is shown and never run: the box has no Open.
        QVERIFY(test::clickLink(view, QStringLiteral("javascript:alert(1)")));
        QTRY_VERIFY((box = question(*viewer)));
        QVERIFY(box->text().contains(QStringLiteral("javascript:alert(1)")));
        QVERIFY(!box->button(QMessageBox::Open));
        box->button(QMessageBox::Close)->click();
        QTRY_VERIFY(!question(*viewer));
        QVERIFY(m_sink.opened.isEmpty());
        // The web opens in the browser on a click.
        QVERIFY(test::clickLink(view, QStringLiteral("https://example.com/")));
        QTRY_COMPARE(m_sink.opened.size(), 1);
        QCOMPARE(m_sink.opened.front(), QUrl(QStringLiteral("https://example.com/")));
        QVERIFY(!question(*viewer));
    }

    void textDocumentsArePlain() {
        auto viewer = show(QStringLiteral("hostile.txt"));
        QVERIFY(viewer);
        const QTextDocument& document = *browser(*viewer)->document();
        for (const test::HostilePayload& payload : test::hostilePayloads())
            QVERIFY2(document.toPlainText().contains(payload.text), qPrintable(payload.name));
        QVERIFY(test::anchorHrefs(document).isEmpty());
        QVERIFY(test::imageNames(document).isEmpty());
    }
};

QTEST_MAIN(TestSourceViewer)
#include "test_source_viewer.moc"
