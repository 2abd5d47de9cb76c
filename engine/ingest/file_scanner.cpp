#include "engine/ingest/file_scanner.h"

#include "engine/core/folder_path.h"
#include "engine/ingest/ignore_rules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <memory>
#include <utility>

namespace docrag {
namespace {

const QString kGitIgnore = QStringLiteral(".gitignore");
const QString kDocragIgnore = QStringLiteral(".docragignore");

const QString kUnreadableDirectory = QStringLiteral("unreadable directory");
const QString kBrokenSymlink = QStringLiteral("broken symbolic link");
const QString kDirectorySymlink = QStringLiteral("symbolic link to a directory, not followed");
const QString kSpecialFile = QStringLiteral("not a regular file (socket, FIFO or device)");

// ScanOptions::includePatterns, compiled once per scan.
class NameFilter final {
public:
    explicit NameFilter(const QStringList& patterns) {
        for (const QString& pattern : patterns) {
            const QString trimmed = pattern.trimmed();
            if (trimmed.isEmpty())
                continue;
            QRegularExpression re = QRegularExpression::fromWildcard(trimmed, Qt::CaseInsensitive);
            re.optimize();
            // Set even for a malformed glob: it selects nothing rather than everything.
            m_active = true;
            if (re.isValid())
                m_patterns.push_back(std::move(re));
        }
    }

    bool accepts(const QString& fileName) const {
        if (!m_active)
            return true;
        return std::any_of(m_patterns.begin(), m_patterns.end(),
                           [&](const QRegularExpression& re) { return re.match(fileName).hasMatch(); });
    }

private:
    std::vector<QRegularExpression> m_patterns;
    bool m_active = false;
};

struct WalkContext final {
    const QStringList& excludedDirs;
    const NameFilter& includes;
    const QStringList& onlyUnder;

