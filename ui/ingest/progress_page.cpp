#include "ui/ingest/progress_page.h"

#include "ui/ingest/file_report_model.h"
#include "ui/ingest/ingest_task.h"
#include "ui/widgets/byte_size.h"
#include "ui/widgets/plain_tool_tip.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QWizard>

namespace docrag {
namespace {

QString durationText(qint64 ms) {
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return ProgressPage::tr("about %1 s left").arg(QLocale().toString(seconds));
    if (seconds < 3600)
        return ProgressPage::tr("about %1 min %2 s left")
            .arg(QLocale().toString(seconds / 60), QLocale().toString(seconds % 60));
    return ProgressPage::tr("about %1 h %2 min left")
        .arg(QLocale().toString(seconds / 3600), QLocale().toString(seconds / 60 % 60));
}

} // namespace

ProgressPage::ProgressPage(IngestTask& task, RequestSource request, QWidget* parent)
    : QWizardPage(parent)
    , m_task(task)
    , m_request(std::move(request)) {
    setTitle(tr("Ingesting"));
    setSubTitle(tr("You can close this window: the ingest continues in the background and its progress "
                   "shows in the status bar."));
    setButtonText(QWizard::FinishButton, tr("&Close"));

    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_bar->setRange(0, 0); // busy until the scan has counted the files
    m_cancel = new QPushButton(tr("Cancel &ingest"), this);
    m_cancel->setObjectName(QStringLiteral("cancelIngestButton"));
    m_cancel->setEnabled(false);
    auto* barRow = new QHBoxLayout;
    barRow->addWidget(m_bar, 1);
    barRow->addWidget(m_cancel);

    const auto makeLabel = [this](const char* name) {
        auto* label = new QLabel(this);
        label->setObjectName(QLatin1String(name));
        label->setTextFormat(Qt::PlainText); // file names, collection names, error messages
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_status = makeLabel("statusLabel");
    m_eta = makeLabel("etaLabel");
    m_rate = makeLabel("rateLabel");
    m_currentFile = makeLabel("currentFileLabel");
    m_currentFile->setMinimumWidth(100);
    m_currentFile->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary = makeLabel("summaryLabel");
    m_summary->setWordWrap(true);
    auto* facts = new QFormLayout;
    facts->addRow(tr("Files:"), m_status);
    facts->addRow(tr("Time:"), m_eta);
    facts->addRow(tr("Rate:"), m_rate);
    facts->addRow(tr("Reading:"), m_currentFile);

    m_model = new FileReportModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("fileTable"));
    m_table->setAccessibleName(tr("Files"));
    m_table->setAccessibleDescription(tr("Each file of the ingest with its status and, when it was skipped "
                                         "or failed, the reason."));
    m_table->setModel(m_model);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setWordWrap(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    // Fixed widths, not ResizeToContents: measuring every row of a large ingest as it grows is slow.
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(FileReportModel::PathColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FileReportModel::StatusColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(FileReportModel::ReasonColumn, QHeaderView::Interactive);
    header->resizeSection(FileReportModel::StatusColumn,
                          m_table->fontMetrics().horizontalAdvance(QStringLiteral("unchanged")) + 24);
    header->resizeSection(FileReportModel::ReasonColumn, 220);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(barRow);
    layout->addLayout(facts);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);

    connect(m_cancel, &QPushButton::clicked, this, &ProgressPage::cancelIngest);
}

void ProgressPage::initializePage() {
    if (m_started)
        return;
    m_started = true;
    // Connected before starting: the first report may come at once. Only this page's ingest feeds it.
    m_connections << connect(&m_task, &IngestTask::progressed, this, &ProgressPage::showProgress);
    m_connections << connect(&m_task, &IngestTask::fileFinished, m_model, &FileReportModel::append);
    m_connections << connect(&m_task, &IngestTask::finished, this,
                             [this](bool, const QString& summary) { showFinished(summary); });
    if (!m_task.start(m_request())) {
        for (const QMetaObject::Connection& c : std::as_const(m_connections))
            disconnect(c);
        m_connections.clear();
        m_done = true;
        m_bar->setRange(0, 1);
        m_summary->setText(tr("Another ingest (of \"%1\") is still running: wait for it to finish, then try "
                              "again.")
                               .arg(m_task.request().collection));
        return;
    }
    m_status->setText(tr("Listing files…"));
    m_cancel->setEnabled(true);
}

void ProgressPage::showProgress(const IngestProgress& p) {
    m_bar->setRange(0, std::max(1, p.filesTotal));
    m_bar->setValue(p.filesDone);
    m_status->setText(tr("%1 of %2 done, %Ln passages written", "", p.chunks)
                          .arg(QLocale().toString(p.filesDone), QLocale().toString(p.filesTotal)));
    const QString elapsed = tr("%1 s elapsed").arg(QLocale().toString(p.elapsedMs / 1000));
    const bool left = p.etaMs >= 0 && p.filesDone < p.filesTotal;
    m_eta->setText(left ? QStringList{elapsed, durationText(p.etaMs)}.join(QStringLiteral(", ")) : elapsed);
    m_rate->setText(tr("%1/s, %2 embeddings/s")
                        .arg(ByteSize::text(static_cast<qint64>(p.bytesPerSecond)),
                             QLocale().toString(p.embeddingsPerSecond, 'f', 0)));
    m_currentFile->setText(QFileInfo(p.currentFile).fileName());
    m_currentFile->setToolTip(PlainToolTip::of(p.currentFile));
}

void ProgressPage::showFinished(const QString& summary) {
    for (const QMetaObject::Connection& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_done = true;
    m_cancel->setEnabled(false);
    m_currentFile->clear();
    if (m_bar->maximum() == 0)
        m_bar->setRange(0, 1);
    m_summary->setText(summary);
}

void ProgressPage::cancelIngest() {
    m_task.cancel();
    m_cancel->setEnabled(false);
    m_summary->setText(tr("Cancelling… the files already stored stay in the collection."));
}

} // namespace docrag
