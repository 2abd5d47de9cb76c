#include "ui/widgets/health_indicator.h"

#include "ui/widgets/plain_tool_tip.h"

namespace docrag {

HealthIndicator::HealthIndicator(const QString& name, QWidget* parent)
    : QLabel(parent)
    , m_name(name) {
    setState(State::Unknown, tr("Checking…"));
}

void HealthIndicator::setState(State state, const QString& details) {
    m_state = state;
    const char* colour = state == State::Ok        ? "#2e9d5b"
                         : state == State::Warning ? "#d99a00"
                         : state == State::Failed  ? "#c62828"
                                                   : "#9aa3ad";
    setText(QStringLiteral("<span style=\"color:%1\">●</span> %2").arg(QLatin1String(colour), m_name));
    // The label itself is rich text (the coloured dot); the details are a server's or a check's words.
    setToolTip(PlainToolTip::of(QStringLiteral("%1: %2").arg(m_name, details)));
}

} // namespace docrag
