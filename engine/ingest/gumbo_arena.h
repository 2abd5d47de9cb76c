#pragma once

#include <cstddef>
#include <gumbo.h>
#include <memory>
#include <vector>

namespace docrag {

// Memory for one gumbo parse. Gumbo allocates and frees hundreds of thousands of small nodes, strings
// and vectors per page; with the system allocator that was ~10 % of an ingest (malloc/free in the
// profile). Here allocation is a pointer bump, freeing does nothing, and the whole parse goes at once
// when the arena does: no gumbo_destroy_output. Not thread-safe: one arena per parse.
class GumboArena final {
public:
    explicit GumboArena(std::size_t inputBytes);
    ~GumboArena();
    GumboArena(const GumboArena&) = delete;
    GumboArena& operator=(const GumboArena&) = delete;

    // Options that allocate from this arena; the output of a parse with them lives as long as it.
    GumboOptions options();

private:
    void* allocate(std::size_t bytes);
    static void* allocateHook(void* arena, std::size_t bytes);
    static void deallocateHook(void*, void*) {}

    std::size_t m_blockBytes;
    std::vector<std::unique_ptr<std::max_align_t[]>> m_blocks;
    char* m_next = nullptr;
    std::size_t m_left = 0;
};

} // namespace docrag
