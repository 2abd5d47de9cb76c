#include "ui/widgets/action_icons.h"

namespace docrag {

QString ActionIcons::themeName(Action action) {
    switch (action) {
    case Action::NewConversation:
        return QStringLiteral("document-new");
    case Action::AddDocumentation:
        return QStringLiteral("document-open"); // it opens folders of documentation (Ctrl+O)
    case Action::Stop:
        return QStringLiteral("process-stop");
    case Action::Regenerate:
        return QStringLiteral("view-refresh");
    case Action::Export:
        return QStringLiteral("document-save-as");
    case Action::Dashboard:
        return QStringLiteral("utilities-system-monitor");
    case Action::Settings:
        return QStringLiteral("preferences-system");
    }
    return {};
}

QString ActionIcons::fallbackPath(Action action) {
    const char* file = "";
    switch (action) {
    case Action::NewConversation:
        file = "new-conversation";
        break;
    case Action::AddDocumentation:
        file = "add-documentation";
        break;
    case Action::Stop:
        file = "stop";
        break;
    case Action::Regenerate:
        file = "regenerate";
        break;
    case Action::Export:
        file = "export";
        break;
    case Action::Dashboard:
        file = "dashboard";
        break;
    case Action::Settings:
        file = "settings";
        break;
    }
    return QStringLiteral(":/icons/actions/%1.svg").arg(QLatin1String(file));
}

QIcon ActionIcons::icon(Action action) {
    return QIcon::fromTheme(themeName(action), QIcon(fallbackPath(action)));
}

} // namespace docrag
