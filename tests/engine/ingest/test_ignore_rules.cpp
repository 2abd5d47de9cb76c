#include "engine/ingest/ignore_rules.h"

#include <QTest>

using namespace docrag;

namespace {

bool ignoredBy(const QStringList& patterns, const QString& path, bool isDir) {
    IgnoreRules rules;
    rules.addPatterns(QString(), patterns);
    return rules.isIgnored(path, isDir);
}

} // namespace

class TestIgnoreRules final : public QObject {
    Q_OBJECT

private slots:
    void rootPatterns_data();
    void rootPatterns();
    void patternsOfASubdirectory_data();
    void patternsOfASubdirectory();
    void deeperIgnoreFileOverridesParent();
    void judgesThePathAloneNotItsParents();
    void emptyRulesIgnoreNothing();
    void rootPathIsNeverIgnored();
    void defaultExcludesList();
    void defaultExcludes_data();
    void defaultExcludes();
    void defaultsCanBeReIncluded();
    void copiesAreIndependent();
};

void TestIgnoreRules::rootPatterns_data() {
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isDir");
    QTest::addColumn<bool>("ignored");

    const auto row = [](const char* name, const QStringList& patterns, const QString& path, bool isDir,
                        bool ignored) { QTest::newRow(name) << patterns << path << isDir << ignored; };

    // Blank lines, comments and escapes.
    row("blank line matches nothing", {"", "   "}, "a.md", false, false);
    row("comment is not a pattern", {"# notes.md"}, "# notes.md", false, false);
    row("comment with leading space is a pattern", {" #x"}, " #x", false, true);
    row("escaped hash", {"\\#notes.md"}, "#notes.md", false, true);
    row("escaped bang is literal", {"\\!important.md"}, "!important.md", false, true);
    row("escaped bang does not negate", {"*.md", "\\!important.md"}, "important.md", false, true);
    row("backslash escapes a glob char", {"what\\?.md"}, "what?.md", false, true);
    row("escaped glob char is literal", {"what\\?.md"}, "whatx.md", false, false);
    row("trailing lone backslash never matches", {"foo\\"}, "foo", false, false);
    row("trailing lone backslash never matches itself", {"foo\\"}, "foo\\", false, false);

    // Trailing spaces.
    row("trailing spaces trimmed", {"foo.md   "}, "foo.md", false, true);
    row("trimmed pattern does not match name with space", {"foo.md   "}, "foo.md ", false, false);
    row("escaped trailing space kept", {"foo\\ "}, "foo ", false, true);
    row("escaped trailing space needs the space", {"foo\\ "}, "foo", false, false);
    row("only last escaped space kept", {"foo\\  "}, "foo ", false, true);
    row("leading spaces kept", {"  foo"}, "foo", false, false);
    row("leading spaces match", {"  foo"}, "  foo", false, true);
    row("tab is not trimmed", {"foo\t"}, "foo", false, false);
    row("carriage return stripped", {"foo.md\r"}, "foo.md", false, true);
    row("dir-only with trailing space", {"logs/ "}, "logs", true, true);

    // Negation: the last matching pattern wins.
    row("negation after exclusion re-includes", {"*.md", "!README.md"}, "README.md", false, false);
    row("negation leaves others excluded", {"*.md", "!README.md"}, "CHANGES.md", false, true);
    row("exclusion after negation wins", {"!README.md", "*.md"}, "README.md", false, true);
    row("negation alone ignores nothing", {"!README.md"}, "README.md", false, false);
    row("re-exclude after negation", {"*.md", "!*.md", "b.md"}, "b.md", false, true);
    row("bare bang is empty", {"!"}, "!", false, false);
    row("bare slash is empty", {"/"}, "a", true, false);
    row("negated dir-only keeps dirs", {"*", "!*/"}, "docs", true, false);
    row("negated dir-only still excludes files", {"*", "!*/"}, "docs", false, true);

    // Directory-only patterns.
    row("dir-only matches a directory", {"logs/"}, "logs", true, true);
    row("dir-only does not match a file", {"logs/"}, "logs", false, false);
    row("dir-only floats", {"logs/"}, "a/b/logs", true, true);
    row("dir-only with middle slash anchored", {"doc/logs/"}, "doc/logs", true, true);
    row("dir-only with middle slash not floating", {"doc/logs/"}, "x/doc/logs", true, false);
    row("double trailing slash never matches", {"logs//"}, "logs", true, false);

    // Anchored versus floating.
    row("leading slash anchors", {"/todo.md"}, "todo.md", false, true);
    row("leading slash not below", {"/todo.md"}, "sub/todo.md", false, false);
    row("middle slash anchors", {"doc/frotz"}, "doc/frotz", false, true);
    row("middle slash not below", {"doc/frotz"}, "a/doc/frotz", false, false);
    row("no slash floats", {"frotz"}, "a/doc/frotz", true, true);
    row("no slash matches the name only", {"frotz"}, "frotz/a", false, false);
    row("anchored star stays in its segment", {"doc/*.md"}, "doc/a.md", false, true);
    row("anchored star does not cross a slash", {"doc/*.md"}, "doc/sub/a.md", false, false);
    row("star alone after slash", {"a/*"}, "a/b", true, true);
    row("star after slash one level", {"a/*"}, "a/b/c", false, false);
    row("star before slash", {"*/b.md"}, "a/b.md", false, true);
    row("star before slash one level", {"*/b.md"}, "x/a/b.md", false, false);
    row("leading slash with glob", {"/*.md"}, "a.md", false, true);
    row("leading slash with glob not below", {"/*.md"}, "d/a.md", false, false);
    row("escaped slash counts as slash", {"doc\\/a.md"}, "doc/a.md", false, true);

    // '*' and '?'.
    row("star suffix", {"*.min.js"}, "lib/app.min.js", false, true);
    row("star suffix needs the suffix", {"*.min.js"}, "lib/app.js", false, false);
    row("star matches empty", {"*.md"}, ".md", false, true);
    row("star in the middle", {"a*z"}, "abcz", false, true);
    row("star in the middle empty", {"a*z"}, "az", false, true);
    row("several stars", {"a*b*c"}, "aXbYbc", false, true);
    row("several stars no match", {"a*b*c"}, "aXbYcb", false, false);
    row("question mark one char", {"file?.md"}, "file1.md", false, true);
    row("question mark not two", {"file?.md"}, "file10.md", false, false);
    row("question mark not zero", {"file?.md"}, "file.md", false, false);
    row("question mark not a slash", {"x/a?b"}, "x/a/b", false, false);
    row("question mark takes a surrogate pair", {"?.md"}, QString::fromUtf8("\xF0\x9F\x93\x9D.md"), false,
        true);
    row("matching is case sensitive", {"*.MD"}, "a.md", false, false);

    // Bracket expressions.
    row("range", {"[a-c]*.md"}, "b.md", false, true);
    row("range excludes", {"[a-c]*.md"}, "d.md", false, false);
    row("negated range with bang", {"[!a-c].md"}, "d.md", false, true);
    row("negated range with bang excludes", {"[!a-c].md"}, "b.md", false, false);
    row("negated range with caret", {"[^a-c].md"}, "b.md", false, false);
    row("set of chars", {"v[13].txt"}, "v3.txt", false, true);
    row("set of chars excludes", {"v[13].txt"}, "v2.txt", false, false);
    row("closing bracket first is a member", {"[]]x"}, "]x", false, true);
    row("closing bracket after bang is a member", {"[!]]x"}, "]x", false, false);
    row("dash at the end is a member", {"[a-]x"}, "-x", false, true);
    row("dash at the start is a member", {"[-a]x"}, "-x", false, true);
    row("escaped bracket member", {"[\\]]x"}, "]x", false, true);
    row("posix digit", {"[[:digit:]]x"}, "5x", false, true);
    row("posix digit excludes", {"[[:digit:]]x"}, "ax", false, false);
    row("posix upper with range", {"[[:upper:]0-1]"}, "0", false, true);
    row("class never matches slash", {"a[/]b"}, "a/b", false, false);
    row("negated class never matches slash", {"a[!x]b"}, "a/b", false, false);
    row("unterminated class never matches", {"[x"}, "[x", false, false);
    row("unknown posix class never matches", {"[[:foo:]]"}, "f", false, false);
    row("bracket colon without close is a member", {"[[:a]x"}, ":x", false, true);

    // '**'.
    row("leading globstar matches at top", {"**/foo"}, "foo", true, true);
    row("leading globstar matches deep", {"**/foo"}, "a/b/foo", false, true);
    row("leading globstar needs whole name", {"**/foo"}, "a/xfoo", false, false);
    row("leading globstar two segments top", {"**/foo/bar"}, "foo/bar", false, true);
    row("leading globstar two segments deep", {"**/foo/bar"}, "x/y/foo/bar", false, true);
    row("leading globstar two segments partial", {"**/foo/bar"}, "foo/x/bar", false, false);
    row("trailing globstar inside", {"abc/**"}, "abc/x", false, true);
    row("trailing globstar deep", {"abc/**"}, "abc/x/y", false, true);
    row("trailing globstar not the dir itself", {"abc/**"}, "abc", true, false);
    row("trailing globstar anchored", {"abc/**"}, "z/abc/x", false, false);
    row("middle globstar zero dirs", {"a/**/b"}, "a/b", false, true);
    row("middle globstar one dir", {"a/**/b"}, "a/x/b", false, true);
    row("middle globstar many dirs", {"a/**/b"}, "a/x/y/b", false, true);
    row("middle globstar needs whole name", {"a/**/b"}, "a/xb", false, false);
    row("middle globstar anchored", {"a/**/b"}, "z/a/x/b", false, false);
    row("globstar alone matches everything", {"**"}, "a/b/c", false, true);
    row("other double star is a star", {"foo**bar"}, "fooxbar", false, true);
    row("other double star does not cross", {"a/foo**bar"}, "a/foo/bar", false, false);
    row("double star before dot is a star", {"**.md"}, "a/b.md", false, true);
    row("triple star is a globstar", {"a/***/b"}, "a/x/y/b", false, true);
    row("globstar then star", {"docs/**/*.md"}, "docs/a/b/c.md", false, true);
    row("globstar then star at top", {"docs/**/*.md"}, "docs/c.md", false, true);
    row("globstar then star wrong ext", {"docs/**/*.md"}, "docs/a/c.txt", false, false);
}

