#include "engine/core/hit.h"

#include <QStringList>

namespace docrag {

QString Hit::locationLabel() const {
    QStringList parts;
    if (page > 0)
        parts << QStringLiteral("page %1").arg(page);
    if (locStart > 0) {
        parts << (locEnd > locStart ? QStringLiteral("lines %1-%2").arg(locStart).arg(locEnd)
                                    : QStringLiteral("line %1").arg(locStart));
    }
    if (!anchor.isEmpty())
        parts << QLatin1Char('#') + anchor;
    return parts.join(QLatin1String(", "));
}

} // namespace docrag
