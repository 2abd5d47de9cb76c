#pragma once

#include <QString>

namespace docrag {

// Tooltips guess their format (Qt::mightBeRichText): a path or a server message that starts with a tag
// would render as HTML. This wraps untrusted text so that it always shows as written.
class PlainToolTip final {
public:
    static QString of(const QString& text);
};

} // namespace docrag