void TestIgnoreRules::rootPatterns() {
    QFETCH(QStringList, patterns);
    QFETCH(QString, path);
    QFETCH(bool, isDir);
    QFETCH(bool, ignored);
    QCOMPARE(ignoredBy(patterns, path, isDir), ignored);
}

void TestIgnoreRules::patternsOfASubdirectory_data() {
    QTest::addColumn<QString>("baseDir");
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("ignored");

    QTest::newRow("floating below") << "sub" << QStringList{"*.tmp"} << "sub/x.tmp" << true;
    QTest::newRow("floating deep below") << "sub" << QStringList{"*.tmp"} << "sub/deep/x.tmp" << true;
    QTest::newRow("floating not outside") << "sub" << QStringList{"*.tmp"} << "x.tmp" << false;
    QTest::newRow("floating not in a sibling with the same prefix")
        << "sub" << QStringList{"*.tmp"} << "subx/x.tmp" << false;
    QTest::newRow("directory itself is out of reach") << "sub" << QStringList{"*"} << "sub" << false;
    QTest::newRow("leading slash relative to base")
        << "sub" << QStringList{"/only.md"} << "sub/only.md" << true;
    QTest::newRow("leading slash not deeper")
        << "sub" << QStringList{"/only.md"} << "sub/deep/only.md" << false;
    QTest::newRow("middle slash relative to base")
        << "sub" << QStringList{"deep/x.md"} << "sub/deep/x.md" << true;
    QTest::newRow("middle slash not from root") << "sub" << QStringList{"deep/x.md"} << "deep/x.md" << false;
    QTest::newRow("nested base") << "a/b" << QStringList{"/c.md"} << "a/b/c.md" << true;
    QTest::newRow("nested base globstar") << "a/b" << QStringList{"**/c.md"} << "a/b/x/y/c.md" << true;
    QTest::newRow("nested base globstar outside") << "a/b" << QStringList{"**/c.md"} << "a/c.md" << false;
}

