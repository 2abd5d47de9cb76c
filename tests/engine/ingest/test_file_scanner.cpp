#include "engine/ingest/file_scanner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <stop_token>
#include <sys/stat.h>
#include <unistd.h>

using namespace docrag;

namespace {

bool writeFile(const QString& root, const QString& relPath, const QByteArray& content = "x") {
    const QString path = root + u'/' + relPath;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

bool makeLink(const QString& target, const QString& linkPath) {
    return QFile::link(target, linkPath);
}

// Paths of the listed files relative to `root`, in the order of the result.
QStringList relativeFiles(const ScanResult& result, const QString& root) {
    QStringList paths;
    const QString prefix = root + u'/';
    for (const ScannedFile& file : result.files)
        paths.append(file.path.startsWith(prefix) ? file.path.mid(prefix.size()) : file.path);
    return paths;
}

QStringList skippedEntries(const ScanResult& result, const QString& root) {
    QStringList entries;
    const QString prefix = root + u'/';
    for (const ScanSkip& skip : result.skipped) {
        const QString path = skip.path.startsWith(prefix) ? skip.path.mid(prefix.size()) : skip.path;
        entries.append(path + QStringLiteral(": ") + skip.reason);
    }
    return entries;
}

QString canonical(const QString& path) {
    return QFileInfo(path).canonicalFilePath();
}

} // namespace

class TestFileScanner final : public QObject {
    Q_OBJECT

private slots:
    void listsFilesSortedWithSizeAndMtime();
    void defaultExcludesPruneBuildAndHiddenFolders();
    void withoutDefaultExcludesEverythingIsListed();
    void honoursGitignore();
    void docragignoreOverridesGitignore();
    void nestedIgnoreFileAppliesToItsSubtree();
    void negationInsideExcludedDirectoryHasNoEffect();
    void ignoreFileWithCrlfLineEndings();
    void extraExcludesApplyAfterDefaults();
    void singleFileRootIsNeverIgnored();
    void includePatternsSelectFilesByName();
    void missingRootIsNotFound();
    void overlappingRootsListFilesOnce();
    void rootBehindSymlinkIsCanonical();
    void symlinkedFileListedUnderLinkPath();
    void symlinkLoopTerminates();
    void brokenSymlinkIsSkipped();
    void ignoredBrokenSymlinkIsNotReported();
    void fifoIsSkipped();
    void unreadableDirectoryIsSkipped();
    void stopRequestCancels();
    void emptyRootListGivesEmptyResult();
    void excludedDirsAreNotEntered();
    void onlyUnderLooksAtTheChangesAlone();
};

void TestFileScanner::listsFilesSortedWithSizeAndMtime() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "zeta.md", "12345"));
    QVERIFY(writeFile(dir.path(), "alpha.md", "abc"));
    QVERIFY(writeFile(dir.path(), "guide/b.rst", "b"));
    QVERIFY(writeFile(dir.path(), "guide/a/deep.txt", "deep text"));
    QVERIFY(QDir(dir.path()).mkpath("empty/nested"));
    const QDateTime mtime = QDateTime::fromMSecsSinceEpoch(1'600'000'000'123);
    {
        QFile file(dir.path() + "/alpha.md");
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(mtime, QFileDevice::FileModificationTime));
    }

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    const QString root = canonical(dir.path());
    QCOMPARE(result->roots, QStringList{root});
    QCOMPARE(relativeFiles(*result, root),
             (QStringList{"alpha.md", "guide/a/deep.txt", "guide/b.rst", "zeta.md"}));
    QCOMPARE(result->files[0].path, root + "/alpha.md");
    QCOMPARE(result->files[0].size, 3);
    QCOMPARE(result->files[0].mtimeMs, 1'600'000'000'123);
    QCOMPARE(result->files[1].size, 9);
    QCOMPARE(result->files[3].size, 5);
    QCOMPARE(result->files[3].mtimeMs, QFileInfo(root + "/zeta.md").lastModified().toMSecsSinceEpoch());
    QVERIFY(result->skipped.empty());
}

