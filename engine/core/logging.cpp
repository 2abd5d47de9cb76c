#include "engine/core/logging.h"

#include <QDir>

#include <mutex>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <vector>

namespace docrag {
namespace {

std::mutex s_mutex;
std::vector<spdlog::sink_ptr> s_sinks;

std::vector<spdlog::sink_ptr> defaultSinks() {
    auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    err->set_level(spdlog::level::warn);
    err->set_pattern("%n: %l: %v");
    return {err};
}

} // namespace

void Logging::init(const QString& logDir, bool verbose) {
    std::vector<spdlog::sink_ptr> sinks = defaultSinks();
    if (verbose)
        sinks.front()->set_level(spdlog::level::debug);
    if (!logDir.isEmpty() && QDir().mkpath(logDir)) {
        try {
            const QByteArray file = QDir(logDir).filePath(QStringLiteral("docrag.log")).toLocal8Bit();
            auto rotating = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.toStdString(),
                                                                                   kMaxFileBytes, kMaxFiles);
            rotating->set_level(spdlog::level::debug);
            sinks.push_back(rotating);
        } catch (const spdlog::spdlog_ex& e) {
            // Logging to a file is a convenience; a read-only data directory must not stop the program.
            sinks.front()->log(spdlog::details::log_msg("docrag", spdlog::level::warn, e.what()));
        }
    }
    std::lock_guard lock(s_mutex);
    s_sinks = sinks;
    spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& logger) {
        logger->sinks() = s_sinks;
        logger->set_level(spdlog::level::debug);
    });
}

std::shared_ptr<spdlog::logger> Logging::get(const char* name) {
    std::lock_guard lock(s_mutex);
    if (auto existing = spdlog::get(name))
        return existing;
    if (s_sinks.empty())
        s_sinks = defaultSinks();
    auto logger = std::make_shared<spdlog::logger>(name, s_sinks.begin(), s_sinks.end());
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

} // namespace docrag
