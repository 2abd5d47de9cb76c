#include "engine/rag/symbol_lookup.h"

#include "engine/index/symbol_index.h"
#include "engine/store/collection_store.h"
#include "engine/store/database.h"
#include "engine/store/symbol_store.h"

namespace docrag {

SymbolLookup::SymbolLookup(Database& database)
    : m_database(database) {}

SymbolLookup::~SymbolLookup() = default;

Result<std::shared_ptr<const SymbolIndex>> SymbolLookup::index() {
    SymbolStore store(m_database.connection());
    auto stamp = store.stamp();
    if (!stamp)
        return stamp.error();
    {
        std::lock_guard lock(m_mutex);
        if (m_index && m_stamp == *stamp)
            return m_index;
    }
    auto symbols = store.all();
    if (!symbols)
        return symbols.error();
    auto built = std::make_shared<const SymbolIndex>(std::move(*symbols));
    std::lock_guard lock(m_mutex);
    m_index = built;
    m_stamp = *stamp;
    return std::shared_ptr<const SymbolIndex>(built);
}

Result<std::vector<SymbolHit>> SymbolLookup::lookup(const QString& typed, int limit,
                                                    const QStringList& collections) {
    std::vector<qint64> ids;
    CollectionStore store(m_database.connection());
    for (const QString& name : collections) {
        auto collection = store.find(name);
        if (!collection)
            return collection.error();
        ids.push_back(collection->id);
    }
    auto current = index();
    if (!current)
        return current.error();
    return (*current)->lookup(typed, limit, ids);
}

} // namespace docrag
