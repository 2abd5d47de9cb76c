#include "ui/dashboard/summary_card.h"

#include "ui/widgets/theme_colors.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace docrag {

SummaryCard::SummaryCard(const QString& title, QWidget* parent)
    : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_title = new QLabel(title, this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setObjectName(QStringLiteral("cardTitleLabel"));
    m_value = new QLabel(QStringLiteral("—"), this);
    m_value->setTextFormat(Qt::PlainText);
    m_value->setObjectName(QStringLiteral("cardValueLabel"));
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_value->setFont(big);
    m_detail = new QLabel(this);
    m_detail->setTextFormat(Qt::PlainText); // may name a model or an error
    m_detail->setObjectName(QStringLiteral("cardDetailLabel"));
    m_detail->setWordWrap(true);
    // Details differ in length from one refresh to the next: a fixed two lines keep the cards from
    // jumping as the figures change.
    m_detail->setMinimumHeight(2 * m_detail->fontMetrics().lineSpacing());
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    applyPalette();
    // The value is what people copy into a bug report.
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
}

void SummaryCard::setTitle(const QString& title) {
    m_title->setText(title);
}

void SummaryCard::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_title)
        applyPalette();
}

void SummaryCard::applyPalette() {
    // Title and detail quieter than the value, still readable on the window (PlaceholderText is not:
    // Qt derives it as Text at half opacity).
    for (QLabel* label : {m_title, m_detail}) {
        QPalette muted = label->palette();
        muted.setColor(QPalette::WindowText, ThemeColors::muted(palette(), QPalette::Window));
        label->setPalette(muted);
    }
}

QString SummaryCard::title() const {
    return m_title->text();
}

QString SummaryCard::value() const {
    return m_value->text();
}

QString SummaryCard::detail() const {
    return m_detail->text();
}

void SummaryCard::setValue(const QString& value, const QString& detail) {
    m_value->setText(value);
    m_detail->setText(detail);
}

} // namespace docrag