void TestFileScanner::defaultExcludesPruneBuildAndHiddenFolders() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList all = {
        ".git/config",
        ".gitignore",
        ".hidden.md",
        "README.md",
        "docs/_build/html/index.html",
        "docs/index.rst",
        "html/_static/basic.css",
        "html/_sources/index.rst.txt",
        "html/_images/logo.png",
        "html/index.html",
        "html/searchindex.js",
        "html/objects.inv",
        "qtcore/qtcore.index",
        "qtcore/qtcore.qhp",
        "qtcore/qtcore.qhp.sha1",
        "qtcore/examples-manifest.xml",
        "qtcore/qstring.html",
        "qtcore/sitemap.xml",
        "web/node_modules/pkg/README.md",
        "web/app.min.js",
        "web/app.js",
        "web/app.js.map",
        "web/package-lock.json",
        "web/package.json",
        "py/__pycache__/mod.cpython-311.pyc",
        "py/.venv/lib/site.md",
        "py/mod.py",
        "dist/pkg.md",
        "target/doc.md",
        "Cargo.lock",
        "build", // a file named like an excluded folder is kept
    };
    for (const QString& path : all)
        QVERIFY(writeFile(dir.path(), path));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    QCOMPARE(relativeFiles(*result, canonical(dir.path())),
             (QStringList{"README.md", "build", "docs/index.rst", "html/index.html", "html/objects.inv",
                          "html/searchindex.js", "py/mod.py", "qtcore/qstring.html", "qtcore/sitemap.xml",
                          "web/app.js", "web/package.json"}));
}

void TestFileScanner::withoutDefaultExcludesEverythingIsListed() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), ".git/config"));
    QVERIFY(writeFile(dir.path(), "node_modules/x.md"));
    QVERIFY(writeFile(dir.path(), ".gitignore", "*.tmp\n"));
    QVERIFY(writeFile(dir.path(), "a.tmp"));
    QVERIFY(writeFile(dir.path(), "a.md"));

    ScanOptions options;
    options.useDefaultExcludes = false;
    const Result<ScanResult> result = FileScanner(options).scan({dir.path()});
    QVERIFY(result.ok());
    QCOMPARE(relativeFiles(*result, canonical(dir.path())),
             (QStringList{".git/config", ".gitignore", "a.md", "node_modules/x.md"}));
}

void TestFileScanner::honoursGitignore() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), ".gitignore",
                      "# generated\n"
                      "*.log\n"
                      "/drafts/\n"
                      "!important.log\n"
                      "notes/**/secret.md\n"
                      "tmp   \n"));
    for (const char* path : {"a.log", "important.log", "sub/b.log", "drafts/x.md", "sub/drafts/y.md",
                             "notes/secret.md", "notes/a/b/secret.md", "notes/public.md", "tmp", "tmp.md"})
        QVERIFY(writeFile(dir.path(), path));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    QCOMPARE(relativeFiles(*result, canonical(dir.path())),
             (QStringList{"important.log", "notes/public.md", "sub/drafts/y.md", "tmp.md"}));
}

void TestFileScanner::docragignoreOverridesGitignore() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), ".gitignore", "*.txt\ngenerated/\n"));
    QVERIFY(writeFile(dir.path(), ".docragignore", "!notes.txt\n!generated/\nsecret.md\n"));
    for (const char* path : {"notes.txt", "other.txt", "generated/api.md", "secret.md", "public.md"})
        QVERIFY(writeFile(dir.path(), path));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    QCOMPARE(relativeFiles(*result, canonical(dir.path())),
             (QStringList{"generated/api.md", "notes.txt", "public.md"}));
}

void TestFileScanner::nestedIgnoreFileAppliesToItsSubtree() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), ".gitignore", "*.md\n"));
    QVERIFY(writeFile(dir.path(), "guide/.docragignore", "!*.md\n/local.md\n"));
    QVERIFY(writeFile(dir.path(), "api/.gitignore", "/index.html\n"));
    for (const char* path :
         {"top.md", "guide/a.md", "guide/local.md", "guide/deep/b.md", "guide/deep/local.md",
          "api/index.html", "api/v2/index.html", "other/c.md", "other/index.html"})
        QVERIFY(writeFile(dir.path(), path));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    QCOMPARE(relativeFiles(*result, canonical(dir.path())),
             (QStringList{"api/v2/index.html", "guide/a.md", "guide/deep/b.md", "guide/deep/local.md",
                          "other/index.html"}));
}

