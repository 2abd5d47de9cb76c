#pragma once

#include <optional>
#include <stop_token>

namespace docrag {

// A stop token that fires when either of two others does: the caller's own stop (the Stop button,
// a cancelled ingest) or the engine's shutdown. Lives as long as the work that uses its token.
class StopLink final {
public:
    StopLink(const std::stop_token& a, const std::stop_token& b) {
        m_a.emplace(a, Forward{&m_source});
        m_b.emplace(b, Forward{&m_source});
    }
    StopLink(const StopLink&) = delete;
    StopLink& operator=(const StopLink&) = delete;

    std::stop_token token() const { return m_source.get_token(); }

private:
    struct Forward final {
        std::stop_source* source;
        void operator()() const { source->request_stop(); }
    };
    std::stop_source m_source;
    std::optional<std::stop_callback<Forward>> m_a;
    std::optional<std::stop_callback<Forward>> m_b;
};

} // namespace docrag
