#include "engine/ingest/ingest_report.h"

#include <algorithm>

namespace docrag {

QString fileOutcomeName(FileOutcome outcome) {
    switch (outcome) {
    case FileOutcome::Indexed:
        return QStringLiteral("indexed");
    case FileOutcome::Unchanged:
        return QStringLiteral("unchanged");
    case FileOutcome::Skipped:
        return QStringLiteral("skipped");
    case FileOutcome::Failed:
        return QStringLiteral("failed");
    case FileOutcome::Removed:
        break;
    }
    return QStringLiteral("removed");
}

int IngestReport::count(FileOutcome outcome) const {
    return static_cast<int>(
        std::count_if(files.begin(), files.end(), [&](const FileReport& f) { return f.outcome == outcome; }));
}

int IngestReport::changedFiles() const {
    return count(FileOutcome::Indexed) + count(FileOutcome::Removed);
}

} // namespace docrag
