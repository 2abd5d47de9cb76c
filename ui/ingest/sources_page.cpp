#include "ui/ingest/sources_page.h"

#include "engine/rag/rag_engine.h"
#include "ui/ingest/path_list_widget.h"
#include "ui/widgets/byte_size.h"
#include "ui/widgets/error_text.h"

#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QVBoxLayout>

namespace docrag {

SourcesPage::SourcesPage(RagEngine& engine, QWidget* parent)
    : QWizardPage(parent)
    , m_engine(engine) {
    setTitle(tr("Choose the documentation"));
    setSubTitle(tr("Folders are searched recursively; .gitignore and .docragignore files are honoured, and "
                   "build, dependency and hidden folders are left out."));

    m_list = new PathListWidget(this);
    m_list->setObjectName(QStringLiteral("pathList"));
    m_list->setToolTip(tr("Drop folders or files here"));
    m_list->setAccessibleName(tr("Folders and files to ingest"));
    m_addFolder = new QPushButton(tr("Add &folder…"), this);
    m_addFolder->setObjectName(QStringLiteral("addFolderButton"));
    m_addFiles = new QPushButton(tr("Add fi&les…"), this);
    m_addFiles->setObjectName(QStringLiteral("addFilesButton"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_remove->setEnabled(false);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_addFolder);
    buttons->addWidget(m_addFiles);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    listRow->addLayout(buttons);

    m_includes = new QLineEdit(this);
    m_includes->setObjectName(QStringLiteral("includePatternsEdit"));
    m_includes->setPlaceholderText(tr("e.g. *.md *.html (empty: every supported file)"));
    m_includes->setClearButtonEnabled(true);
    m_excludes = new QPlainTextEdit(this);
    m_excludes->setObjectName(QStringLiteral("excludePatternsEdit"));
    m_excludes->setPlaceholderText(tr("One gitignore-style pattern a line, e.g.\ndrafts/\n*.min.js"));
    m_excludes->setTabChangesFocus(true);
    m_excludes->setMaximumHeight(m_excludes->fontMetrics().lineSpacing() * 5);
    auto* patterns = new QFormLayout;
    patterns->addRow(tr("&Include file names:"), m_includes);
    patterns->addRow(tr("E&xclude:"), m_excludes);

    m_previewLabel = new QLabel(this);
    m_previewLabel->setObjectName(QStringLiteral("previewLabel"));
    m_previewLabel->setTextFormat(Qt::PlainText); // paths and error messages
    m_previewLabel->setWordWrap(true);
    m_previewLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(listRow, 1);
    layout->addLayout(patterns);
    layout->addWidget(m_previewLabel);

    m_previewDelay = new QTimer(this);
    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(kPreviewDelayMs);
    connect(m_previewDelay, &QTimer::timeout, this, &SourcesPage::refreshPreview);
    connect(m_addFolder, &QPushButton::clicked, this, &SourcesPage::chooseFolder);
    connect(m_addFiles, &QPushButton::clicked, this, &SourcesPage::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, &SourcesPage::removeSelected);
    connect(m_list, &PathListWidget::pathsDropped, this, &SourcesPage::addPaths);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
    connect(m_includes, &QLineEdit::textChanged, this, &SourcesPage::schedulePreview);
    connect(m_excludes, &QPlainTextEdit::textChanged, this, &SourcesPage::schedulePreview);
    refreshPreview();
}

SourcesPage::~SourcesPage() {
    m_previewStop.request_stop();
}

void SourcesPage::addPaths(const QStringList& paths) {
    const QStringList listed = m_list->paths();
    bool added = false;
    for (const QString& path : paths) {
        if (path.trimmed().isEmpty())
            continue;
        const QString clean =
            QDir::cleanPath(QDir::current().absoluteFilePath(QDir::fromNativeSeparators(path)));
        if (listed.contains(clean) || m_list->paths().contains(clean))
            continue;
        m_list->addItem(clean);
        added = true;
    }
    if (!added)
        return;
    emit completeChanged();
    schedulePreview();
}

QStringList SourcesPage::paths() const {
    return m_list->paths();
}

ScanOptions SourcesPage::scanOptions() const {
    ScanOptions options;
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    options.includePatterns = m_includes->text().split(separators, Qt::SkipEmptyParts);
    for (const QString& line : m_excludes->toPlainText().split(u'\n')) {
        // Trailing spaces are trimmed by the ignore rules themselves (unless escaped), leading ones are not.
        if (!line.trimmed().isEmpty())
            options.extraExcludes << line;
    }
    return options;
}

bool SourcesPage::isComplete() const {
    return m_list->count() > 0;
}

void SourcesPage::chooseFolder() {
    // Not the static helpers: they run a nested event loop.
    auto* dialog = new QFileDialog(this, tr("Add a folder of documentation"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::filesSelected, this, &SourcesPage::addPaths);
    dialog->open();
}

void SourcesPage::chooseFiles() {
    auto* dialog = new QFileDialog(this, tr("Add documentation files"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters(
        {tr("Documentation (*.md *.markdown *.mdx *.html *.htm *.rst *.txt *.pdf)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::filesSelected, this, &SourcesPage::addPaths);
    dialog->open();
}

void SourcesPage::removeSelected() {
    const QList<QListWidgetItem*> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    qDeleteAll(selected);
    emit completeChanged();
    schedulePreview();
}

void SourcesPage::schedulePreview() {
    // What is shown no longer matches the choices: say so at once, count after a pause in typing.
    if (m_preview) {
        m_preview.reset();
        emit previewChanged();
    }
    ++m_previewGeneration;
    m_previewStop.request_stop();
    m_previewLabel->setText(m_list->count() > 0 ? tr("Counting files…") : QString());
    m_previewDelay->start();
}

void SourcesPage::refreshPreview() {
    m_previewStop.request_stop();
    m_previewStop = std::stop_source();
    const quint64 generation = ++m_previewGeneration;
    m_preview.reset();
    const QStringList paths = m_list->paths();
    if (paths.isEmpty()) {
        m_previewLabel->setText(tr("Add folders or files (or drop them on the list) to see what will be "
                                   "ingested."));
        emit previewChanged();
        return;
    }
    m_previewLabel->setText(tr("Counting files…"));
    ScanOptions scan = scanOptions();
    // As the engine does when it ingests: never DocRag's own database.
    scan.excludedDirs << m_engine.options().dataDir;
    const ChunkerOptions chunker = m_engine.options().chunker;
    QPointer<SourcesPage> self(this);
    m_engine
        .run([paths, scan, chunker, stop = m_previewStop.get_token()] {
            return IngestPreview::compute(paths, scan, IngestLimits::kDefaultMaxFileBytes, chunker, stop);
        })
        .then(this, [self, generation](const Result<IngestPreview>& preview) {
            if (self && generation == self->m_previewGeneration)
                self->showPreview(preview);
        });
}

void SourcesPage::showPreview(const Result<IngestPreview>& preview) {
    if (!preview) {
        m_previewLabel->setText(tr("Cannot list the files: %1").arg(ErrorText::of(preview.error())));
        emit previewChanged();
        return;
    }
    m_preview = *preview;
    const QString size = ByteSize::text(preview->bytes);
    QString text = tr("%Ln files, %1 will be ingested", "", preview->files).arg(size);
    if (preview->skipped > 0)
        text = tr("%1; %Ln skipped (unsupported type, too large or unreadable)", "files", preview->skipped)
                   .arg(text);
    m_previewLabel->setText(text);
    emit previewChanged();
}

} // namespace docrag
