#include "engine/ingest/toc_reader.h"
#include "tests/support/temp_tree.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTest>

#include <sys/stat.h>

namespace docrag {
namespace {

// "title [path relative to `root`]" per entry, indented two spaces a level.
void describe(const std::vector<TocEntry>& entries, const QString& root, QStringList& out, int depth = 0) {
    for (const TocEntry& e : entries) {
        out << QString(depth * 2, QLatin1Char(' ')) + e.title + QStringLiteral(" [") +
                   QDir(root).relativeFilePath(e.path) + QLatin1Char(']');
        describe(e.children, root, out, depth + 1);
    }
}

QString docset() {
    return QStringLiteral(DOCRAG_TEST_DATA_DIR "/sphinx_docset");
}

} // namespace

class TestTocReader final : public QObject {
    Q_OBJECT

private slots:
    // The toctree's order and nesting; a link to a section of a listed page adds no entry.
    void sphinxContentsPage() {
        QStringList got;
        describe(TocReader::read(docset()), docset(), got);
        QCOMPARE(got, (QStringList{
                          QStringLiteral("What’s New in Widget [whatsnew/index.html]"),
                          QStringLiteral("The Widget Tutorial [tutorial/index.html]"),
                          QStringLiteral("  1. Reading Files [tutorial/reading.html]"),
                          QStringLiteral("The Widget Library [library/index.html]"),
                          QStringLiteral("  os.path — Pathname helpers [library/os.path.html]"),
                          QStringLiteral("  Built-in Types [library/stdtypes.html]"),
                      }));
    }

    void sectionLinksLiftTheirChildren() {
        const QByteArray html =
            "<ul><li class='toctree-l1'><a href='a.html'>A</a><ul>"
            "<li class='toctree-l2'><a href='a.html#part'>Part of A</a><ul>"
            "<li class='toctree-l3'><a href='b.html'>B</a></li></ul></li>"
            "<li class='toctree-l2'><a href='https://example.com/c.html'>C on the web</a></li>"
            "<li class='toctree-l2'><a href='#here'>Here</a></li></ul></li>"
            "<li class='toctree-l1'><a href='b.html'>B again</a></li></ul>";
        QStringList got;
        describe(TocReader::fromSphinxHtml(html, QStringLiteral("/docs")), QStringLiteral("/docs"), got);
        QCOMPARE(got, (QStringList{QStringLiteral("A [a.html]"), QStringLiteral("  B [b.html]")}));
    }

    void markdownIndexLinksInOrder() {
        test::TempTree tree;
        tree.write(
            QStringLiteral("docs/README.md"),
            QByteArray("# Guide\n\nStart with [Install](install.md), then [Use](guide/use.md \"Using\").\n"
                       "![logo](logo.png) [Web](https://example.com) [Install again](./install.md) "
                       "[Me](README.md)\n"));
        QStringList got;
        const QString root = tree.filePath(QStringLiteral("docs"));
        describe(TocReader::read(root), root, got);
        QCOMPARE(got, (QStringList{QStringLiteral(" [README.md]"), QStringLiteral("Install [install.md]"),
                                   QStringLiteral("Use [guide/use.md]")}));
    }

    // A FIFO where the index would be is not read: reading one without a writer never returns.
    void onlyRegularFilesAreRead() {
        test::TempTree tree;
        QVERIFY(QDir().mkpath(tree.filePath(QStringLiteral("docs"))));
        for (const char* name : {"index.html", "README.md", "mkdocs.yml"})
            QVERIFY(::mkfifo(QFile::encodeName(tree.filePath(QStringLiteral("docs/") + QLatin1String(name)))
                                 .constData(),
                             0600) == 0);
        QVERIFY(TocReader::read(tree.filePath(QStringLiteral("docs"))).empty());
    }

    void nothingDeclaredIsEmpty() {
        test::TempTree tree;
        tree.write(QStringLiteral("docs/index.html"), QByteArray("<p>No toctree here.</p>"));
        tree.write(QStringLiteral("docs/notes.md"), QByteArray("# Notes\n"));
        QVERIFY(TocReader::read(tree.filePath(QStringLiteral("docs"))).empty());
        QVERIFY(TocReader::read(tree.filePath(QStringLiteral("absent"))).empty());
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestTocReader)
#include "test_toc_reader.moc"