void TestIgnoreRules::patternsOfASubdirectory() {
    QFETCH(QString, baseDir);
    QFETCH(QStringList, patterns);
    QFETCH(QString, path);
    QFETCH(bool, ignored);
    IgnoreRules rules;
    rules.addPatterns(baseDir, patterns);
    QCOMPARE(rules.isIgnored(path, false), ignored);
}

void TestIgnoreRules::deeperIgnoreFileOverridesParent() {
    IgnoreRules rules;
    rules.addPatterns(QString(), {"*.md", "!keep-everywhere.md"});
    rules.addPatterns("sub", {"!keep.md", "keep-everywhere.md"});
    QVERIFY(rules.isIgnored("keep.md", false));
    QVERIFY(!rules.isIgnored("sub/keep.md", false));
    QVERIFY(!rules.isIgnored("sub/deeper/keep.md", false));
    QVERIFY(rules.isIgnored("sub/other.md", false));
    QVERIFY(!rules.isIgnored("keep-everywhere.md", false));
    QVERIFY(rules.isIgnored("sub/keep-everywhere.md", false));
    QVERIFY(!rules.isIgnored("other/keep-everywhere.md", false));
}

void TestIgnoreRules::judgesThePathAloneNotItsParents() {
    // Git cannot re-include a file below an excluded directory; the scanner gets that by pruning, so the
    // rules themselves only look at the path they are given.
    IgnoreRules rules;
    rules.addPatterns(QString(), {"build/", "!build/keep.md"});
    QVERIFY(rules.isIgnored("build", true));
    QVERIFY(!rules.isIgnored("build/keep.md", false));
    QVERIFY(!rules.isIgnored("build/other.md", false));
}

