#pragma once

#include "engine/core/result.h"

#include <QString>
#include <QStringList>

#include <stop_token>
#include <vector>

namespace docrag {

struct ScanOptions final {
    bool useDefaultExcludes = true;
    QStringList extraExcludes; // gitignore-style patterns relative to each root, applied after the defaults
    QStringList excludedDirs;  // absolute folders never entered, e.g. DocRag's own data directory
    // Glob patterns on file names ("*.md", "guide-?.rst"; '*', '?' and [...] classes, case-insensitive);
    // empty: every file. They select files only: directories are still walked, and a root given as a
    // single file is always taken.
    QStringList includePatterns;
    // Absolute paths (files or folders, present or gone) that changed: when not empty, the scan looks only
    // at them and at the folders that lead to them, so a change costs what it touches, not the whole
    // root, and ignore files on the way still apply. Empty: everything under the roots.
    QStringList onlyUnder;
};

struct ScannedFile final {
    QString path; // absolute, cleaned ('/' separators); symlinks of the root resolved (canonical root)
    qint64 size = 0;
    qint64 mtimeMs = 0; // QFileInfo::lastModified().toMSecsSinceEpoch()
};

// Something the scan saw but could not list: unreadable directory, broken symlink, special file, symlink to a
// directory (not followed).
struct ScanSkip final {
    QString path;
    QString reason;
};

struct ScanResult final {
    std::vector<ScannedFile> files; // sorted by path, no duplicates
    std::vector<ScanSkip> skipped;  // sorted by path
    QStringList roots;              // canonical, each once
    QStringList folders;            // every folder walked (ignored and excluded ones are not), sorted
};

// Lists the files of a collection's roots, honouring ignore files and the default excludes.
class FileScanner final {
public:
    explicit FileScanner(ScanOptions options);

    // Each root may be a directory (walked recursively) or a single file (taken as is, never ignored).
    // A root that does not exist → Error{ErrorCode::NotFound, "no such file or directory: PATH"}.
    // Honours .gitignore and .docragignore in every directory (their patterns apply to that directory's
    // subtree, .docragignore after .gitignore so it can override), the default excludes, and extraExcludes
    // (order of precedence, lowest first: defaults, extraExcludes, ignore files from the root downwards).
    // Ignored directories are not descended into. Symlinked directories are not followed (cycles);
    // symlinked files are listed under their link path; broken links and sockets/fifos go to `skipped`.
    // includePatterns then keep only the files whose names match one of them.
    // Files under overlapping roots are listed once. Checks `stop` between directories and returns
    // Error{ErrorCode::Cancelled, ...} when stop is requested.
    Result<ScanResult> scan(const QStringList& roots, std::stop_token stop = {}) const;

private:
    ScanOptions m_options;
};

} // namespace docrag
