#include "engine/rag/rag_engine.h"
#include "tests/support/ingested_engine.h"
#include "tests/support/temp_tree.h"
#include "tests/ui/hostile_text.h"
#include "ui/library/library_view.h"

#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace docrag;

// The library over documents whose titles, headings and text are markup.
class TestLibraryView final : public QObject {
    Q_OBJECT

private:
    test::TempTree m_tree;
    std::unique_ptr<RagEngine> m_engine;
    std::unique_ptr<RagEngine> m_docset; // tests/data/sphinx_docset, in the Python docs' layout

    static QStringList childTitles(QTreeWidgetItem* item) {
        QStringList titles;
        for (int i = 0; i < item->childCount(); ++i)
            titles << item->child(i)->text(0);
        return titles;
    }

private slots:
    void initTestCase() {
        int n = 0;
        for (const test::HostilePayload& payload : test::hostilePayloads()) {
            // One line each: titles and headings are single lines.
            const QString line = QString(payload.text).replace(QLatin1Char('\n'), QLatin1Char(' '));
            // Titles from Markdown front matter (kept as written); text from plain text files (the
            // Markdown and HTML loaders already drop tags from what they store).
            m_tree.write(QStringLiteral("docs/page%1.md").arg(n),
                         QStringLiteral("---\ntitle: %1\n---\n\nThe heron rule applies.\n").arg(line));
            m_tree.write(QStringLiteral("docs/note%1.txt").arg(n++),
                         QStringLiteral("The pelican protocol says %1 here.\n").arg(line));
        }
        EngineOptions options;
        options.dataDir = m_tree.filePath(QStringLiteral("data"));
        auto engine = test::ingestedEngine(options, QStringLiteral("<b>docs</b>"),
                                           m_tree.filePath(QStringLiteral("docs")));
        QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
        m_engine = std::move(*engine);
        EngineOptions docset;
        docset.dataDir = m_tree.filePath(QStringLiteral("docset-data"));
        auto widget = test::ingestedEngine(docset, QStringLiteral("widget"),
                                           QStringLiteral(DOCRAG_TEST_DATA_DIR "/sphinx_docset"));
        QVERIFY2(widget.ok(), qPrintable(widget.ok() ? QString() : widget.error().message));
        m_docset = std::move(*widget);
    }

    // The doc set's own order (contents.html's toctree), not the alphabet; pages it leaves out follow
    // (contents.html itself, all links, holds no passage and is not a document of the collection).
    void theTreeFollowsTheTableOfContents() {
        LibraryView view(*m_docset);
        view.show();
        view.reload();
        auto* tree = view.findChild<QTreeWidget*>(QStringLiteral("libraryTree"));
        QTRY_COMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem* collection = tree->topLevelItem(0);
        collection->setExpanded(true);
        QTRY_VERIFY(collection->childCount() > 0);
        QCOMPARE(
            childTitles(collection),
            (QStringList{QStringLiteral("What’s New in Widget"), QStringLiteral("The Widget Tutorial"),
                         QStringLiteral("The Widget Library"), QStringLiteral("About these documents")}));
        QCOMPARE(childTitles(collection->child(1)), QStringList{QStringLiteral("1. Reading Files")});
        QCOMPARE(childTitles(collection->child(2)), (QStringList{QStringLiteral("os.path — Pathname helpers"),
                                                                 QStringLiteral("Built-in Types")}));
        QTextDocument tip;
        tip.setHtml(collection->child(1)->child(0)->toolTip(0));
        QVERIFY(tip.toPlainText().endsWith(QStringLiteral("sphinx_docset/tutorial/reading.html")));
    }