void TestIgnoreRules::emptyRulesIgnoreNothing() {
    IgnoreRules rules;
    QVERIFY(rules.isEmpty());
    QVERIFY(!rules.isIgnored(".git", true));
    rules.addPatterns(QString(), {"", "# only comments", "   "});
    QVERIFY(rules.isEmpty());
}

void TestIgnoreRules::rootPathIsNeverIgnored() {
    IgnoreRules rules;
    rules.addPatterns(QString(), {"*", "**"});
    QVERIFY(!rules.isIgnored(QString(), true));
    QVERIFY(rules.isIgnored("a", true));
}

void TestIgnoreRules::defaultExcludesList() {
    const QStringList expected = {
        ".*",
        "node_modules/",
        "__pycache__/",
        "bower_components/",
        "build/",
        "dist/",
        "target/",
        "_build/",
        "site-packages/",
        "venv/",
        "*.min.js",
        "*.min.css",
        "*.map",
        "*.lock",
        "package-lock.json",
        "_static/",
        "_sources/",
        "_images/",
        "*.qhp",
        "*.qhp.sha1",
        "*.index",
        "examples-manifest.xml",
    };
    QCOMPARE(IgnoreRules::defaultExcludes(), expected);
}

void TestIgnoreRules::defaultExcludes_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isDir");
    QTest::addColumn<bool>("ignored");

    QTest::newRow(".git") << ".git" << true << true;
    QTest::newRow(".gitignore") << ".gitignore" << false << true;
    QTest::newRow("nested .venv") << "py/.venv" << true << true;
    QTest::newRow("hidden file deep") << "a/b/.DS_Store" << false << true;
    QTest::newRow("node_modules") << "web/node_modules" << true << true;
    QTest::newRow("__pycache__") << "pkg/__pycache__" << true << true;
    QTest::newRow("bower_components") << "bower_components" << true << true;
    QTest::newRow("build dir") << "docs/build" << true << true;
    QTest::newRow("build file kept") << "docs/build" << false << false;
    QTest::newRow("dist") << "dist" << true << true;
    QTest::newRow("target") << "target" << true << true;
    QTest::newRow("_build") << "docs/_build" << true << true;
    QTest::newRow("site-packages") << "lib/site-packages" << true << true;
    QTest::newRow("venv") << "venv" << true << true;
    QTest::newRow("min.js") << "js/app.min.js" << false << true;
    QTest::newRow("plain js kept") << "js/app.js" << false << false;
    QTest::newRow("min.css") << "app.min.css" << false << true;
    QTest::newRow("source map") << "app.js.map" << false << true;
    QTest::newRow("lock file") << "Cargo.lock" << false << true;
    QTest::newRow("package-lock.json") << "web/package-lock.json" << false << true;
    QTest::newRow("package.json kept") << "web/package.json" << false << false;
    QTest::newRow("_static") << "html/_static" << true << true;
    QTest::newRow("_sources") << "html/_sources" << true << true;
    QTest::newRow("_images") << "_images" << true << true;
    QTest::newRow("qdoc index") << "qtcore/qtcore.index" << false << true;
    QTest::newRow("qdoc help project") << "qtcore/qtcore.qhp" << false << true;
    QTest::newRow("qdoc help project hash") << "qtcore/qtcore.qhp.sha1" << false << true;
    QTest::newRow("qdoc examples manifest") << "qtcore/examples-manifest.xml" << false << true;
    QTest::newRow("other xml kept") << "qtcore/sitemap.xml" << false << false;
    QTest::newRow("html page kept") << "html/library/os.html" << false << false;
    QTest::newRow("searchindex kept") << "html/searchindex.js" << false << false;
    QTest::newRow("markdown kept") << "docs/guide/intro.md" << false << false;
}

