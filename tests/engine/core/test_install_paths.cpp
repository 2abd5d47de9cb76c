#include "engine/core/install_paths.h"
#include "tests/support/temp_tree.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace docrag;

// The programs find their files from where they are, whatever the prefix.
class TestInstallPaths final : public QObject {
    Q_OBJECT

private slots:
    void theDataFolderIsBesideTheExecutablesFolder() {
        QCOMPARE(InstallPaths::dataDirFor(QStringLiteral("/usr/bin")), QStringLiteral("/usr/share/docrag"));
        QCOMPARE(InstallPaths::libDirFor(QStringLiteral("/usr/bin")), QStringLiteral("/usr/lib/docrag"));
        QCOMPARE(InstallPaths::dataDirFor(QStringLiteral("/tmp/root/usr/bin/")),
                 QStringLiteral("/tmp/root/usr/share/docrag"));
        QCOMPARE(InstallPaths::dataDirFor(QStringLiteral("/opt/docrag-0.1.0/bin")),
                 QStringLiteral("/opt/docrag-0.1.0/share/docrag"));
    }

    void theGuideIsFoundOnlyWhereItIs() {
        test::TempTree prefix;
        const QString bin = prefix.filePath(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        QCOMPARE(InstallPaths::guideDirFor(bin), QString()); // not installed: no folder to ingest
        prefix.write(QStringLiteral("share/docrag/guide/index.md"), QStringLiteral("# Guide\n"));
        QCOMPARE(QFileInfo(InstallPaths::guideDirFor(bin)).canonicalFilePath(),
                 QFileInfo(prefix.filePath(QStringLiteral("share/docrag/guide"))).canonicalFilePath());
    }

    // The build tree mirrors an installation: this test runs from build/tests/, beside build/app/, and
    // finds the copy of the guide that the programs there use.
    void theBuildTreeHasTheGuideWhereAnInstallationHasIt() {
        const QString guide = InstallPaths::guideDir();
        QVERIFY2(!guide.isEmpty(), qPrintable(InstallPaths::dataDir()));
        QVERIFY(QFileInfo::exists(guide + QStringLiteral("/adding-documentation.md")));
        QVERIFY(QFileInfo::exists(guide + QStringLiteral("/index.md")));
        // Only the pages: the design notes in docs/design/ are not part of the guide.
        QVERIFY(!QFileInfo::exists(guide + QStringLiteral("/design")));
    }
};

QTEST_GUILESS_MAIN(TestInstallPaths)
#include "test_install_paths.moc"
