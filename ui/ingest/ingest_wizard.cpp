#include "ui/ingest/ingest_wizard.h"

#include "ui/ingest/options_page.h"
#include "ui/ingest/progress_page.h"
#include "ui/ingest/sources_page.h"

namespace docrag {

IngestWizard::IngestWizard(RagEngine& engine, IngestTask& task, QWidget* parent)
    : QWizard(parent) {
    setObjectName(QStringLiteral("ingestWizard"));
    setWindowTitle(tr("Add documentation"));
    setWizardStyle(QWizard::ModernStyle);
    // On the progress page the wizard's Cancel would only close the window, which Close already does;
    // the page has its own button to cancel the ingest.
    setOption(QWizard::NoCancelButtonOnLastPage);
    setOption(QWizard::NoBackButtonOnLastPage);
    m_sources = new SourcesPage(engine, this);
    m_options = new OptionsPage(engine, *m_sources, this);
    m_progress = new ProgressPage(
        task, [this] { return request(); }, this);
    setPage(SourcesPageId, m_sources);
    setPage(OptionsPageId, m_options);
    setPage(ProgressPageId, m_progress);
    setStartId(SourcesPageId);
    resize(720, 560);
}

void IngestWizard::addPaths(const QStringList& paths) {
    m_sources->addPaths(paths);
}

IngestRequest IngestWizard::request() const {
    IngestRequest r;
    r.collection = m_options->collection();
    r.docType = m_options->docType();
    r.embedder = m_options->embedder();
    r.paths = m_sources->paths();
    r.scan = m_sources->scanOptions();
    r.limits = m_options->limits();
    r.keepInSync = m_options->keepInSync();
    r.library = m_options->library();
    return r;
}

} // namespace docrag
