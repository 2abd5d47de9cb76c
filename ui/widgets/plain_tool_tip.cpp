#include "ui/widgets/plain_tool_tip.h"

namespace docrag {

QString PlainToolTip::of(const QString& text) {
    if (text.isEmpty())
        return text; // no tooltip at all
    // Rich text on purpose, with the text escaped: the one format whose reading is certain.
    return QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>").arg(text.toHtmlEscaped());
}

} // namespace docrag
