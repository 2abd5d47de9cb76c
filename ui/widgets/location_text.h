#pragma once

#include <QCoreApplication>
#include <QString>

namespace docrag {

// Where a passage is, as the window says it: "page 3, lines 12–40, #anchor" in the user's language (the
// engine's own label, Hit::locationLabel, is the command line's English).
class LocationText final {
    Q_DECLARE_TR_FUNCTIONS(LocationText)

public:
    static QString of(int page, int locStart, int locEnd, const QString& anchor);
};

} // namespace docrag
