#include "ui/library/library_view.h"

#include "ui/library/symbol_suggestions.h"
#include "ui/widgets/error_text.h"
#include "ui/widgets/inert_text_browser.h"
#include "ui/widgets/location_text.h"
#include "ui/widgets/plain_tool_tip.h"
#include "ui/widgets/theme_colors.h"

#include <QDateTime>
#include <QEvent>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace docrag {
namespace {

QString highlighted(const Hit& hit, const QColor& marker, const QColor& markerText) {
    QString out;
    qsizetype at = 0;
    for (const auto& [start, length] : hit.snippetHighlights) {
        if (start < at)
            continue;
        out += hit.snippet.mid(at, start - at).toHtmlEscaped();
        out += QStringLiteral("<b style=\"background:%2; color:%3\">%1</b>")
                   .arg(hit.snippet.mid(start, length).toHtmlEscaped(), marker.name(), markerText.name());
        at = start + length;
    }
    return out + hit.snippet.mid(at).toHtmlEscaped();
}

} // namespace

LibraryView::LibraryView(RagEngine& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine) {
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("librarySearchEdit"));
    m_search->setPlaceholderText(tr("Search all documentation (works offline)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the library"));
    m_search->setAccessibleDescription(tr("Type an API name or any words. Up and Down choose among the API "
                                          "names found, Enter opens one, Esc returns to the chat."));
    m_search->installEventFilter(this);
    m_symbols = new SymbolSuggestions(this);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("libraryTree"));
    m_tree->setAccessibleName(tr("Collections"));
    m_tree->setAccessibleDescription(tr("Collections, their documents and the documents' headings. "
                                        "Selecting one shows it in the source viewer."));
    m_tree->setHeaderHidden(true);
    // Results are HTML that DocRag writes, with every text from the documents escaped.
    m_results = new InertTextBrowser(this);
    m_results->setObjectName(QStringLiteral("searchResultsBrowser"));
    m_results->setAccessibleName(tr("Search results"));
    m_results->setAccessibleDescription(tr("Tab moves between the results; Enter opens one."));
    m_results->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_symbols);
    split->addWidget(m_results);
    split->addWidget(m_tree);
    layout->addWidget(split, 1);
    // The results sit above the tree.
    setTabOrder(m_search, m_symbols);
    setTabOrder(m_symbols, m_results);
    setTabOrder(m_results, m_tree);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::textChanged, this, &LibraryView::lookupSymbols);
    connect(m_symbols, &SymbolSuggestions::chosen, this, &LibraryView::openSymbol);
    connect(m_searchDelay, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_tree, &QTreeWidget::itemExpanded, this, &LibraryView::expand);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &LibraryView::showContextMenu);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { activate(item); });
    connect(m_results, &QTextBrowser::anchorClicked, this, &LibraryView::linkActivated);
}

void LibraryView::reload() {
    QPointer<LibraryView> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine] { return engine->collections(); })
        .then(this, [self](const Result<std::vector<CollectionInfo>>& collections) {
            if (self && collections)
                self->showCollections(*collections);
        });
}

void LibraryView::showCollections(const std::vector<CollectionInfo>& collections) {
    // The same collections as shown: their rows change in place, so that what is open stays open.
    bool same = m_tree->topLevelItemCount() == static_cast<int>(collections.size());
    for (int i = 0; same && i < m_tree->topLevelItemCount(); ++i)
        same = m_tree->topLevelItem(i)->data(0, kIdRole).toLongLong() ==
               collections[static_cast<size_t>(i)].collection.id;
    if (!same)
        m_tree->clear();
    QStringList names;
    QStringList interrupted;
    for (size_t i = 0; i < collections.size(); ++i) {
        const CollectionInfo& info = collections[i];
        const Collection& c = info.collection;
        names << c.name;
        QTreeWidgetItem* item =
            same ? m_tree->topLevelItem(static_cast<int>(i)) : new QTreeWidgetItem(m_tree);
        if (same && item->data(0, kGenerationRole).toLongLong() != c.generation) {
            // Its documents changed: they are read again when it is opened.
            item->setExpanded(false);
            qDeleteAll(item->takeChildren());
        }
        describeCollection(item, info);
        if (info.ingest == CollectionInfo::Ingest::Interrupted)
            interrupted
                << tr("%1 (%2 of %Ln files)", "", c.filesTotal).arg(c.name, QLocale().toString(c.filesDone));
    }
    emit collectionsLoaded(names);
    emit interruptedFound(interrupted);
}

