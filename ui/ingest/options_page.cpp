#include "ui/ingest/options_page.h"

#include "engine/library/team_libraries.h"
#include "engine/llm/openai_client.h"
#include "engine/llm/usage_counters.h"
#include "ui/ingest/ingest_limits_box.h"
#include "ui/ingest/sources_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>

namespace docrag {
namespace {

const QString kLocal = QStringLiteral("local");
const QString kOpenAi = QStringLiteral("openai");

bool isRemoteEmbedderId(const QString& embedderId) {
    return embedderId.startsWith(QLatin1String("openai:"));
}

} // namespace

OptionsPage::OptionsPage(RagEngine& engine, const SourcesPage& sources, QWidget* parent)
    : QWizardPage(parent)
    , m_engine(engine)
    , m_sources(sources) {
    setTitle(tr("Collection and embedder"));
    setSubTitle(tr("A collection is what questions and searches are asked of. Ingesting into an existing "
                   "collection adds new files and updates changed ones."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Ingest"));

    m_collection = new QComboBox(this);
    m_collection->setObjectName(QStringLiteral("collectionCombo"));
    m_collection->setEditable(true);
    m_collection->setInsertPolicy(QComboBox::NoInsert);
    m_collection->lineEdit()->setPlaceholderText(tr("e.g. python"));
    m_collection->lineEdit()->setMaxLength(200);
    m_collectionNote = new QLabel(this);
    m_collectionNote->setObjectName(QStringLiteral("collectionNoteLabel"));
    m_collectionNote->setTextFormat(Qt::PlainText); // names collections
    m_collectionNote->setWordWrap(true);
    m_docType = new QComboBox(this);
    m_docType->setObjectName(QStringLiteral("docTypeCombo"));
    m_docType->setEditable(true);
    m_docType->setInsertPolicy(QComboBox::NoInsert);
    m_docType->lineEdit()->setPlaceholderText(tr("optional: python, react, internal… (to filter by)"));
    m_embedder = new QComboBox(this);
    m_embedder->setObjectName(QStringLiteral("embedderCombo"));
    m_embedder->addItem(tr("Built-in (offline)"), kLocal);
    m_embedder->addItem(tr("OpenAI-compatible server"), kOpenAi);
    m_keepInSync =
        new QCheckBox(tr("&Keep in sync: ingest what changes in these folders while DocRag runs"), this);
    m_keepInSync->setObjectName(QStringLiteral("keepInSyncCheckBox"));
    m_keepInSync->setChecked(true);
    m_library = new QComboBox(this);
    m_library->setObjectName(QStringLiteral("libraryCombo"));
    m_library->addItem(tr("This computer only"), QString());
    m_library->setToolTip(tr("Also share the collection in a team library (File > Team libraries…): the "
                             "documents are sent there once ingested here."));
    m_estimate = new QLabel(this);
    m_estimate->setObjectName(QStringLiteral("estimateLabel"));
    m_estimate->setTextFormat(Qt::PlainText);
    m_estimate->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Collection:"), m_collection);
    form->addRow(QString(), m_collectionNote);
    form->addRow(tr("&Doc type:"), m_docType);
    form->addRow(tr("&Embedder:"), m_embedder);
    form->addRow(QString(), m_keepInSync);
    form->addRow(tr("&Share in:"), m_library);
    m_limits = new IngestLimitsBox(this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_estimate);
    layout->addWidget(m_limits);
    layout->addStretch(1);

    connect(m_collection, &QComboBox::currentTextChanged, this, &OptionsPage::collectionChanged);
    connect(m_embedder, &QComboBox::currentIndexChanged, this, [this] {
        updateEstimate();
        emit completeChanged();
    });
    connect(&m_sources, &SourcesPage::previewChanged, this, &OptionsPage::updateEstimate);
    loadCollections();
    loadLibraries();
}

QString OptionsPage::collection() const {
    return m_collection->currentText().trimmed();
}

QString OptionsPage::docType() const {
    return m_docType->currentText().trimmed();
}

bool OptionsPage::keepInSync() const {
    return m_keepInSync->isChecked();
}

IngestLimits OptionsPage::limits() const {
    return m_limits->limits();
}

QString OptionsPage::library() const {
    return m_library->currentData().toString();
}

void OptionsPage::loadLibraries() {
    QPointer<OptionsPage> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine] { return engine->libraries().list(); })
        .then(this, [self](const Result<std::vector<TeamLibrary>>& libraries) {
            if (!self || !libraries)
                return;
            for (const TeamLibrary& library : *libraries)
                self->m_library->addItem(library.url, library.url);
            self->collectionChanged();
        });
}

QString OptionsPage::embedder() const {
    return m_embedder->currentData().toString();
}

void OptionsPage::initializePage() {
    // The model server may have been configured since the wizard opened.
    const bool server = m_engine.openAiClient() != nullptr;
    if (auto* model = qobject_cast<QStandardItemModel*>(m_embedder->model())) {
        QStandardItem* remote = model->item(1);
        remote->setEnabled(server);
        remote->setToolTip(server ? QString()
                                  : tr("Configure an OpenAI-compatible server in Settings to use it here."));
    }
    if (!server && embedder() == kOpenAi && !existing())
        m_embedder->setCurrentIndex(0);
    if (collection().isEmpty() && !m_sources.paths().isEmpty()) {
        // A sensible default: the first folder's name ("docs" → "docs").
        m_collection->setEditText(QFileInfo(m_sources.paths().constFirst()).fileName());
    }
    collectionChanged();
}

bool OptionsPage::isComplete() const {
    const QString name = collection();
    if (name.isEmpty())
        return false;
    // Only a model server can add to a collection embedded through one.
    return embedder() == kLocal || m_engine.openAiClient() != nullptr;
}

void OptionsPage::loadCollections() {
    QPointer<OptionsPage> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine] { return engine->collections(); })
        .then(this, [self](const Result<std::vector<CollectionInfo>>& collections) {
            if (self && collections)
                self->showCollections(*collections);
        });
}

