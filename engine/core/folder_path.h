#pragma once

#include <QString>
#include <QStringList>

namespace docrag {

// Whether a path is a folder or lies under it, by the text of cleaned absolute paths ('/' separators):
// "/d/guide" holds "/d/guide" and "/d/guide/a.md", not "/d/guide-2". Nothing is read from disk.
class FolderPath final {
public:
    static bool holds(const QString& folder, const QString& path);
    static bool anyHolds(const QStringList& folders, const QString& path);
};

} // namespace docrag
