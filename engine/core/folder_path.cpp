#include "engine/core/folder_path.h"

#include <algorithm>

namespace docrag {

bool FolderPath::holds(const QString& folder, const QString& path) {
    if (!path.startsWith(folder))
        return false;
    // A root such as "/" ends with the separator already.
    return path.size() == folder.size() || folder.endsWith(u'/') || path[folder.size()] == u'/';
}

bool FolderPath::anyHolds(const QStringList& folders, const QString& path) {
    return std::any_of(folders.begin(), folders.end(),
                       [&](const QString& folder) { return holds(folder, path); });
}

} // namespace docrag
