#pragma once

#include "engine/core/symbol.h"

#include <QStringView>

#include <cstdint>
#include <string>
#include <vector>

namespace docrag {

// The docs browser's type-ahead: API names found by what is typed so far, in memory, in well under a
// millisecond per keystroke for tens of thousands of names. A name matches, best first, exactly, by
// its start ("os.path.jo"), by one of its parts ("join", "path.join"), by the start of a part
// ("startsw"), anywhere inside, or by its letters in order ("ospj").
class SymbolIndex final {
public:
    enum Tier : std::uint8_t {
        None = 0,
        Fuzzy = 1,
        Inside = 2,
        PartPrefix = 3,
        Part = 4,
        Prefix = 5,
        Exact = 6
    };

    explicit SymbolIndex(std::vector<SymbolHit> symbols);

    // The best `limit` symbols for `typed`, best first: by tier, then how closely a fuzzy match holds
    // together, then kind (modules and classes before members), then the shorter name. Only symbols
    // of `collectionIds` when it is not empty.
    std::vector<SymbolHit> lookup(QStringView typed, int limit,
                                  const std::vector<qint64>& collectionIds = {}) const;
    std::size_t size() const { return m_symbols.size(); }

    // Modules 0, types 1, functions 2, data 3, anything else 4.
    static int kindRank(const QString& kind);

private:
    struct NamePart final {
        std::uint32_t symbol;
        std::uint32_t offset; // where the part starts in the lower-case name
    };
    struct Candidate final {
        std::uint32_t symbol;
        Tier tier;
        int spread; // fuzzy: characters between the first and last matched; 0 otherwise
    };

    std::string_view partText(const NamePart& part) const;
    void collectPrefixes(const std::string& typed, std::vector<Candidate>& out,
                         std::vector<std::uint8_t>& seen) const;
    void collectInside(const std::string& typed, std::vector<Candidate>& out,
                       std::vector<std::uint8_t>& seen) const;

    std::vector<SymbolHit> m_symbols;
    std::vector<std::string> m_lower; // lower-case UTF-8 names
    std::vector<std::uint8_t> m_kindRank;
    std::vector<NamePart> m_parts; // sorted by their text
};

} // namespace docrag
