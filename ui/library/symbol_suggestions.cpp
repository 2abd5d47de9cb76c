#include "ui/library/symbol_suggestions.h"

#include "ui/widgets/plain_tool_tip.h"

#include <QFileInfo>

#include <algorithm>

namespace docrag {

SymbolSuggestions::SymbolSuggestions(QWidget* parent)
    : QListWidget(parent) {
    setObjectName(QStringLiteral("symbolSuggestionsList"));
    setAccessibleName(tr("API names"));
    setAccessibleDescription(tr("Functions, classes and other API names that match what you type. Up and "
                                "Down choose one, Enter opens it."));
    setUniformItemSizes(true);
    // Long names end in "…" (the tooltip has the place): a scroll bar would hide the first row.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextElideMode(Qt::ElideRight);
    hide();
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int row = this->row(item);
        if (row >= 0 && static_cast<std::size_t>(row) < m_hits.size())
            emit chosen(m_hits[static_cast<std::size_t>(row)]);
    });
}

void SymbolSuggestions::showHits(std::vector<SymbolHit> hits) {
    m_hits = std::move(hits);
    clear();
    for (const SymbolHit& h : m_hits) {
        const QString where = h.title.isEmpty() ? QFileInfo(h.path).fileName() : h.title;
        // QListWidget items are plain text: names and titles show as the documents wrote them.
        auto* item = new QListWidgetItem(
            tr("%1  (%2, %3: %4)").arg(h.symbol.name, h.symbol.kind, h.collection, where), this);
        QString place = h.path;
        if (!h.symbol.anchor.isEmpty())
            place += QLatin1Char('#') + h.symbol.anchor;
        item->setToolTip(PlainToolTip::of(place));
    }
    // As tall as its names, up to eight: the full-text results below keep the rest.
    const int rows = std::min<int>(static_cast<int>(m_hits.size()), 8);
    if (rows > 0)
        setFixedHeight(sizeHintForRow(0) * rows + 2 * frameWidth() + 2);
    setVisible(!m_hits.empty());
    if (!m_hits.empty())
        setCurrentRow(0);
}

void SymbolSuggestions::moveCurrent(int rows) {
    if (m_hits.empty())
        return;
    const int last = static_cast<int>(m_hits.size()) - 1;
    setCurrentRow(std::clamp(currentRow() + rows, 0, last));
}

const SymbolHit* SymbolSuggestions::currentHit() const {
    const int row = currentRow();
    if (isHidden() || row < 0 || static_cast<std::size_t>(row) >= m_hits.size())
        return nullptr;
    return &m_hits[static_cast<std::size_t>(row)];
}

} // namespace docrag
