#pragma once

#include "engine/core/chunk.h"
#include "engine/core/document.h"
#include "engine/core/hit.h"
#include "engine/core/symbol.h"
#include "engine/rag/rag_engine.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QLineEdit;
class QTextBrowser;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;
class QUrl;

namespace docrag {

class SymbolSuggestions;

// Offline browsing: collections → documents → heading outline, a type-ahead over API names, and a
// full-text search with highlighted snippets. Everything is read from the local database off the UI
// thread; nothing needs the network.
class LibraryView final : public QWidget {
    Q_OBJECT
public:
    explicit LibraryView(RagEngine& engine, QWidget* parent = nullptr);

    enum ItemKind { CollectionItem = 1, DocumentItem, HeadingItem, PlaceholderItem, FolderItem };
    static constexpr int kKindRole = Qt::UserRole;
    static constexpr int kIdRole = Qt::UserRole + 1;          // collection or document id
    static constexpr int kChunkRole = Qt::UserRole + 2;       // heading items: the chunk it starts at
    static constexpr int kDocumentRole = Qt::UserRole + 3;    // heading items: their document
    static constexpr int kInterruptedRole = Qt::UserRole + 4; // collection items: resumable
    static constexpr int kNameRole = Qt::UserRole + 5;        // collection items: the name
    static constexpr int kKeepInSyncRole = Qt::UserRole + 6;  // collection items: follows its folders
    static constexpr int kGenerationRole = Qt::UserRole + 7;  // collection items: of what is shown

public slots:
    void reload();
    void search(const QString& query);
    // Offers the API names that match `typed` (the search box does this on every keystroke).
    void lookupSymbols(const QString& typed);
    // Shows where the symbol is defined.
    void openSymbol(const docrag::SymbolHit& hit);
    // Puts the keyboard focus in the search box, its text selected to be typed over.
    void focusSearch();
    // How a collection kept in sync is followed (LiveCollections::following): its row says so.
    void setFollowing(const QString& collection, bool watched, const QString& why);

signals:
    void chunkActivated(qint64 documentId, qint64 chunkId); // 0: the document's start
    void collectionsLoaded(const QStringList& names);
    // Collections whose last ingest was interrupted, as "name: done of total files" texts.
    void interruptedFound(const QStringList& collections);
    // The user chose "Resume ingest" on an interrupted collection.
    void resumeRequested(const QString& collection);
    // The user turned "Keep in sync" on or off for a collection.
    void keepInSyncRequested(const QString& collection, bool keep);
    void searchFinished(int hits);
    // Esc in the search box: the user is done with the library.
    void leaveRequested();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showCollections(const std::vector<CollectionInfo>& collections);
    void describeCollection(QTreeWidgetItem* item, const CollectionInfo& info);
    void showContextMenu(const QPoint& at);
    void expand(QTreeWidgetItem* item);
    void showDocuments(QTreeWidgetItem* item, const std::vector<OutlineNode>& nodes);
    void showOutline(QTreeWidgetItem* item, const std::vector<Chunk>& chunks);
    void showHits(const QString& query, const Result<std::vector<Hit>>& hits);
    void activate(QTreeWidgetItem* item);
    void linkActivated(const QUrl& url);

    RagEngine& m_engine;
    QLineEdit* m_search = nullptr;
    QTreeWidget* m_tree = nullptr;
    struct Following final {
        bool watched = true;
        QString why;
    };
    QHash<QString, Following> m_following; // by collection
    QTextBrowser* m_results = nullptr;
    SymbolSuggestions* m_symbols = nullptr;
    QTimer* m_searchDelay = nullptr;
    int m_searchGeneration = 0;
    int m_lookupGeneration = 0;
    // The hits on show, written again in the colours of a new palette.
    QString m_shownQuery;
    std::vector<Hit> m_shownHits;
};

} // namespace docrag
