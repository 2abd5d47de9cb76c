#include "engine/rag/rag_engine.h"
#include "tests/support/ingested_engine.h"
#include "tests/support/temp_tree.h"
#include "tests/ui/click_link.h"
#include "ui/sources/find_bar.h"
#include "ui/sources/source_viewer.h"
#include "ui/widgets/inert_text_browser.h"

#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using namespace docrag;

// The source viewer as a docs browser, over a Sphinx doc set in the Python docs' layout
// (tests/data/sphinx_docset): links between pages, back and forward, find in page, zoom, images.
class TestSourceViewerBrowsing final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;

    qint64 documentId(const QString& ending) {
        const std::vector<CollectionInfo> collections = m_engine->collections().value();
        for (const CollectionInfo& c : collections) {
            const std::vector<Document> documents = m_engine->documents(c.collection.id).value();
            for (const Document& d : documents) {
                if (d.path.endsWith(ending))
                    return d.id;
            }
        }
        return 0;
    }

    static QTextBrowser* browser(SourceViewer& viewer) {
        return viewer.findChild<QTextBrowser*>(QStringLiteral("documentBrowser"));
    }

    static QString breadcrumb(SourceViewer& viewer) {
        return viewer.findChild<QLabel*>(QStringLiteral("breadcrumbLabel"))->text();
    }

    // The viewer showing `ending`'s page from its start.
    std::unique_ptr<SourceViewer> show(const QString& ending) {
        auto viewer = std::make_unique<SourceViewer>(*m_engine);
        viewer->resize(700, 400);
        viewer->show();
        viewer->activateWindow();
        // Keys go to the focus widget of the active window only.
        if (!QTest::qWaitForWindowActive(viewer.get()))
            return nullptr;
        QSignalSpy shown(viewer.get(), &SourceViewer::shown);
        viewer->showDocument(documentId(ending), {});
        if (shown.isEmpty() && !shown.wait(10000))
            return nullptr;
        return viewer;
    }

    // Runs `step` and waits until the viewer has shown what it leads to.
    static bool after(SourceViewer& viewer, const std::function<void()>& step) {
        QSignalSpy shown(&viewer, &SourceViewer::shown);
        step();
        return !shown.isEmpty() || shown.wait(10000);
    }

    // Whether the reader sees the line that starts with `text` (and the page is not at its top).
    static bool showsLine(QTextBrowser* view, const QString& text) {
        for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
            if (block.text().startsWith(text))
                return view->verticalScrollBar()->value() > 0 &&
                       view->viewport()->rect().contains(view->cursorRect(QTextCursor(block)));
        }
        return false;
    }

