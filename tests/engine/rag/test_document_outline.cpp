#include "engine/rag/document_outline.h"

#include <QTest>

namespace docrag {
namespace {

Document doc(qint64 id, const QString& path, const QString& title,
             DocumentStatus status = DocumentStatus::Indexed) {
    Document d;
    d.id = id;
    d.path = path;
    d.title = title;
    d.status = status;
    return d;
}

void describe(const std::vector<OutlineNode>& nodes, QStringList& out, int depth = 0) {
    for (const OutlineNode& n : nodes) {
        out << QString(depth * 2, QLatin1Char(' ')) +
                   (n.documentId == 0 ? QStringLiteral("[%1]").arg(n.title) : n.title);
        describe(n.children, out, depth + 1);
    }
}

} // namespace

class TestDocumentOutline final : public QObject {
    Q_OBJECT

private slots:
    void tableOfContentsFirstThenFolders() {
        const std::vector<Document> documents = {
            doc(1, QStringLiteral("/d/about.html"), QStringLiteral("About")),
            doc(2, QStringLiteral("/d/tutorial/index.html"), QStringLiteral("Tutorial")),
            doc(3, QStringLiteral("/d/tutorial/one.html"), QStringLiteral("One")),
            doc(4, QStringLiteral("/d/whatsnew.html"), QStringLiteral("What's New")),
            doc(5, QStringLiteral("/d/extra/zeta.html"), QStringLiteral("zeta")),
            doc(6, QStringLiteral("/d/extra/alpha.html"), QStringLiteral("Alpha")),
            doc(7, QStringLiteral("/d/extra/deep/x.html"), QString()),
            doc(8, QStringLiteral("/d/broken.html"), QStringLiteral("Broken"), DocumentStatus::Failed),
        };
        const std::vector<TocEntry> toc = {
            TocEntry{QStringLiteral("/d/whatsnew.html"), QStringLiteral("New"), {}},
            // Not ingested: its children take its place.
            TocEntry{QStringLiteral("/d/skipped.html"),
                     {},
                     {TocEntry{QStringLiteral("/d/tutorial/index.html"),
                               {},
                               {TocEntry{QStringLiteral("/d/tutorial/one.html"), {}, {}}}}}},
            TocEntry{QStringLiteral("/d/broken.html"), {}, {}},
        };
        QStringList got;
        describe(DocumentOutline::build({QStringLiteral("/d")}, documents, toc), got);
        QCOMPARE(got, (QStringList{
                          QStringLiteral("What's New"),
                          QStringLiteral("Tutorial"),
                          QStringLiteral("  One"),
                          QStringLiteral("About"),
                          QStringLiteral("[extra]"),
                          QStringLiteral("  Alpha"),
                          QStringLiteral("  zeta"),
                          QStringLiteral("  [deep]"),
                          QStringLiteral("    x.html"),
                      }));
    }

    // A section of the contents that is no page (MkDocs' "- Guides:") groups its pages; an empty one
    // is left out.
    void sectionsGroupTheirPages() {
        const std::vector<Document> documents = {
            doc(1, QStringLiteral("/d/a.md"), QStringLiteral("A")),
            doc(2, QStringLiteral("/d/b.md"), QStringLiteral("B")),
        };
        const std::vector<TocEntry> toc = {
            TocEntry{{}, QStringLiteral("Guides"), {TocEntry{QStringLiteral("/d/b.md"), {}, {}}}},
            TocEntry{{}, QStringLiteral("Empty"), {TocEntry{QStringLiteral("/d/missing.md"), {}, {}}}},
            TocEntry{QStringLiteral("/d/a.md"), {}, {}},
        };
        QStringList got;
        describe(DocumentOutline::build({QStringLiteral("/d")}, documents, toc), got);
        QCOMPARE(got, (QStringList{QStringLiteral("[Guides]"), QStringLiteral("  B"), QStringLiteral("A")}));
    }

    void severalRootsAreNamedFolders() {
        const std::vector<Document> documents = {
            doc(1, QStringLiteral("/a/guide/x.md"), QStringLiteral("X")),
            doc(2, QStringLiteral("/b/notes/y.md"), QStringLiteral("Y")),
        };
        QStringList got;
        describe(
            DocumentOutline::build({QStringLiteral("/a/guide"), QStringLiteral("/b/notes")}, documents, {}),
            got);
        QCOMPARE(got, (QStringList{QStringLiteral("[guide]"), QStringLiteral("  X"),
                                   QStringLiteral("[notes]"), QStringLiteral("  Y")}));
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestDocumentOutline)
#include "test_document_outline.moc"
