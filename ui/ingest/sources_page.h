#pragma once

#include "engine/core/result.h"
#include "engine/ingest/file_scanner.h"
#include "ui/ingest/ingest_preview.h"

#include <QWizardPage>

#include <optional>
#include <stop_token>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace docrag {

class PathListWidget;
class RagEngine;

// First page of the ingest wizard: which folders and files, which file names (include patterns) and
// what to leave out (gitignore-style exclude patterns), with a live count of what would be ingested.
// The count is computed on the engine's pool a moment after the last change; a result that a later
// change has made stale is dropped.
class SourcesPage final : public QWizardPage {
    Q_OBJECT

public:
    static constexpr int kPreviewDelayMs = 250;

    explicit SourcesPage(RagEngine& engine, QWidget* parent = nullptr);
    ~SourcesPage() override;

    // Adds folders or files (what the buttons and drag and drop do); paths already listed are left
    // out. A path that does not exist shows up as the preview's error.
    void addPaths(const QStringList& paths);
    QStringList paths() const;
    // The include and exclude patterns as the scanner takes them.
    ScanOptions scanOptions() const;
    // The latest preview that matches the current choices; none while it is being computed.
    const std::optional<IngestPreview>& preview() const { return m_preview; }

    bool isComplete() const override;

signals:
    void previewChanged();

private:
    void chooseFolder();
    void chooseFiles();
    void removeSelected();
    void schedulePreview();
    void refreshPreview();
    void showPreview(const Result<IngestPreview>& preview);

    RagEngine& m_engine;
    PathListWidget* m_list = nullptr;
    QPushButton* m_addFolder = nullptr;
    QPushButton* m_addFiles = nullptr;
    QPushButton* m_remove = nullptr;
    QLineEdit* m_includes = nullptr;
    QPlainTextEdit* m_excludes = nullptr;
    QLabel* m_previewLabel = nullptr;
    QTimer* m_previewDelay = nullptr;
    std::optional<IngestPreview> m_preview;
    quint64 m_previewGeneration = 0; // of the latest request; older answers are stale
    std::stop_source m_previewStop;
};

} // namespace docrag
