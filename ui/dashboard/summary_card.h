#pragma once

#include <QFrame>

class QLabel;

namespace docrag {

// One figure of the dashboard: a title, the figure in large type, and a line that says what it means
// (its parts, its target, or why there is no figure yet).
class SummaryCard final : public QFrame {
    Q_OBJECT
public:
    explicit SummaryCard(const QString& title, QWidget* parent = nullptr);

    QString title() const;
    void setTitle(const QString& title);
    QString value() const;
    QString detail() const;
    void setValue(const QString& value, const QString& detail);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    QLabel* m_title = nullptr;
    QLabel* m_value = nullptr;
    QLabel* m_detail = nullptr;
};

} // namespace docrag