    // Whether the scan looks at `path`: everything, or what changed and the folders that lead to it.
    bool wanted(const QString& path, bool isDir) const {
        if (onlyUnder.isEmpty() || FolderPath::anyHolds(onlyUnder, path))
            return true;
        return isDir && std::any_of(onlyUnder.begin(), onlyUnder.end(),
                                    [&](const QString& changed) { return FolderPath::holds(path, changed); });
    }
};

struct DirFrame final {
    QString absPath;
    QString relPath; // "" for the root
    // Shared down the tree; a directory with its own ignore file gets an extended copy.
    std::shared_ptr<const IgnoreRules> rules;
};

QString joined(const QString& dir, const QString& name) {
    if (dir.isEmpty())
        return name;
    return dir.endsWith(u'/') ? dir + name : dir + u'/' + name;
}

ScannedFile scannedFile(QString path, const QFileInfo& info) {
    return ScannedFile{std::move(path), info.size(), info.lastModified().toMSecsSinceEpoch()};
}

QStringList readLines(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n');
}

IgnoreRules rootRules(const ScanOptions& options) {
    IgnoreRules rules;
    if (options.useDefaultExcludes)
        rules.addPatterns(QString(), IgnoreRules::defaultExcludes());
    rules.addPatterns(QString(), options.extraExcludes);
    return rules;
}

std::shared_ptr<const IgnoreRules> rulesFor(const DirFrame& frame, const QFileInfoList& entries) {
    bool hasGitIgnore = false;
    bool hasDocragIgnore = false;
    for (const QFileInfo& entry : entries) {
        const QString name = entry.fileName();
        hasGitIgnore = hasGitIgnore || (name == kGitIgnore && entry.isFile());
        hasDocragIgnore = hasDocragIgnore || (name == kDocragIgnore && entry.isFile());
    }
    if (!hasGitIgnore && !hasDocragIgnore)
        return frame.rules;
    auto rules = std::make_shared<IgnoreRules>(*frame.rules);
    // .docragignore comes last so that it can re-include what .gitignore excludes.
    if (hasGitIgnore)
        rules->addPatterns(frame.relPath, readLines(joined(frame.absPath, kGitIgnore)));
    if (hasDocragIgnore)
        rules->addPatterns(frame.relPath, readLines(joined(frame.absPath, kDocragIgnore)));
    return rules;
}

void visitEntry(const QFileInfo& info, const DirFrame& frame, const std::shared_ptr<const IgnoreRules>& rules,
                const WalkContext& context, std::vector<DirFrame>& pending, ScanResult& result) {
    const QString name = info.fileName();
    const QString relPath = joined(frame.relPath, name);
    const bool exists = info.exists(); // false for a broken or looping symlink
    const bool isDir = exists && info.isDir();
    if (rules->isIgnored(relPath, isDir))
        return;
    // Whatever is not a directory (broken links and special files too) is reported only when it is
    // something the user asked for.
    if (!isDir && !context.includes.accepts(name))
        return;
    QString absPath = joined(frame.absPath, name);
    if (!context.wanted(absPath, isDir))
        return;
    const bool isSymlink = info.isSymbolicLink();
    if (!exists) {
        // Anything else vanished between listing and stat: nothing to report.
        if (isSymlink)
            result.skipped.push_back({std::move(absPath), kBrokenSymlink});
    } else if (isDir && isSymlink) {
        result.skipped.push_back({std::move(absPath), kDirectorySymlink});
    } else if (isDir) {
        if (!context.excludedDirs.contains(absPath))
            pending.push_back({std::move(absPath), relPath, rules});
    } else if (info.isFile()) {
        result.files.push_back(scannedFile(std::move(absPath), info));
    } else {
        result.skipped.push_back({std::move(absPath), kSpecialFile});
    }
}

void scanDirectory(const DirFrame& frame, const WalkContext& context, std::vector<DirFrame>& pending,
                   ScanResult& result) {
    const QFileInfo dirInfo(frame.absPath);
    // QDir lists an unreadable directory as empty; ask first so that the user learns why it is missing.
    if (!dirInfo.isReadable() || !dirInfo.isExecutable()) {
        result.skipped.push_back({frame.absPath, kUnreadableDirectory});
        return;
    }
    result.folders << frame.absPath;
    const QFileInfoList entries =
        QDir(frame.absPath)
            .entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                           QDir::Unsorted);
    const std::shared_ptr<const IgnoreRules> rules = rulesFor(frame, entries);
    for (const QFileInfo& entry : entries)
        visitEntry(entry, frame, rules, context, pending, result);
}

Status walk(const QString& root, std::shared_ptr<const IgnoreRules> rules, const WalkContext& context,
            const std::stop_token& stop, ScanResult& result) {
    std::vector<DirFrame> pending;
    pending.push_back({root, QString(), std::move(rules)});
    while (!pending.empty()) {
        if (stop.stop_requested())
            return Error{ErrorCode::Cancelled, QStringLiteral("scan cancelled")};
        const DirFrame frame = std::move(pending.back());
        pending.pop_back();
        scanDirectory(frame, context, pending, result);
    }
    return {};
}

template <typename T> void sortUniqueByPath(std::vector<T>& items) {
    const auto byPath = [](const T& a, const T& b) { return a.path < b.path; };
    const auto samePath = [](const T& a, const T& b) { return a.path == b.path; };
    std::sort(items.begin(), items.end(), byPath);
    items.erase(std::unique(items.begin(), items.end(), samePath), items.end());
}

} // namespace

FileScanner::FileScanner(ScanOptions options)
    : m_options(std::move(options)) {}

Result<ScanResult> FileScanner::scan(const QStringList& roots, std::stop_token stop) const {
    ScanResult result;
    for (const QString& root : roots) {
        const QFileInfo info(root);
        if (!info.exists())
            return Error{ErrorCode::NotFound, QStringLiteral("no such file or directory: %1").arg(root)};
        const QString canonical = info.canonicalFilePath();
        if (!result.roots.contains(canonical))
            result.roots.append(canonical);
    }

    const auto rules = std::make_shared<const IgnoreRules>(rootRules(m_options));
    QStringList excludedDirs;
    for (const QString& dir : m_options.excludedDirs) {
        if (const QString canonical = QFileInfo(dir).canonicalFilePath(); !canonical.isEmpty())
            excludedDirs << canonical;
    }
    const NameFilter includes(m_options.includePatterns);
    QStringList onlyUnder;
    for (const QString& path : m_options.onlyUnder)
        onlyUnder << QDir::cleanPath(path);
    const WalkContext context{excludedDirs, includes, onlyUnder};
    for (const QString& root : std::as_const(result.roots)) {
        const QFileInfo info(root);
        if (!context.wanted(root, info.isDir()))
            continue;
        if (info.isDir()) {
            const Status walked = walk(root, rules, context, stop, result);
            if (!walked)
                return walked.error();
        } else if (info.isFile()) {
            result.files.push_back(scannedFile(root, info));
        } else {
            result.skipped.push_back({root, kSpecialFile});
        }
    }
    sortUniqueByPath(result.files);
    sortUniqueByPath(result.skipped);
    result.folders.sort();
    result.folders.removeDuplicates();
    return result;
}

} // namespace docrag
