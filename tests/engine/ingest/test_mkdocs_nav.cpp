#include "engine/ingest/mkdocs_nav.h"
#include "engine/ingest/toc_reader.h"
#include "tests/support/temp_tree.h"

#include <QDir>
#include <QTest>

namespace docrag {
namespace {

void describe(const std::vector<TocEntry>& entries, const QString& root, QStringList& out, int depth = 0) {
    for (const TocEntry& e : entries) {
        out << QString(depth * 2, QLatin1Char(' ')) + e.title +
                   (e.path.isEmpty() ? QString()
                                     : QStringLiteral(" [%1]").arg(QDir(root).relativeFilePath(e.path)));
        describe(e.children, root, out, depth + 1);
    }
}

} // namespace

class TestMkDocsNav final : public QObject {
    Q_OBJECT

private slots:
    void pagesAndSectionsInOrder() {
        const QByteArray config = "site_name: Widget\n"
                                  "nav:\n"
                                  "  - Home: index.md\n"
                                  "  - 'User Guide':\n"
                                  "      - 'Writing: the basics': 'guide/writing.md'\n"
                                  "      - guide/styling.md\n"
                                  "      # a comment\n"
                                  "      - Deeper:\n"
                                  "          - guide/deep/one.md\n"
                                  "      - Back up: guide/after.md\n"
                                  "  - Project site: https://example.com/widget\n"
                                  "  - About: \"about.md\"\n"
                                  "theme: material\n"
                                  "  - ignored.md\n";
        QStringList got;
        describe(MkDocsNav::parse(config, QStringLiteral("/p")), QStringLiteral("/p/docs"), got);
        QCOMPARE(got, (QStringList{
                          QStringLiteral("Home [index.md]"),
                          QStringLiteral("User Guide"),
                          QStringLiteral("  Writing: the basics [guide/writing.md]"),
                          QStringLiteral("   [guide/styling.md]"),
                          QStringLiteral("  Deeper"),
                          QStringLiteral("     [guide/deep/one.md]"),
                          QStringLiteral("  Back up [guide/after.md]"),
                          QStringLiteral("About [about.md]"),
                      }));
    }

    void docsDirAndUnindentedLists() {
        const QByteArray config = "docs_dir: 'manual'\nnav:\n- Start: start.md\n- more.md\n";
        QCOMPARE(MkDocsNav::docsFolder(config, QStringLiteral("/p")), QStringLiteral("/p/manual"));
        QStringList got;
        describe(MkDocsNav::parse(config, QStringLiteral("/p")), QStringLiteral("/p/manual"), got);
        QCOMPARE(got, (QStringList{QStringLiteral("Start [start.md]"), QStringLiteral(" [more.md]")}));
        QVERIFY(MkDocsNav::parse("site_name: x\n", QStringLiteral("/p")).empty());
    }

    // Ingesting the docs folder or the project: the configuration is found either way.
    void foundBesideOrAboveTheFolder() {
        test::TempTree tree;
        tree.write(QStringLiteral("project/mkdocs.yml"),
                   QByteArray("nav:\n  - Intro: intro.md\n  - api.md\n"));
        tree.write(QStringLiteral("project/docs/intro.md"), QByteArray("# Intro\n"));
        tree.write(QStringLiteral("project/docs/api.md"), QByteArray("# API\n"));
        const QString docs = tree.filePath(QStringLiteral("project/docs"));
        for (const QString& root : {tree.filePath(QStringLiteral("project")), docs}) {
            QStringList got;
            describe(TocReader::read(root), docs, got);
            QCOMPARE(got, (QStringList{QStringLiteral("Intro [intro.md]"), QStringLiteral(" [api.md]")}));
        }
    }
};

} // namespace docrag

QTEST_GUILESS_MAIN(docrag::TestMkDocsNav)
#include "test_mkdocs_nav.moc"
