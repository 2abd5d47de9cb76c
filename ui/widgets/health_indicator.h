#pragma once

#include <QLabel>

namespace docrag {

// A status bar light: a symbol, a name and the state in words ("Database: OK"), with the details in the
// tooltip and the accessible description. The state is told by the words and the symbol's shape; the
// colour, taken readable on the palette's window, only repeats it.
class HealthIndicator final : public QLabel {
    Q_OBJECT
public:
    enum class State { Unknown, Ok, Warning, Failed };

    explicit HealthIndicator(const QString& name, QWidget* parent = nullptr);

    State state() const { return m_state; }
    void setState(State state, const QString& details);
    // "Database: OK", "Model: failed"...: what the light says, without its symbol.
    QString stateText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void present();

    QString m_name;
    State m_state = State::Unknown;
    bool m_presenting = false; // setText inside a palette change must not recurse
};

} // namespace docrag
