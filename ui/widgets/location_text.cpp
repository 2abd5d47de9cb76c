#include "ui/widgets/location_text.h"

#include <QLocale>
#include <QStringList>

namespace docrag {

QString LocationText::of(int page, int locStart, int locEnd, const QString& anchor) {
    const QLocale locale;
    QStringList parts;
    if (page > 0)
        parts << tr("page %1").arg(locale.toString(page));
    if (locStart > 0) {
        parts << (locEnd > locStart
                      ? tr("lines %1–%2").arg(locale.toString(locStart), locale.toString(locEnd))
                      : tr("line %1").arg(locale.toString(locStart)));
    }
    if (!anchor.isEmpty())
        parts << QLatin1Char('#') + anchor;
    return parts.join(QLatin1String(", "));
}

} // namespace docrag
