#pragma once

#include "engine/ingest/ingest_report.h"
#include "engine/ingest/ingestion_pipeline.h"

#include <QWizardPage>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace docrag {

class FileReportModel;
class IngestTask;

// Last page of the ingest wizard: starts the ingest when it is shown and follows it (files done,
// ETA, rate, current file, one row per file). Its Cancel button cancels the ingest, not the wizard;
// closing the wizard leaves the ingest running in the IngestTask.
class ProgressPage final : public QWizardPage {
    Q_OBJECT

public:
    using RequestSource = std::function<IngestRequest()>;

    ProgressPage(IngestTask& task, RequestSource request, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override { return true; }
    // This page's ingest has ended (or could not start).
    bool isDone() const { return m_done; }

private:
    void showProgress(const IngestProgress& progress);
    void showFinished(const QString& summary);
    void cancelIngest();

    IngestTask& m_task;
    RequestSource m_request;
    bool m_started = false;
    bool m_done = false;
    QList<QMetaObject::Connection> m_connections;
    FileReportModel* m_model = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_eta = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_currentFile = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace docrag
