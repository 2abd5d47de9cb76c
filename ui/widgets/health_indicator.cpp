#include "ui/widgets/health_indicator.h"

#include "ui/widgets/plain_tool_tip.h"
#include "ui/widgets/theme_colors.h"

#include <QEvent>

namespace docrag {

HealthIndicator::HealthIndicator(const QString& name, QWidget* parent)
    : QLabel(parent)
    , m_name(name) {
    setTextFormat(Qt::RichText); // the coloured symbol; the name is escaped
    setState(State::Unknown, tr("Checking…"));
}

QString HealthIndicator::stateText() const {
    switch (m_state) {
    case State::Ok:
        return tr("%1: OK", "health light; %1 is Database, Index or Model").arg(m_name);
    case State::Warning:
        return tr("%1: limited", "health light: works with a limitation").arg(m_name);
    case State::Failed:
        return tr("%1: failing", "health light").arg(m_name);
    case State::Unknown:
        break;
    }
    return tr("%1: unknown", "health light: not checked yet").arg(m_name);
}

void HealthIndicator::setState(State state, const QString& details) {
    m_state = state;
    // The details are a server's or a check's words: the tooltip shows them as written.
    const QString described = QStringLiteral("%1: %2").arg(m_name, details);
    setToolTip(PlainToolTip::of(described));
    setAccessibleName(stateText());
    setAccessibleDescription(details);
    present();
}

void HealthIndicator::present() {
    const QColor window = palette().color(QPalette::Window);
    QColor colour;
    QString symbol;
    switch (m_state) {
    case State::Ok:
        colour = ThemeColors::green();
        symbol = QStringLiteral("●");
        break;
    case State::Warning:
        colour = ThemeColors::amber();
        symbol = QStringLiteral("▲");
        break;
    case State::Failed:
        colour = ThemeColors::red();
        symbol = QStringLiteral("✖");
        break;
    case State::Unknown:
        colour = ThemeColors::grey();
        symbol = QStringLiteral("○");
        break;
    }
    m_presenting = true;
    setText(QStringLiteral("<span style=\"color:%1\">%2</span> %3")
                .arg(ThemeColors::readable(colour, window).name(), symbol, stateText().toHtmlEscaped()));
    m_presenting = false;
}

void HealthIndicator::changeEvent(QEvent* event) {
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_presenting)
        present();
}

} // namespace docrag
