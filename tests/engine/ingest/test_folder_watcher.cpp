#include "engine/ingest/folder_watcher.h"
#include "tests/support/temp_tree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace docrag;

// Real inotify on real folders: what changes is named, new folders are watched as they appear, and
// the budget of watches is kept.
class TestFolderWatcher final : public QObject {
    Q_OBJECT

private:
    static QStringList changedPaths(const QSignalSpy& spy, const QString& root) {
        QStringList paths;
        for (const QList<QVariant>& args : spy)
            paths << args.at(1).toString().mid(root.size() + 1);
        paths.removeDuplicates();
        return paths;
    }

private slots:
    void namesWhatChangesAndWatchesNewFolders() {
        test::TempTree tree;
        tree.write(QStringLiteral("docs/a.md"), QByteArray("a"));
        tree.write(QStringLiteral("docs/sub/b.md"), QByteArray("b"));
        const QString root = QFileInfo(tree.filePath(QStringLiteral("docs"))).canonicalFilePath();
        FolderWatcher watcher;
        QVERIFY(watcher.isAvailable());
        QVERIFY(watcher.watchTree(QStringLiteral("docs"), {root, root + QStringLiteral("/sub")}, 10).ok());
        QCOMPARE(watcher.watchCount(), 2);
        QSignalSpy changed(&watcher, &FolderWatcher::changed);

        tree.write(QStringLiteral("docs/sub/b.md"), QByteArray("b, edited"));
        QTRY_VERIFY(changedPaths(changed, root).contains(QStringLiteral("sub/b.md")));
        QCOMPARE(changed.first().at(0).toString(), QStringLiteral("docs"));
        QVERIFY(QFile::rename(root + QStringLiteral("/a.md"), root + QStringLiteral("/sub/a2.md")));
        QTRY_VERIFY(changedPaths(changed, root).contains(QStringLiteral("a.md")));
        QTRY_VERIFY(changedPaths(changed, root).contains(QStringLiteral("sub/a2.md")));

        // A new folder is watched at once: a file made in it later is reported too.
        QVERIFY(QDir(root).mkpath(QStringLiteral("new/deeper")));
        QTRY_VERIFY(changedPaths(changed, root).contains(QStringLiteral("new")));
        QTRY_COMPARE(watcher.watchCount(), 4);
        changed.clear();
        tree.write(QStringLiteral("docs/new/deeper/c.md"), QByteArray("c"));
        QTRY_VERIFY(changedPaths(changed, root).contains(QStringLiteral("new/deeper/c.md")));

        QVERIFY(QDir(root + QStringLiteral("/new")).removeRecursively());
        QTRY_VERIFY(changedPaths(changed, root).contains(QStringLiteral("new")));
        QTRY_COMPARE(watcher.watchCount(), 2);

        watcher.unwatchTree(QStringLiteral("docs"));
        QCOMPARE(watcher.watchCount(), 0);
        changed.clear();
        tree.write(QStringLiteral("docs/late.md"), QByteArray("late"));
        QTest::qWait(200);
        QCOMPARE(changed.count(), 0);
    }

    // Local file systems notify; the test machine's temporary folder and /proc are local.
    void aLocalFileSystemIsNotANetworkOne() {
        test::TempTree tree;
        QCOMPARE(FolderWatcher::networkFileSystem(tree.path()), QString());
        QCOMPARE(FolderWatcher::networkFileSystem(QStringLiteral("/proc")), QString());
        QCOMPARE(FolderWatcher::networkFileSystem(QStringLiteral("/no/such/folder")), QString());
    }

    void theBudgetIsKeptOrNothingIsWatched() {
        test::TempTree tree;
        tree.write(QStringLiteral("docs/one/a.md"), QByteArray("a"));
        const QString root = QFileInfo(tree.filePath(QStringLiteral("docs"))).canonicalFilePath();
        FolderWatcher watcher;
        const Status over =
            watcher.watchTree(QStringLiteral("docs"), {root, root + QStringLiteral("/one")}, 1);
        QVERIFY(!over);
        QCOMPARE(over.error().code, ErrorCode::TooLarge);
        QCOMPARE(watcher.watchCount(), 0);

        // Watched within a budget of 2, a third folder made later is over it: the tree is let go.
        QVERIFY(watcher.watchTree(QStringLiteral("docs"), {root, root + QStringLiteral("/one")}, 2).ok());
        QSignalSpy lost(&watcher, &FolderWatcher::lost);
        QVERIFY(QDir(root).mkpath(QStringLiteral("two")));
        QTRY_COMPARE(lost.count(), 1);
        QCOMPARE(lost.first().at(0).toString(), QStringLiteral("docs"));
        QCOMPARE(lost.first().at(1).toBool(), false);
        QCOMPARE(watcher.watchCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFolderWatcher)
#include "test_folder_watcher.moc"
