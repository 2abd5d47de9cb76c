#pragma once

#include <QIcon>
#include <QString>

namespace docrag {

// The icons of the main actions: the desktop icon theme's, so that DocRag looks like the other
// programs there, else the project's own (resources/icons/actions/*.svg, mid-grey strokes that read on
// light and dark palettes alike).
class ActionIcons final {
public:
    enum class Action { NewConversation, AddDocumentation, Stop, Regenerate, Export, Dashboard, Settings };

    static QIcon icon(Action action);
    // The freedesktop.org icon naming specification's name, asked of the theme.
    static QString themeName(Action action);
    // The bundled SVG used when the theme has no such icon (or there is no theme).
    static QString fallbackPath(Action action);
};

} // namespace docrag