void TestFileScanner::negationInsideExcludedDirectoryHasNoEffect() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), ".gitignore", "private/\n!private/keep.md\n"));
    // Never read: its directory is excluded, so it cannot re-include anything.
    QVERIFY(writeFile(dir.path(), "private/.docragignore", "!*\n"));
    QVERIFY(writeFile(dir.path(), "private/keep.md"));
    QVERIFY(writeFile(dir.path(), "public/keep.md"));
    // Excluding the content rather than the directory lets a negation work, as in git.
    QVERIFY(writeFile(dir.path(), ".docragignore", "partial/*\n!partial/keep.md\n"));
    QVERIFY(writeFile(dir.path(), "partial/keep.md"));
    QVERIFY(writeFile(dir.path(), "partial/drop.md"));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    QCOMPARE(relativeFiles(*result, canonical(dir.path())),
             (QStringList{"partial/keep.md", "public/keep.md"}));
}

void TestFileScanner::ignoreFileWithCrlfLineEndings() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), ".docragignore", "*.bak\r\ncache/\r\n"));
    for (const char* path : {"a.bak", "cache/x.md", "keep.md"})
        QVERIFY(writeFile(dir.path(), path));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    QCOMPARE(relativeFiles(*result, canonical(dir.path())), QStringList{"keep.md"});
}

void TestFileScanner::extraExcludesApplyAfterDefaults() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char* path :
         {"a.txt", "keep.txt", "drafts/x.md", "sub/drafts/y.md", "_static/style.md", "b.md"})
        QVERIFY(writeFile(dir.path(), path));
    QVERIFY(writeFile(dir.path(), ".docragignore", "!keep.txt\n"));

    ScanOptions options;
    options.extraExcludes = {"*.txt", "/drafts/", "!_static/"};
    const Result<ScanResult> result = FileScanner(options).scan({dir.path()});
    QVERIFY(result.ok());
    QCOMPARE(relativeFiles(*result, canonical(dir.path())),
             (QStringList{"_static/style.md", "b.md", "keep.txt", "sub/drafts/y.md"}));
}

void TestFileScanner::singleFileRootIsNeverIgnored() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), ".hidden/app.min.js", "var a;"));
    QVERIFY(writeFile(dir.path(), ".gitignore", "*.js\n"));

    const QString file = dir.path() + "/.hidden/./app.min.js";
    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({file});
    QVERIFY(result.ok());
    const QString expected = canonical(dir.path()) + "/.hidden/app.min.js";
    QCOMPARE(result->roots, QStringList{expected});
    QCOMPARE(result->files.size(), size_t(1));
    QCOMPARE(result->files[0].path, expected);
    QCOMPARE(result->files[0].size, 6);
}

void TestFileScanner::includePatternsSelectFilesByName() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char* path : {"README.md", "guide/INTRO.MD", "guide/deep/page.html", "guide/notes.txt",
                             "api/ref.rst", "logo.png", "node_modules/pkg/readme.md"})
        QVERIFY(writeFile(dir.path(), path));
    QVERIFY(makeLink(dir.path() + "/missing.md", dir.path() + "/broken.md"));
    QVERIFY(makeLink(dir.path() + "/missing.png", dir.path() + "/broken.png"));
    const QString root = canonical(dir.path());

    ScanOptions options;
    // Blank entries are ignored; matching is on the name only and ignores case.
    options.includePatterns = {"*.md", " ", "*.htm?"};
    const Result<ScanResult> result = FileScanner(options).scan({dir.path()});
    QVERIFY(result.ok());
    // Folders are still walked (and still pruned by the excludes) whatever their names.
    QCOMPARE(relativeFiles(*result, root),
             (QStringList{"README.md", "guide/INTRO.MD", "guide/deep/page.html"}));
    // Only what was asked for is reported as skipped.
    QCOMPARE(skippedEntries(*result, root), QStringList{"broken.md: broken symbolic link"});

    // A single file named as a root is taken even when no pattern matches it.
    const Result<ScanResult> single = FileScanner(options).scan({dir.path() + "/guide/notes.txt"});
    QVERIFY(single.ok());
    QCOMPARE(single->files.size(), size_t(1));

    // A pattern that matches nothing selects nothing; no pattern selects everything.
    options.includePatterns = {"*.pdf"};
    QVERIFY(FileScanner(options).scan({dir.path()})->files.empty());
    options.includePatterns = {};
    QCOMPARE(FileScanner(options).scan({dir.path()})->files.size(), size_t(6));
}