void OptionsPage::showCollections(const std::vector<CollectionInfo>& collections) {
    m_collections = collections;
    // Filling the lists must not replace what the user has typed meanwhile.
    const QString typedName = m_collection->currentText();
    const QString typedType = m_docType->currentText();
    const QSignalBlocker blockName(m_collection);
    const QSignalBlocker blockType(m_docType);
    m_collection->clear();
    QStringList types;
    for (const CollectionInfo& info : collections) {
        m_collection->addItem(info.collection.name);
        if (!info.collection.docType.isEmpty() && !types.contains(info.collection.docType))
            types << info.collection.docType;
    }
    types.sort(Qt::CaseInsensitive);
    m_docType->clear();
    m_docType->addItems(types);
    m_collection->setEditText(typedName);
    m_docType->setEditText(typedType);
    collectionChanged();
}

const CollectionInfo* OptionsPage::existing() const {
    const QString name = collection();
    const auto it = std::find_if(m_collections.begin(), m_collections.end(),
                                 [&](const CollectionInfo& c) { return c.collection.name == name; });
    return it == m_collections.end() ? nullptr : &*it;
}

void OptionsPage::collectionChanged() {
    const CollectionInfo* found = existing();
    // A team library's collection is written by sharing into that library, and only so.
    const qint64 libraryId = found ? found->collection.libraryId : 0;
    m_library->setEnabled(libraryId == 0);
    if (libraryId != 0) {
        QPointer<OptionsPage> self(this);
        RagEngine* engine = &m_engine;
        m_engine.run([engine, libraryId] { return engine->libraries().list(); })
            .then(this, [self, libraryId](const Result<std::vector<TeamLibrary>>& libraries) {
                if (!self || !libraries)
                    return;
                for (const TeamLibrary& library : *libraries)
                    if (library.id == libraryId)
                        self->m_library->setCurrentIndex(std::max(0, self->m_library->findData(library.url)));
            });
    }
    if (!found) {
        m_embedder->setEnabled(true);
        m_collectionNote->setText(collection().isEmpty() ? tr("Name the collection.")
                                                         : tr("A new collection."));
    } else {
        // A collection keeps the embedder it was built with: its vectors are only comparable with those.
        const bool remote = isRemoteEmbedderId(found->collection.embedderId);
        m_embedder->setCurrentIndex(remote ? 1 : 0);
        m_embedder->setEnabled(false);
        QString note = tr("Adds to the existing collection (%Ln documents, embedder %1).", "",
                          static_cast<int>(found->stats.documents))
                           .arg(found->collection.embedderId);
        if (remote && !m_engine.openAiClient())
            note += QLatin1Char(' ') + tr("Configure its model server in Settings first.");
        m_collectionNote->setText(note);
        if (docType().isEmpty())
            m_docType->setEditText(found->collection.docType);
    }
    updateEstimate();
    emit completeChanged();
}

QString OptionsPage::costText(qint64 tokens, const QString& model) {
    const QString name = model.isEmpty() ? OpenAiConfig().embeddingModel : model;
    const double price = UsageCounters::pricePerMillion(name).first;
    if (price <= 0.0)
        return tr("No list price is known for %1; a local server costs nothing.").arg(name);
    const double cost = static_cast<double>(tokens) / 1e6 * price;
    return tr("About $%1, assuming %2's list price of $%3 per 1M tokens.")
        .arg(QLocale().toString(cost, 'f', cost < 0.01 ? 4 : 2), name, QLocale().toString(price, 'f', 2));
}

void OptionsPage::updateEstimate() {
    const auto& preview = m_sources.preview();
    const bool remote = embedder() == kOpenAi;
    QString text = remote ? tr("The texts are sent to the model server to be embedded.")
                          : tr("The built-in embedder runs on this computer: nothing leaves it, and it costs "
                               "nothing.");
    if (!preview) {
        text += QLatin1Char(' ') + tr("Estimating the size…");
    } else {
        text += QLatin1Char(' ') +
                tr("About %1 tokens to embed (from %Ln sampled files).", "", preview->sampledFiles)
                    .arg(QLocale().toString(preview->estimatedTokens));
        if (remote) {
            const OpenAiClient* client = m_engine.openAiClient();
            text += QLatin1Char(' ') +
                    costText(preview->estimatedTokens, client ? client->config().embeddingModel : QString());
            text += QLatin1Char(' ') + tr("Passages embedded before are reused, so adding to a collection "
                                          "costs less.");
        }
    }
    m_estimate->setText(text);
}

} // namespace docrag
