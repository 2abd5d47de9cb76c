#pragma once

#include <QString>

#include <memory>
#include <spdlog/logger.h>

// Lets QString be logged directly: log->info("ingesting {}", path).
template <> struct fmt::formatter<QString> : fmt::formatter<std::string_view> {
    template <typename FormatContext> auto format(const QString& text, FormatContext& ctx) const {
        const QByteArray utf8 = text.toUtf8();
        return fmt::formatter<std::string_view>::format(std::string_view(utf8.constData(), utf8.size()), ctx);
    }
};

namespace docrag {

// One logger per subsystem ("docrag.ingest", "docrag.store", ...) sharing the same sinks: a rotating file
// in the data directory and stderr at warning level. Loggers are the only process-wide objects we allow.
class Logging final {
public:
    static constexpr std::size_t kMaxFileBytes = 5 * 1024 * 1024;
    static constexpr std::size_t kMaxFiles = 3;

    // Safe to call more than once; later calls replace the sinks. `logDir` empty: stderr only.
    static void init(const QString& logDir, bool verbose = false);
    // The named logger, created on first use with the current sinks.
    static std::shared_ptr<spdlog::logger> get(const char* name);
};

} // namespace docrag
