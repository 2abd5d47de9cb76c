#include "ui/ingest/ingest_task.h"

#include "engine/rag/rag_engine.h"
#include "ui/widgets/error_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace docrag {

// Filled on the ingest thread, emptied on the UI thread. At most one delivery is queued at a time, so
// a fast pipeline cannot flood the event queue.
struct IngestTask::Channel final {
    std::mutex mutex;
    std::vector<FileReport> reports;
    std::optional<IngestProgress> progress; // the newest one not yet delivered
    bool deliveryQueued = false;
};

IngestTask::IngestTask(RagEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine) {
    qRegisterMetaType<IngestProgress>();
    qRegisterMetaType<FileReport>();
    m_throttle = new QTimer(this);
    m_throttle->setSingleShot(true);
    connect(m_throttle, &QTimer::timeout, this, [this] { deliver(false); });
}

IngestTask::~IngestTask() {
    m_stop.request_stop();
}

bool IngestTask::start(const IngestRequest& request) {
    if (m_running)
        return false;
    m_running = true;
    m_request = request;
    m_stop = std::stop_source();
    auto channel = std::make_shared<Channel>();
    m_channel = channel;
    m_sinceProgress.invalidate();

    QPointer<IngestTask> self(this);
    auto onProgress = [channel, self](const IngestProgress& progress, const FileReport* finished) {
        bool queue = false;
        {
            std::lock_guard lock(channel->mutex);
            if (finished)
                channel->reports.push_back(*finished);
            channel->progress = progress;
            queue = !std::exchange(channel->deliveryQueued, true);
        }
        if (!queue)
            return;
        // Posted to the application object: the task may be destroyed before the event is handled,
        // and only the UI thread may look at the QPointer.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, channel] {
                if (self && self->m_channel == channel)
                    self->deliver(false);
            },
            Qt::QueuedConnection);
    };
    RagEngine* engine = &m_engine;
    m_engine
        .runLong([engine, request, stop = m_stop.get_token(), onProgress = std::move(onProgress)] {
            return engine->ingest(request, stop, onProgress);
        })
        .then(this, [self](const Result<IngestReport>& report) {
            if (self)
                self->complete(report);
        });
    emit started(request.collection);
    return true;
}

void IngestTask::cancel() {
    if (m_running)
        m_stop.request_stop();
}

void IngestTask::deliver(bool final) {
    if (!m_channel)
        return;
    const bool progressDue =
        final || !m_sinceProgress.isValid() || m_sinceProgress.elapsed() >= kProgressIntervalMs;
    std::vector<FileReport> reports;
    std::optional<IngestProgress> progress;
    bool progressHeld = false;
    {
        std::lock_guard lock(m_channel->mutex);
        reports.swap(m_channel->reports);
        if (progressDue)
            progress = std::exchange(m_channel->progress, std::nullopt);
        else
            progressHeld = m_channel->progress.has_value();
        m_channel->deliveryQueued = false;
    }
    for (const FileReport& report : reports)
        emit fileFinished(report);
    if (progress) {
        m_throttle->stop();
        m_sinceProgress.start();
        emit progressed(*progress);
    } else if (progressHeld && !m_throttle->isActive()) {
        const qint64 wait = kProgressIntervalMs - m_sinceProgress.elapsed();
        m_throttle->start(static_cast<int>(std::clamp<qint64>(wait, 0, kProgressIntervalMs)));
    }
}

void IngestTask::complete(const Result<IngestReport>& report) {
    deliver(true);
    m_throttle->stop();
    m_channel.reset();
    m_running = false;
    const QString name = m_request.collection;
    if (!report) {
        if (report.error().code == ErrorCode::Cancelled)
            emit finished(false, tr("%1: cancelled").arg(name));
        else
            emit finished(false, tr("%1: %2").arg(name, ErrorText::of(report.error())));
        return;
    }
    if (report->cancelled) {
        emit finished(false,
                      tr("%1: cancelled (%Ln indexed before the cancel are kept; ingest again to resume)",
                         "files", report->count(FileOutcome::Indexed))
                          .arg(name));
        return;
    }
    emit finished(true, summary(*report));
}

QString IngestTask::summary(const IngestReport& report) {
    // Each count is a phrase of its own (with its plural), listed: no sentence is glued from pieces.
    QStringList counts{tr("%Ln indexed", "files", report.count(FileOutcome::Indexed))};
    if (const int unchanged = report.count(FileOutcome::Unchanged); unchanged > 0)
        counts << tr("%Ln unchanged", "files", unchanged);
    counts << tr("%Ln skipped", "files", report.count(FileOutcome::Skipped))
           << tr("%Ln failed", "files", report.count(FileOutcome::Failed));
    if (const int removed = report.count(FileOutcome::Removed); removed > 0)
        counts << tr("%Ln removed", "files", removed);
    const QString seconds = QLocale().toString(static_cast<double>(report.elapsedMs) / 1000.0, 'f', 1);
    return tr("%1: %2 in %3 s").arg(report.collection, counts.join(QStringLiteral(", ")), seconds);
}

} // namespace docrag