void LibraryView::describeCollection(QTreeWidgetItem* item, const CollectionInfo& info) {
    const Collection& c = info.collection;
    QString text = tr("%1  (%Ln documents, %2)", "", static_cast<int>(info.stats.indexed))
                       .arg(c.name, tr("%Ln passages", "", static_cast<int>(info.stats.chunks)));
    QString tip;
    const QString synced = c.syncedAtMs > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.syncedAtMs),
                                                                 QLocale::ShortFormat)
                                            : tr("never");
    if (info.ingest == CollectionInfo::Ingest::Interrupted) {
        text +=
            QStringLiteral("  ") +
            tr("interrupted: %1 of %Ln files done", "", c.filesTotal).arg(QLocale().toString(c.filesDone));
        tip = tr("The last ingest of this collection did not finish. Right-click (or press "
                 "the menu key) and choose Resume ingest to finish it; what was stored is kept.");
    } else if (info.ingest == CollectionInfo::Ingest::Running) {
        text += QStringLiteral("  ") +
                tr("being ingested: %1 of %Ln files", "", c.filesTotal).arg(QLocale().toString(c.filesDone));
    } else if (c.libraryId != 0) {
        text += QStringLiteral("  ") + tr("team library, synced %1").arg(synced);
        tip = tr("A copy of a collection of a team library, searched on this computer. DocRag syncs it from "
                 "the "
                 "library every few minutes; it changes only there. Last synced: %1.")
                  .arg(synced);
    } else if (c.keepInSync) {
        const auto following = m_following.constFind(c.name);
        const bool rescanned = following != m_following.constEnd() && !following->watched;
        text += QStringLiteral("  ") + (rescanned ? tr("synced %1, checked every few minutes").arg(synced)
                                                  : tr("synced %1").arg(synced));
        if (following == m_following.constEnd())
            tip = tr("Kept in sync with its folders. Last synced: %1.").arg(synced);
        else if (following->watched)
            tip = tr("Kept in sync: DocRag watches its folders and ingests what changes. Last synced: %1.")
                      .arg(synced);
        else
            tip =
                tr("Kept in sync: its folders cannot be watched (%1), so DocRag looks for changes every few "
                   "minutes. Last synced: %2.")
                    .arg(following->why, synced);
    }
    item->setText(0, text);
    item->setToolTip(0, tip.isEmpty() ? QString() : PlainToolTip::of(tip));
    item->setData(0, kKindRole, CollectionItem);
    item->setData(0, kIdRole, c.id);
    item->setData(0, kNameRole, c.name);
    item->setData(0, kKeepInSyncRole, c.keepInSync);
    item->setData(0, kGenerationRole, c.generation);
    item->setData(0, kInterruptedRole,
                  info.ingest == CollectionInfo::Ingest::Interrupted ? c.name : QString());
    item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
}

void LibraryView::setFollowing(const QString& collection, bool watched, const QString& why) {
    m_following.insert(collection, Following{watched, why});
    reload();
}

void LibraryView::showContextMenu(const QPoint& at) {
    QTreeWidgetItem* item = m_tree->itemAt(at);
    if (!item)
        item = m_tree->currentItem(); // the menu key
    if (!item || item->data(0, kKindRole).toInt() != CollectionItem)
        return;
    const QString name = item->data(0, kNameRole).toString();
    QMenu menu(this);
    if (!item->data(0, kInterruptedRole).toString().isEmpty()) {
        QAction* resume = menu.addAction(tr("&Resume ingest"));
        resume->setObjectName(QStringLiteral("resumeIngestAction"));
        connect(resume, &QAction::triggered, this, [this, name] { emit resumeRequested(name); });
    }
    QAction* keep = menu.addAction(tr("&Keep in sync with its folders"));
    keep->setObjectName(QStringLiteral("keepInSyncAction"));
    keep->setCheckable(true);
    keep->setChecked(item->data(0, kKeepInSyncRole).toBool());
    connect(keep, &QAction::toggled, this, [this, name](bool on) { emit keepInSyncRequested(name, on); });
    menu.exec(m_tree->viewport()->mapToGlobal(at));
}