void TestFileScanner::missingRootIsNotFound() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "a.md"));
    const QString missing = dir.path() + "/nope";

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path(), missing});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::NotFound);
    QCOMPARE(result.error().message, "no such file or directory: " + missing);
}

void TestFileScanner::overlappingRootsListFilesOnce() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "a.md"));
    QVERIFY(writeFile(dir.path(), "sub/b.md"));
    QVERIFY(writeFile(dir.path(), "sub/c.md"));
    QVERIFY(makeLink(dir.path() + "/missing", dir.path() + "/sub/dangling"));
    const QString root = canonical(dir.path());

    const Result<ScanResult> result =
        FileScanner(ScanOptions{})
            .scan({dir.path() + "/sub", dir.path(), dir.path() + "/sub/b.md", dir.path() + "/"});
    QVERIFY(result.ok());
    QCOMPARE(result->roots, (QStringList{root + "/sub", root, root + "/sub/b.md"}));
    QCOMPARE(relativeFiles(*result, root), (QStringList{"a.md", "sub/b.md", "sub/c.md"}));
    QCOMPARE(skippedEntries(*result, root), QStringList{"sub/dangling: broken symbolic link"});
}

void TestFileScanner::rootBehindSymlinkIsCanonical() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "real/doc.md"));
    QVERIFY(makeLink(dir.path() + "/real", dir.path() + "/alias"));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path() + "/alias"});
    QVERIFY(result.ok());
    const QString real = canonical(dir.path()) + "/real";
    QCOMPARE(result->roots, QStringList{real});
    QCOMPARE(result->files.size(), size_t(1));
    QCOMPARE(result->files[0].path, real + "/doc.md");
}

void TestFileScanner::symlinkedFileListedUnderLinkPath() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "store/doc.md", "0123456789"));
    QVERIFY(makeLink("store/doc.md", dir.path() + "/linked.md"));
    QVERIFY(writeFile(dir.path(), ".docragignore", "store/\n"));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    const QString root = canonical(dir.path());
    QCOMPARE(relativeFiles(*result, root), QStringList{"linked.md"});
    QCOMPARE(result->files[0].size, 10);
}

void TestFileScanner::symlinkLoopTerminates() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "a/doc.md"));
    QVERIFY(makeLink("..", dir.path() + "/a/up"));
    QVERIFY(makeLink(dir.path() + "/a", dir.path() + "/a/again"));
    QVERIFY(makeLink("self", dir.path() + "/self"));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    const QString root = canonical(dir.path());
    QCOMPARE(relativeFiles(*result, root), QStringList{"a/doc.md"});
    QCOMPARE(skippedEntries(*result, root),
             (QStringList{"a/again: symbolic link to a directory, not followed",
                          "a/up: symbolic link to a directory, not followed", "self: broken symbolic link"}));
}

void TestFileScanner::brokenSymlinkIsSkipped() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "ok.md"));
    QVERIFY(makeLink("gone.md", dir.path() + "/dangling.md"));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    const QString root = canonical(dir.path());
    QCOMPARE(relativeFiles(*result, root), QStringList{"ok.md"});
    QCOMPARE(result->skipped.size(), size_t(1));
    QCOMPARE(result->skipped[0].path, root + "/dangling.md");
    QCOMPARE(result->skipped[0].reason, QStringLiteral("broken symbolic link"));
}

void TestFileScanner::ignoredBrokenSymlinkIsNotReported() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "ok.md"));
    QVERIFY(makeLink("gone", dir.path() + "/.#ok.md"));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    QCOMPARE(relativeFiles(*result, canonical(dir.path())), QStringList{"ok.md"});
    QVERIFY(result->skipped.empty());
}

void TestFileScanner::fifoIsSkipped() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "ok.md"));
    QCOMPARE(::mkfifo(QFile::encodeName(dir.path() + "/pipe").constData(), 0600), 0);

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(result.ok());
    const QString root = canonical(dir.path());
    QCOMPARE(relativeFiles(*result, root), QStringList{"ok.md"});
    QCOMPARE(skippedEntries(*result, root), QStringList{"pipe: not a regular file (socket, FIFO or device)"});
}

