#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace docrag {

// Ignore patterns with the semantics of git's .gitignore (https://git-scm.com/docs/gitignore).
// isIgnored() judges a path on its own: like git, a file inside an excluded directory cannot be re-included,
// and callers get that behaviour by not descending into ignored directories (FileScanner prunes them).
// Patterns are compiled once when added; matching allocates nothing. Copies are cheap (patterns are shared),
// so a walker can extend a copy for each subdirectory that brings its own ignore file.
class IgnoreRules final {
public:
    // `lines` as read from an ignore file located in `baseDir` (relative to the scan root, "" for the root
    // itself, '/'-separated, no trailing slash). Blank lines and '#' comments ignored; "\#" and "\!" escapes;
    // trailing unescaped spaces trimmed (and a trailing '\r', as git does); '!' negates; a trailing '/'
    // matches directories only; a pattern with a '/' at the start or middle is relative to baseDir, otherwise
    // it matches a name at any depth below baseDir; '*', '?', '[a-z]' / '[!a-z]' classes, '**/', '/**',
    // '/**/'. A malformed pattern (unterminated '[', trailing lone '\', unknown [:class:]) never matches, as
    // in git.
    void addPatterns(const QString& baseDir, const QStringList& lines);

    // relPath: relative to the scan root, '/'-separated. The last matching pattern wins.
    bool isIgnored(const QString& relPath, bool isDir) const;

    bool isEmpty() const { return m_patterns.empty(); }

    // Build output, dependency and VCS folders and hidden files that never hold documentation a user wants.
    // Users re-include with "!pattern" in .docragignore.
    static QStringList defaultExcludes();

private:
    struct Pattern; // compiled form, defined in the .cpp

    std::vector<std::shared_ptr<const Pattern>> m_patterns;
};

} // namespace docrag
