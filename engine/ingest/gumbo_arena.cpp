#include "engine/ingest/gumbo_arena.h"

#include <algorithm>

namespace docrag {

GumboArena::GumboArena(std::size_t inputBytes)
    // Gumbo's memory is a few times the page; start near that and grow by blocks of the same size.
    : m_blockBytes(std::clamp<std::size_t>(inputBytes * 4, 64 * 1024, 8 * 1024 * 1024)) {}

GumboArena::~GumboArena() = default;

GumboOptions GumboArena::options() {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &GumboArena::allocateHook;
    options.deallocator = &GumboArena::deallocateHook;
    options.userdata = this;
    return options;
}

void* GumboArena::allocateHook(void* arena, std::size_t bytes) {
    return static_cast<GumboArena*>(arena)->allocate(bytes);
}

void* GumboArena::allocate(std::size_t bytes) {
    constexpr std::size_t kAlign = alignof(std::max_align_t);
    bytes = std::max<std::size_t>(kAlign, (bytes + kAlign - 1) / kAlign * kAlign);
    if (bytes > m_left) {
        // A request larger than a block gets a block of its own; the current block stays in use.
        const std::size_t size = std::max(bytes, m_blockBytes);
        m_blocks.push_back(std::make_unique_for_overwrite<std::max_align_t[]>(size / kAlign + 1));
        char* block = reinterpret_cast<char*>(m_blocks.back().get());
        if (size > m_blockBytes)
            return block;
        m_next = block;
        m_left = size;
    }
    void* out = m_next;
    m_next += bytes;
    m_left -= bytes;
    return out;
}

} // namespace docrag
