#pragma once

#include "engine/core/result.h"
#include "engine/ingest/ingest_report.h"
#include "engine/ingest/ingestion_pipeline.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>
#include <stop_token>

class QTimer;

namespace docrag {

class RagEngine;

// One ingest at a time, run on the engine's long-work thread, reported on the UI thread. It belongs to
// the main window, not to the wizard that starts it: closing the wizard leaves the ingest running, and
// the status bar keeps showing its progress.
//
// Progress is throttled to at most one `progressed` a kProgressIntervalMs (the pipeline reports after
// every file, thousands a second for unchanged files); the last progress and every file report are
// always delivered, all of them before `finished`.
class IngestTask final : public QObject {
    Q_OBJECT

public:
    static constexpr int kProgressIntervalMs = 50;

    explicit IngestTask(RagEngine& engine, QObject* parent = nullptr);
    // Stops a running ingest; the engine's destructor waits for it.
    ~IngestTask() override;

    // false (and nothing happens) while an ingest is running.
    bool start(const IngestRequest& request);
    // The ingest stops promptly: files already written stay, the next run resumes.
    void cancel();
    bool isRunning() const { return m_running; }
    // The running ingest's request, or the last one's.
    const IngestRequest& request() const { return m_request; }

    // "python: 528 indexed, 7 skipped, 0 failed in 3.6 s".
    static QString summary(const IngestReport& report);

signals:
    void started(const QString& collection);
    void progressed(const docrag::IngestProgress& progress);
    void fileFinished(const docrag::FileReport& report);
    // ok: the ingest completed (false when it failed or was cancelled). `summary` is one line: the
    // counts, the error, or that it was cancelled.
    void finished(bool ok, const QString& summary);

private:
    struct Channel; // what the ingest thread hands to this thread

    void deliver(bool final);
    void complete(const Result<IngestReport>& report);

    RagEngine& m_engine;
    IngestRequest m_request;
    bool m_running = false;
    std::stop_source m_stop;
    std::shared_ptr<Channel> m_channel; // of the running ingest
    QElapsedTimer m_sinceProgress;      // since the last `progressed`
    QTimer* m_throttle = nullptr;       // delivers a held-back progress
};

} // namespace docrag