void TestIgnoreRules::defaultExcludes() {
    QFETCH(QString, path);
    QFETCH(bool, isDir);
    QFETCH(bool, ignored);
    IgnoreRules rules;
    rules.addPatterns(QString(), IgnoreRules::defaultExcludes());
    QCOMPARE(rules.isIgnored(path, isDir), ignored);
}

void TestIgnoreRules::defaultsCanBeReIncluded() {
    IgnoreRules rules;
    rules.addPatterns(QString(), IgnoreRules::defaultExcludes());
    rules.addPatterns(QString(), {"!_static/", "!.github/"});
    QVERIFY(!rules.isIgnored("html/_static", true));
    QVERIFY(!rules.isIgnored(".github", true));
    QVERIFY(rules.isIgnored(".git", true));
    QVERIFY(rules.isIgnored("html/_sources", true));
}

void TestIgnoreRules::copiesAreIndependent() {
    IgnoreRules parent;
    parent.addPatterns(QString(), {"*.tmp"});
    IgnoreRules child = parent;
    child.addPatterns("sub", {"*.md"});
    QVERIFY(child.isIgnored("sub/a.md", false));
    QVERIFY(child.isIgnored("sub/a.tmp", false));
    QVERIFY(!parent.isIgnored("sub/a.md", false));
    QVERIFY(parent.isIgnored("sub/a.tmp", false));
}

QTEST_GUILESS_MAIN(TestIgnoreRules)
#include "test_ignore_rules.moc"
