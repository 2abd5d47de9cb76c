#pragma once

#include "engine/ingest/ingestion_pipeline.h"

#include <QStringList>
#include <QWizard>

namespace docrag {

class IngestTask;
class OptionsPage;
class ProgressPage;
class RagEngine;
class SourcesPage;

// Turns folders into a searchable collection: what to ingest (with a live preview), into which
// collection and with which embedder (with a cost estimate), then the ingest's progress. The ingest
// runs in `task`, which outlives the wizard: Close, Escape or the window's close button leave it
// running; only the progress page's own Cancel button stops it.
class IngestWizard final : public QWizard {
    Q_OBJECT

public:
    enum PageId { SourcesPageId, OptionsPageId, ProgressPageId };

    IngestWizard(RagEngine& engine, IngestTask& task, QWidget* parent = nullptr);

    // Folders or files to ingest (what Add folder…/Add files… and drag and drop do).
    void addPaths(const QStringList& paths);
    // The ingest the pages describe.
    IngestRequest request() const;

private:
    SourcesPage* m_sources = nullptr;
    OptionsPage* m_options = nullptr;
    ProgressPage* m_progress = nullptr;
};

} // namespace docrag
