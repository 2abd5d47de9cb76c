#pragma once

#include "engine/rag/rag_engine.h"

#include <QWizardPage>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;

namespace docrag {

class IngestLimitsBox;
class SourcesPage;

// Second page of the ingest wizard: the collection (new, or one to add to), its doc type, and the
// embedder, with an estimate of the tokens to embed and, through a model server, what that costs, and the
// limits each file is read with.
// Committing this page starts the ingest.
class OptionsPage final : public QWizardPage {
    Q_OBJECT

public:
    OptionsPage(RagEngine& engine, const SourcesPage& sources, QWidget* parent = nullptr);

    QString collection() const;
    QString docType() const;
    QString embedder() const; // "local" or "openai"
    IngestLimits limits() const;
    bool keepInSync() const;
    // The team library to share the collection in (its URL), or empty: this computer only.
    QString library() const;

    void initializePage() override;
    bool isComplete() const override;

    // "$0.0123"-style estimate line for `tokens` embedded with `model` (empty model: OpenAI's default).
    static QString costText(qint64 tokens, const QString& model);

private:
    void loadCollections();
    void loadLibraries();
    void showCollections(const std::vector<CollectionInfo>& collections);
    void collectionChanged();
    void updateEstimate();
    const CollectionInfo* existing() const;

    RagEngine& m_engine;
    const SourcesPage& m_sources;
    std::vector<CollectionInfo> m_collections;
    QComboBox* m_collection = nullptr;
    QComboBox* m_docType = nullptr;
    QComboBox* m_embedder = nullptr;
    QCheckBox* m_keepInSync = nullptr;
    QComboBox* m_library = nullptr;
    QLabel* m_collectionNote = nullptr;
    QLabel* m_estimate = nullptr;
    IngestLimitsBox* m_limits = nullptr;
};

} // namespace docrag
