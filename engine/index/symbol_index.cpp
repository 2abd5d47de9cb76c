#include "engine/index/symbol_index.h"

#include <algorithm>

namespace docrag {
namespace {

bool isSeparator(char c) {
    return c == '.' || c == ':' || c == '_' || c == '-' || c == '/';
}

// Letters of `typed` in order inside `name`: how far apart the first and last are, or -1.
int subsequenceSpread(std::string_view name, std::string_view typed) {
    std::size_t at = name.find(typed.front());
    if (at == std::string_view::npos)
        return -1;
    const std::size_t first = at;
    for (std::size_t i = 1; i < typed.size(); ++i) {
        at = name.find(typed[i], at + 1);
        if (at == std::string_view::npos)
            return -1;
    }
    return static_cast<int>(at - first + 1 - typed.size());
}

} // namespace

int SymbolIndex::kindRank(const QString& kind) {
    if (kind == QLatin1String("module") || kind == QLatin1String("namespace"))
        return 0;
    if (kind == QLatin1String("class") || kind == QLatin1String("exception") ||
        kind == QLatin1String("struct") || kind == QLatin1String("enum") || kind == QLatin1String("type") ||
        kind == QLatin1String("interface"))
        return 1;
    if (kind == QLatin1String("function") || kind == QLatin1String("method") ||
        kind == QLatin1String("classmethod") || kind == QLatin1String("staticmethod") ||
        kind == QLatin1String("macro") || kind == QLatin1String("decorator") ||
        kind == QLatin1String("static method"))
        return 2;
    if (kind == QLatin1String("attribute") || kind == QLatin1String("property") ||
        kind == QLatin1String("data") || kind == QLatin1String("variable") ||
        kind == QLatin1String("member") || kind == QLatin1String("typedef") || kind == QLatin1String("var"))
        return 3;
    return 4;
}

SymbolIndex::SymbolIndex(std::vector<SymbolHit> symbols)
    : m_symbols(std::move(symbols)) {
    m_lower.reserve(m_symbols.size());
    m_kindRank.reserve(m_symbols.size());
    for (std::uint32_t i = 0; i < m_symbols.size(); ++i) {
        m_lower.push_back(m_symbols[i].symbol.name.toLower().toStdString());
        m_kindRank.push_back(static_cast<std::uint8_t>(kindRank(m_symbols[i].symbol.kind)));
        const std::string& name = m_lower.back();
        for (std::uint32_t at = 0; at < name.size(); ++at) {
            if (at == 0 || (isSeparator(name[at - 1]) && !isSeparator(name[at])))
                m_parts.push_back(NamePart{i, at});
        }
    }
    std::sort(m_parts.begin(), m_parts.end(),
              [this](const NamePart& a, const NamePart& b) { return partText(a) < partText(b); });
}

std::string_view SymbolIndex::partText(const NamePart& part) const {
    return std::string_view(m_lower[part.symbol]).substr(part.offset);
}

void SymbolIndex::collectPrefixes(const std::string& typed, std::vector<Candidate>& out,
                                  std::vector<std::uint8_t>& seen) const {
    auto it = std::lower_bound(m_parts.begin(), m_parts.end(), typed,
                               [this](const NamePart& p, const std::string& t) { return partText(p) < t; });
    const std::size_t first = out.size();
    for (; it != m_parts.end() && partText(*it).starts_with(typed); ++it) {
        const bool whole = partText(*it).size() == typed.size();
        const Tier tier = it->offset == 0 ? (whole ? Exact : Prefix) : (whole ? Part : PartPrefix);
        std::uint8_t& best = seen[it->symbol];
        if (best == None)
            out.push_back(Candidate{it->symbol, tier, 0});
        best = std::max<std::uint8_t>(best, tier);
    }
    // A name with several matching parts ("a.b.a") keeps its best.
    for (std::size_t i = first; i < out.size(); ++i)
        out[i].tier = static_cast<Tier>(seen[out[i].symbol]);
}

void SymbolIndex::collectInside(const std::string& typed, std::vector<Candidate>& out,
                                std::vector<std::uint8_t>& seen) const {
    for (std::uint32_t i = 0; i < m_lower.size(); ++i) {
        if (seen[i] != None)
            continue;
        const std::string_view name = m_lower[i];
        if (name.find(typed) != std::string_view::npos) {
            seen[i] = Inside;
            out.push_back(Candidate{i, Inside, 0});
        } else if (const int spread = subsequenceSpread(name, typed); spread >= 0) {
            seen[i] = Fuzzy;
            out.push_back(Candidate{i, Fuzzy, spread});
        }
    }
}

std::vector<SymbolHit> SymbolIndex::lookup(QStringView typed, int limit,
                                           const std::vector<qint64>& collectionIds) const {
    const std::string key = typed.trimmed().toString().toLower().toStdString();
    if (key.empty() || limit <= 0 || m_symbols.empty())
        return {};
    std::vector<std::uint8_t> seen(m_symbols.size(), None);
    std::vector<Candidate> found;
    const auto keepCollections = [&] {
        if (!collectionIds.empty())
            std::erase_if(found, [&](const Candidate& c) {
                return std::find(collectionIds.begin(), collectionIds.end(),
                                 m_symbols[c.symbol].collectionId) == collectionIds.end();
            });
    };
    collectPrefixes(key, found, seen);
    keepCollections();
    // A full scan only when the fast matches leave room: the first keystrokes never need it.
    if (static_cast<int>(found.size()) < limit) {
        collectInside(key, found, seen);
        keepCollections();
    }
    const auto better = [this](const Candidate& a, const Candidate& b) {
        if (a.tier != b.tier)
            return a.tier > b.tier;
        if (a.spread != b.spread)
            return a.spread < b.spread;
        if (m_kindRank[a.symbol] != m_kindRank[b.symbol])
            return m_kindRank[a.symbol] < m_kindRank[b.symbol];
        if (m_lower[a.symbol].size() != m_lower[b.symbol].size())
            return m_lower[a.symbol].size() < m_lower[b.symbol].size();
        if (m_lower[a.symbol] != m_lower[b.symbol])
            return m_lower[a.symbol] < m_lower[b.symbol];
        return a.symbol < b.symbol;
    };
    const std::size_t keep = std::min(found.size(), static_cast<std::size_t>(limit));
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(), better);
    std::vector<SymbolHit> hits;
    hits.reserve(keep);
    for (std::size_t i = 0; i < keep; ++i) {
        SymbolHit hit = m_symbols[found[i].symbol];
        hit.tier = found[i].tier;
        hits.push_back(std::move(hit));
    }
    return hits;
}

} // namespace docrag