private slots:
    void initTestCase() {
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine = test::ingestedEngine(options, QStringLiteral("widget"),
                                           QStringLiteral(DOCRAG_TEST_DATA_DIR "/sphinx_docset"));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
        m_engine = std::move(*engine);
    }

    void aCrossReferenceOpensItsPageAtTheAnchorAndBackReturns() {
        auto viewer = show(QStringLiteral("tutorial/reading.html"));
        QVERIFY(viewer);
        QTextBrowser* view = browser(*viewer);
        QVERIFY(!viewer->canGoBack());
        // The reader scrolls down to the link, and clicks it where it is drawn.
        QTextCursor link =
            LinkCursor::find(view->document(), QStringLiteral("../library/os.path.html#os.path.join"));
        QVERIFY(!link.isNull());
        link.setPosition((link.selectionStart() + link.selectionEnd()) / 2);
        view->setTextCursor(link);
        view->ensureCursorVisible();
        const int before = view->verticalScrollBar()->value();
        QVERIFY(before > 0);
        QVERIFY(after(*viewer, [&] {
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->cursorRect(link).center());
        }));
        QVERIFY2(breadcrumb(*viewer).startsWith(QStringLiteral("os.path — Pathname helpers")),
                 qPrintable(breadcrumb(*viewer)));
        QVERIFY(showsLine(view, QStringLiteral("os.path.join(")));
        QVERIFY(viewer->highlightedText().isEmpty()); // a followed link marks nothing
        QVERIFY(viewer->canGoBack());

        QVERIFY(after(*viewer, [&] { viewer->back(); }));
        QVERIFY(breadcrumb(*viewer).startsWith(QStringLiteral("1. Reading Files")));
        QCOMPARE(view->verticalScrollBar()->value(), before);
        QVERIFY(viewer->canGoForward());
        QVERIFY(after(*viewer, [&] { viewer->forward(); }));
        QVERIFY(showsLine(view, QStringLiteral("os.path.join(")));
        // The mouse's back button does what Alt+Left does.
        QVERIFY(after(*viewer, [&] { QTest::mouseClick(view->viewport(), Qt::BackButton); }));
        QCOMPARE(view->verticalScrollBar()->value(), before);
    }

    void aLinkToAFileNoCollectionHoldsStillAsks() {
        auto viewer = show(QStringLiteral("tutorial/index.html"));
        QVERIFY(viewer);
        // reading.html is held: it opens here, at its top.
        QVERIFY(after(*viewer,
                      [&] { QVERIFY(test::clickLink(browser(*viewer), QStringLiteral("reading.html"))); }));
        QVERIFY(breadcrumb(*viewer).startsWith(QStringLiteral("1. Reading Files")));
        QCOMPARE(browser(*viewer)->verticalScrollBar()->value(), 0);
    }

    void findInPageCountsAndSteps() {
        auto viewer = show(QStringLiteral("tutorial/reading.html"));
        QVERIFY(viewer);
        const QString text = browser(*viewer)->document()->toPlainText();
        const int expected = static_cast<int>(text.count(QStringLiteral("widgets"), Qt::CaseInsensitive));
        QVERIFY(expected > 5);
        viewer->findInPage();
        auto* edit = viewer->findChild<QLineEdit*>(QStringLiteral("findEdit"));
        QVERIFY(edit->isVisible());
        QVERIFY(edit->hasFocus());
        QTest::keyClicks(edit, QStringLiteral("WIDGETS"));
        FindBar* find = viewer->findBar();
        QCOMPARE(find->matchCount(), expected);
        auto* count = viewer->findChild<QLabel*>(QStringLiteral("findCountLabel"));
        QCOMPARE(count->text(), QStringLiteral("1 of %1").arg(expected));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(count->text(), QStringLiteral("2 of %1").arg(expected));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(count->text(), QStringLiteral("%1 of %1").arg(expected));
        QCOMPARE(browser(*viewer)->extraSelections().size(), expected);
        QTest::keyClicks(edit, QStringLiteral("zzz"));
        QCOMPARE(count->text(), QStringLiteral("No matches"));
        QTest::keyClick(edit, Qt::Key_Escape);
        QVERIFY(!edit->isVisible());
        QVERIFY(browser(*viewer)->extraSelections().isEmpty());
    }

    void zoomChangesTheTextSize() {
        auto viewer = show(QStringLiteral("tutorial/reading.html"));
        QVERIFY(viewer);
        QTextBrowser* view = browser(*viewer);
        view->setFocus();
        const qreal normal = view->font().pointSizeF();
        QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(view->font().pointSizeF() > normal);
        QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view->font().pointSizeF(), normal);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(view->font().pointSizeF() < normal);
    }

    // An image of the doc set shows; one on the web is never fetched.
    void imagesInsideTheCollectionShowRemoteOnesDoNot() {
        auto viewer = show(QStringLiteral("tutorial/reading.html"));
        QVERIFY(viewer);
        QTextDocument* document = browser(*viewer)->document();
        const QImage local =
            document->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("../_images/diagram.png")))
                .value<QImage>();
        QCOMPARE(local.size(), QSize(40, 24));
        QCOMPARE(local.pixelColor(3, 3), QColor(40, 120, 200));
        const QImage remote = document
                                  ->resource(QTextDocument::ImageResource,
                                             QUrl(QStringLiteral("https://example.com/badge.png")))
                                  .value<QImage>();
        QCOMPARE(remote, InertTextBrowser::refusedImage());
    }
};

QTEST_MAIN(TestSourceViewerBrowsing)
#include "test_source_viewer_browsing.moc"