    // Type-ahead from the keyboard: the names show as they are typed, Down chooses, Enter opens the
    // definition, Esc leaves.
    void apiNamesByTypeAhead() {
        LibraryView view(*m_docset);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.focusSearch();
        auto* edit = view.findChild<QLineEdit*>(QStringLiteral("librarySearchEdit"));
        auto* names = view.findChild<QListWidget*>(QStringLiteral("symbolSuggestionsList"));
        QTest::keyClicks(edit, QStringLiteral("str.s"));
        QTRY_VERIFY(names->isVisible() && names->count() == 2);
        QVERIFY(edit->hasFocus());
        QVERIFY(names->item(0)->text().startsWith(
            QStringLiteral("str.splitlines  (method, widget: Built-in Types)")));
        QVERIFY(names->item(1)->text().startsWith(QStringLiteral("str.startswith")));
        QTest::keyClick(edit, Qt::Key_Down);
        QCOMPARE(names->currentRow(), 1);
        QSignalSpy opened(&view, &LibraryView::chunkActivated);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(opened.size(), 1);
        const qint64 document = opened.front().at(0).toLongLong();
        const qint64 chunk = opened.front().at(1).toLongLong();
        QVERIFY(m_docset->document(document)->path.endsWith(QStringLiteral("library/stdtypes.html")));
        bool found = false;
        const std::vector<Chunk> chunks = m_docset->chunks(document).value();
        for (const Chunk& c : chunks)
            found = found || (c.id == chunk && c.text.contains(QStringLiteral("if the string starts with")));
        QVERIFY(found);

        QTest::keyClicks(edit, QStringLiteral("zzz")); // "str.szzz": no name
        QTRY_VERIFY(!names->isVisible());
        QSignalSpy left(&view, &LibraryView::leaveRequested);
        QTest::keyClick(edit, Qt::Key_Escape);
        QCOMPARE(left.size(), 1);
    }

    // Results are HTML DocRag writes: every text from a document in it is escaped, the only links are the
    // results' own.
    void searchResultsShowDocumentTextAsWritten() {
        LibraryView view(*m_engine);
        view.show();
        QSignalSpy finished(&view, &LibraryView::searchFinished);
        view.search(QStringLiteral("pelican protocol"));
        QVERIFY(!finished.isEmpty() || finished.wait(10000)); // it may answer at once
        QVERIFY(finished.front().front().toInt() > 0);
        const QTextDocument& document =
            *view.findChild<QTextBrowser*>(QStringLiteral("searchResultsBrowser"))->document();
        const QString text = document.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("<b>docs</b>")), qPrintable(text));
        int shown = 0;
        for (const test::HostilePayload& payload : test::hostilePayloads()) {
            const QString line = QString(payload.text).replace(QLatin1Char('\n'), QLatin1Char(' '));
            shown += text.contains(line) ? 1 : 0;
        }
        QVERIFY2(shown >= 5, qPrintable(text)); // the best hits, as the engine stores their text
        for (const QString& href : test::anchorHrefs(document))
            QVERIFY2(href.startsWith(QLatin1String("chunk:")), qPrintable(href));
        QVERIFY(test::imageNames(document).isEmpty());
        QVERIFY(!test::shownEmphasised(document, QStringLiteral("not bold")));
    }

    // Tree items are plain text; their tooltips (paths) cannot turn into rich text.
    void treeTooltipsArePlain() {
        LibraryView view(*m_engine);
        view.show();
        view.reload();
        auto* tree = view.findChild<QTreeWidget*>(QStringLiteral("libraryTree"));
        QTRY_COMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem* collection = tree->topLevelItem(0);
        QVERIFY(collection->text(0).startsWith(QStringLiteral("<b>docs</b>")));
        collection->setExpanded(true);
        QTRY_VERIFY(collection->childCount() > 0);
        QStringList titles;
        for (int i = 0; i < collection->childCount(); ++i)
            titles << collection->child(i)->text(0);
        QVERIFY2(titles.contains(QStringLiteral("<b>bold</b>")), qPrintable(titles.join(", ")));
        for (int i = 0; i < collection->childCount(); ++i) {
            QTextDocument tip;
            tip.setHtml(collection->child(i)->toolTip(0)); // how a tooltip that looks rich is shown
            QVERIFY2(tip.toPlainText().startsWith(m_tree.filePath(QStringLiteral("docs/"))),
                     qPrintable(tip.toPlainText()));
        }
    }
};

QTEST_MAIN(TestLibraryView)
#include "test_library_view.moc"