void LibraryView::expand(QTreeWidgetItem* item) {
    const int kind = item->data(0, kKindRole).toInt();
    if (item->childCount() > 0 || (kind != CollectionItem && kind != DocumentItem))
        return;
    const qint64 id = item->data(0, kIdRole).toLongLong();
    QPointer<LibraryView> self(this);
    RagEngine* engine = &m_engine;
    // Items may be gone when the answer comes (a reload clears the tree): find them again by id.
    auto findItem = [self, kind, id]() -> QTreeWidgetItem* {
        if (!self)
            return nullptr;
        for (QTreeWidgetItemIterator it(self->m_tree); *it; ++it) {
            if ((*it)->data(0, kKindRole).toInt() == kind && (*it)->data(0, kIdRole).toLongLong() == id)
                return *it;
        }
        return nullptr;
    };
    if (kind == CollectionItem) {
        m_engine.run([engine, id] { return engine->outline(id); })
            .then(this, [self, findItem](const Result<std::vector<OutlineNode>>& outline) {
                if (QTreeWidgetItem* at = findItem(); at && outline)
                    self->showDocuments(at, *outline);
            });
    } else {
        m_engine.run([engine, id] { return engine->chunks(id); })
            .then(this, [self, findItem](const Result<std::vector<Chunk>>& chunks) {
                if (QTreeWidgetItem* at = findItem(); at && chunks)
                    self->showOutline(at, *chunks);
            });
    }
}

// The doc set's own order (its table of contents, then folders); a document the contents list nothing
// under opens to its headings.
void LibraryView::showDocuments(QTreeWidgetItem* parent, const std::vector<OutlineNode>& nodes) {
    for (const OutlineNode& node : nodes) {
        auto* item = new QTreeWidgetItem(parent);
        item->setText(0, node.title);
        item->setToolTip(0, PlainToolTip::of(node.path));
        item->setData(0, kKindRole, node.documentId == 0 ? FolderItem : DocumentItem);
        item->setData(0, kIdRole, node.documentId);
        showDocuments(item, node.children);
        if (node.documentId != 0 && node.children.empty())
            item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    }
}

void LibraryView::showOutline(QTreeWidgetItem* parent, const std::vector<Chunk>& chunks) {
    // One item per heading path, nested by its levels, at the first chunk under it.
    std::map<QString, QTreeWidgetItem*> made;
    const qint64 documentId = parent->data(0, kIdRole).toLongLong();
    for (const Chunk& c : chunks) {
        const QStringList levels = c.headingPath.split(QStringLiteral(" > "), Qt::SkipEmptyParts);
        QTreeWidgetItem* under = parent;
        QString path;
        for (const QString& level : levels) {
            path += (path.isEmpty() ? QString() : QStringLiteral(" > ")) + level;
            auto [it, added] = made.try_emplace(path, nullptr);
            if (added) {
                it->second = new QTreeWidgetItem(under);
                it->second->setText(0, level);
                it->second->setData(0, kKindRole, HeadingItem);
                it->second->setData(0, kChunkRole, c.id);
                it->second->setData(0, kDocumentRole, documentId);
            }
            under = it->second;
        }
    }
    if (parent->childCount() == 0)
        parent->setChildIndicatorPolicy(QTreeWidgetItem::DontShowIndicator);
}

void LibraryView::activate(QTreeWidgetItem* item) {
    if (!item)
        return;
    const int kind = item->data(0, kKindRole).toInt();
    if (kind == DocumentItem)
        emit chunkActivated(item->data(0, kIdRole).toLongLong(), 0);
    else if (kind == HeadingItem)
        emit chunkActivated(item->data(0, kDocumentRole).toLongLong(),
                            item->data(0, kChunkRole).toLongLong());
}

void LibraryView::search(const QString& query) {
    if (m_search->text() != query)
        m_search->setText(query); // typed elsewhere (tests, the menu): show it
    m_searchDelay->stop();
    const int generation = ++m_searchGeneration;
    if (query.trimmed().isEmpty()) {
        m_results->hide();
        return;
    }
    SearchOptions options;
    options.k = 20;
    QPointer<LibraryView> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, query, options] { return engine->search(query, options); })
        .then(this, [self, generation, query](const Result<std::vector<Hit>>& hits) {
            if (self && generation == self->m_searchGeneration)
                self->showHits(query, hits);
        });
}

