#pragma once

#include <QString>

namespace docrag {

// One message of a chat request: role "system", "user" or "assistant".
struct ChatTurn final {
    QString role;
    QString content;
};

} // namespace docrag
