#pragma once

#include "engine/core/symbol.h"

#include <QListWidget>

#include <vector>

namespace docrag {

// The type-ahead's API names under the library's search box, best first. The search box steers it (Up
// and Down move, Enter opens) so that the keyboard never leaves the box while the user types.
class SymbolSuggestions final : public QListWidget {
    Q_OBJECT
public:
    explicit SymbolSuggestions(QWidget* parent = nullptr);

    // Shows the names, the first one current; hides when there are none.
    void showHits(std::vector<SymbolHit> hits);
    // Moves the current row by `rows`, within the list.
    void moveCurrent(int rows);
    // The current suggestion; nullptr when the list is hidden or empty.
    const SymbolHit* currentHit() const;

signals:
    void chosen(const docrag::SymbolHit& hit);

private:
    std::vector<SymbolHit> m_hits;
};

} // namespace docrag
