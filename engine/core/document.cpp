#include "engine/core/document.h"

namespace docrag {

QString documentStatusName(DocumentStatus status) {
    switch (status) {
    case DocumentStatus::Indexed:
        return QStringLiteral("indexed");
    case DocumentStatus::Skipped:
        return QStringLiteral("skipped");
    case DocumentStatus::Failed:
        break;
    }
    return QStringLiteral("failed");
}

DocumentStatus documentStatusFromName(const QString& name) {
    if (name == QLatin1String("indexed"))
        return DocumentStatus::Indexed;
    if (name == QLatin1String("skipped"))
        return DocumentStatus::Skipped;
    return DocumentStatus::Failed;
}

} // namespace docrag
