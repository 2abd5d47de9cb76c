#pragma once

// ThreadSanitizer cannot see the locks inside Qt's library (it is not built with it), so work handed
// to a QThreadPool, and a QFuture's result handed back, look like races to it. These mark the
// hand-offs: release where work or a result is handed over, acquire where it is taken. They compile to
// nothing in other builds.
#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#define DOCRAG_TSAN 1
#endif

#include <type_traits>
#include <utility>

namespace docrag {

class Tsan final {
public:
    static void release() {
#ifdef DOCRAG_TSAN
        __tsan_release(&s_handoff);
#endif
    }
    static void acquire() {
#ifdef DOCRAG_TSAN
        __tsan_acquire(&s_handoff);
#endif
    }
    // A task for a pool: every copy or move of it hands it over (the last one in our code is the one the
    // pool keeps), and running it takes it and hands back what it did.
    template <typename Work> class Task final {
    public:
        explicit Task(Work work)
            : m_work(std::move(work)) {
            release();
        }
        Task(const Task& other)
            : m_work(other.m_work) {
            release();
        }
        Task(Task&& other) noexcept
            : m_work(std::move(other.m_work)) {
            release();
        }
        Task& operator=(const Task&) = delete;
        Task& operator=(Task&&) = delete;
        auto operator()() {
            acquire();
            if constexpr (std::is_void_v<decltype(m_work())>) {
                m_work();
                release();
            } else {
                auto result = m_work();
                release();
                return result;
            }
        }

    private:
        Work m_work;
    };
    template <typename Work> static Task<Work> handOff(Work work) {
        return Task<Work>(std::move(work));
    }

private:
    static inline char s_handoff = 0;
};

} // namespace docrag