void LibraryView::lookupSymbols(const QString& typed) {
    const int generation = ++m_lookupGeneration;
    if (typed.trimmed().isEmpty()) {
        m_symbols->showHits({});
        return;
    }
    QPointer<LibraryView> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, typed] { return engine->lookupSymbols(typed, 12); })
        .then(this, [self, generation](const Result<std::vector<SymbolHit>>& hits) {
            // Only the answer to the latest keystroke shows; a failed lookup leaves the full-text search.
            if (!self || generation != self->m_lookupGeneration)
                return;
            self->m_symbols->showHits(hits ? *hits : std::vector<SymbolHit>{});
        });
}

void LibraryView::openSymbol(const SymbolHit& hit) {
    QPointer<LibraryView> self(this);
    RagEngine* engine = &m_engine;
    const qint64 documentId = hit.documentId;
    const Symbol symbol = hit.symbol;
    m_engine
        .run([engine, documentId, symbol] { return engine->chunkAt(documentId, symbol.anchor, symbol.line); })
        .then(this, [self, documentId](const Result<qint64>& chunk) {
            if (self)
                emit self->chunkActivated(documentId, chunk ? *chunk : 0);
        });
}

bool LibraryView::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_search || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    switch (key->key()) {
    case Qt::Key_Down:
    case Qt::Key_Up:
        if (m_symbols->isHidden())
            return false;
        m_symbols->moveCurrent(key->key() == Qt::Key_Down ? 1 : -1);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (const SymbolHit* hit = m_symbols->currentHit()) {
            openSymbol(*hit);
            return true;
        }
        search(m_search->text()); // no name to open: the words, now
        return true;
    case Qt::Key_Escape:
        emit leaveRequested();
        return true;
    default:
        return false;
    }
}

void LibraryView::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LibraryView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_shownQuery.isEmpty() && !m_results->isHidden())
        showHits(m_shownQuery, std::vector<Hit>(m_shownHits));
}

void LibraryView::showHits(const QString& query, const Result<std::vector<Hit>>& hits) {
    m_results->show();
    m_shownQuery.clear();
    m_shownHits.clear();
    if (!hits) {
        m_results->setHtml(tr("<p>Search failed: %1</p>").arg(ErrorText::of(hits.error()).toHtmlEscaped()));
        emit searchFinished(0);
        return;
    }
    m_shownQuery = query;
    m_shownHits = *hits;
    const QColor muted = ThemeColors::muted(palette());
    const QColor marker = ThemeColors::marker(palette());
    const QColor markerText = ThemeColors::markerText(palette());
    // Qt would take the palette's link colour as it is, however dark.
    const QColor link =
        ThemeColors::readable(palette().color(QPalette::Link), palette().color(QPalette::Base));
    QString html;
    if (hits->empty())
        html = tr("<p>Nothing matches “%1”.</p>").arg(query.toHtmlEscaped());
    for (const Hit& h : *hits) {
        const QString where = h.headingPath.isEmpty() ? h.title : h.headingPath;
        html += QStringLiteral("<p><a href=\"chunk:%1:%2\" style=\"color:%9\"><b>%3</b></a><br/><span "
                               "style=\"color:%8\">%4 · %5 · "
                               "%6</span><br/>%7</p>")
                    .arg(h.documentId)
                    .arg(h.chunkId)
                    .arg(where.toHtmlEscaped(), h.collection.toHtmlEscaped(),
                         QFileInfo(h.path).fileName().toHtmlEscaped(),
                         LocationText::of(h.page, h.locStart, h.locEnd, h.anchor).toHtmlEscaped(),
                         highlighted(h, marker, markerText), muted.name(), link.name());
    }
    m_results->setHtml(html);
    emit searchFinished(static_cast<int>(hits->size()));
}

void LibraryView::linkActivated(const QUrl& url) {
    const QStringList parts = url.toString().split(QLatin1Char(':'));
    if (parts.size() == 3 && parts[0] == QLatin1String("chunk"))
        emit chunkActivated(parts[1].toLongLong(), parts[2].toLongLong());
}

} // namespace docrag
