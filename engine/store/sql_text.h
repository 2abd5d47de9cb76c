#pragma once

#include <QString>

namespace docrag {

// QtSql binds a null QString as SQL NULL; our text columns are NOT NULL with '' for "none".
inline QString sqlText(const QString& text) {
    return text.isNull() ? QString::fromLatin1("") : text;
}

} // namespace docrag