void TestFileScanner::unreadableDirectoryIsSkipped() {
    if (::geteuid() == 0) {
        // Root reads every directory, so run this case again as an unprivileged user rather than skip it.
        QProcess child;
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QStringLiteral("setpriv"),
                    {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                     QStringLiteral("--clear-groups"), QCoreApplication::applicationFilePath(),
                     QStringLiteral("unreadableDirectoryIsSkipped")});
        QVERIFY2(child.waitForFinished(60000), "setpriv did not finish");
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestFileScanner::unreadableDirectoryIsSkipped()"),
                 output.constData());
        return;
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "ok.md"));
    QVERIFY(writeFile(dir.path(), "locked/secret.md"));
    const QString locked = dir.path() + "/locked";
    QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));

    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({dir.path()});
    QVERIFY(QFile::setPermissions(locked,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    QVERIFY(result.ok());
    const QString root = canonical(dir.path());
    QCOMPARE(relativeFiles(*result, root), QStringList{"ok.md"});
    QCOMPARE(skippedEntries(*result, root), QStringList{"locked: unreadable directory"});
}

void TestFileScanner::stopRequestCancels() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "a.md"));
    std::stop_source source;
    const FileScanner scanner(ScanOptions{});

    const Result<ScanResult> before = scanner.scan({dir.path()}, source.get_token());
    QVERIFY(before.ok());
    QCOMPARE(before->files.size(), size_t(1));

    source.request_stop();
    const Result<ScanResult> after = scanner.scan({dir.path()}, source.get_token());
    QVERIFY(!after.ok());
    QCOMPARE(after.error().code, ErrorCode::Cancelled);
    QCOMPARE(after.error().message, QStringLiteral("scan cancelled"));
}

void TestFileScanner::emptyRootListGivesEmptyResult() {
    const Result<ScanResult> result = FileScanner(ScanOptions{}).scan({});
    QVERIFY(result.ok());
    QVERIFY(result->files.empty());
    QVERIFY(result->skipped.empty());
    QVERIFY(result->roots.isEmpty());
}

void TestFileScanner::excludedDirsAreNotEntered() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.path(), "docs/a.md"));
    QVERIFY(writeFile(dir.path(), "data/docrag.sqlite3"));
    QVERIFY(writeFile(dir.path(), "data/logs/docrag.log"));
    QVERIFY(writeFile(dir.path(), "other/data/kept.md"));
    ScanOptions options;
    options.excludedDirs = {dir.path() + QStringLiteral("/data/")};
    const auto result = FileScanner(options).scan({dir.path()});
    QVERIFY(result.ok());
    QCOMPARE(relativeFiles(*result, canonical(dir.path())), (QStringList{"docs/a.md", "other/data/kept.md"}));
    QVERIFY(result->skipped.empty());
}

QTEST_GUILESS_MAIN(TestFileScanner)
#include "test_file_scanner.moc"

// A watcher's changes: only the changed file and folder are listed, ignore files on the way to them
// still apply, and a path that is gone is simply not there.
void TestFileScanner::onlyUnderLooksAtTheChangesAlone() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char* path : {"a.md", "guide/b.md", "guide/c.md", "guide/new/d.md", "guide/new/e.md",
                             "other/f.md", "guide/drafts/g.md"})
        QVERIFY(writeFile(dir.path(), path));
    QVERIFY(writeFile(dir.path(), "guide/.gitignore", "drafts/\n"));
    const QString root = canonical(dir.path());

    ScanOptions options;
    options.onlyUnder = {root + "/guide/b.md", root + "/guide/new", root + "/guide/drafts/g.md",
                         root + "/gone.md"};
    const Result<ScanResult> result = FileScanner(options).scan({dir.path()});
    QVERIFY(result.ok());
    QCOMPARE(result->roots, QStringList{root});
    QCOMPARE(relativeFiles(*result, root), (QStringList{"guide/b.md", "guide/new/d.md", "guide/new/e.md"}));

    options.onlyUnder = {root + "/other/"};
    const Result<ScanResult> trailing = FileScanner(options).scan({dir.path()});
    QVERIFY(trailing.ok());
    QCOMPARE(relativeFiles(*trailing, root), QStringList{"other/f.md"});
}
