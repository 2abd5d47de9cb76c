#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace docrag {

// Back and forward through the places the source viewer has shown, as a web browser does: a new place
// clears what was forward of the one left.
class BrowsingHistory final {
public:
    struct Place final {
        qint64 documentId = 0;
        qint64 chunkId = 0;    // the passage to highlight; 0 for none
        QString anchor;        // where to scroll when no passage is highlighted
        bool highlight = true; // a passage (a citation, a library item) or a page (a followed link)
        int scroll = -1;       // the scroll position when it was left; -1: as the place says
    };
    static constexpr std::size_t kMaxPlaces = 200;

    // `leaving` is where the viewer was, with its scroll position.
    void visit(const Place& leaving);
    // The place to go back (forward) to; `current` goes on the other stack.
    std::optional<Place> back(const Place& current);
    std::optional<Place> forward(const Place& current);
    bool canGoBack() const { return !m_back.empty(); }
    bool canGoForward() const { return !m_forward.empty(); }

private:
    std::vector<Place> m_back;
    std::vector<Place> m_forward;
};

} // namespace docrag
