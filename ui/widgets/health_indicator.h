#pragma once

#include <QLabel>

namespace docrag {

// A status bar light: a coloured dot and a name, with the details in the tooltip.
class HealthIndicator final : public QLabel {
    Q_OBJECT
public:
    enum class State { Unknown, Ok, Warning, Failed };

    HealthIndicator(const QString& name, QWidget* parent = nullptr);

    State state() const { return m_state; }
    void setState(State state, const QString& details);

private:
    QString m_name;
    State m_state = State::Unknown;
};

} // namespace docrag
