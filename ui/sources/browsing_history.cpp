#include "ui/sources/browsing_history.h"

namespace docrag {
namespace {

void pushBounded(std::vector<BrowsingHistory::Place>& stack, const BrowsingHistory::Place& place) {
    if (stack.size() >= BrowsingHistory::kMaxPlaces)
        stack.erase(stack.begin());
    stack.push_back(place);
}

} // namespace

void BrowsingHistory::visit(const Place& leaving) {
    if (leaving.documentId == 0)
        return;
    pushBounded(m_back, leaving);
    m_forward.clear();
}

std::optional<BrowsingHistory::Place> BrowsingHistory::back(const Place& current) {
    if (m_back.empty())
        return std::nullopt;
    Place to = m_back.back();
    m_back.pop_back();
    pushBounded(m_forward, current);
    return to;
}

std::optional<BrowsingHistory::Place> BrowsingHistory::forward(const Place& current) {
    if (m_forward.empty())
        return std::nullopt;
    Place to = m_forward.back();
    m_forward.pop_back();
    pushBounded(m_back, current);
    return to;
}

} // namespace docrag
