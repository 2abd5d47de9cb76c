#include "ui/sources/source_viewer.h"

#include "engine/rag/rag_engine.h"
#include "ui/sources/document_link_opener.h"
#include "ui/sources/find_bar.h"
#include "ui/sources/passage_locator.h"
#include "ui/sources/source_loader.h"
#include "ui/widgets/error_text.h"
#include "ui/widgets/inert_text_browser.h"
#include "ui/widgets/plain_tool_tip.h"
#include "ui/widgets/theme_colors.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QDesktopServices>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextImageFormat>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace docrag {
namespace {

constexpr auto kMarkdown =
    QTextDocument::MarkdownFeatures(QTextDocument::MarkdownNoHTML | QTextDocument::MarkdownDialectGitHub);
constexpr double kMaxImageSide = 1600;

// An HTML document may size an image so that it pushes everything after it out of sight: no image is
// drawn larger than kMaxImageSide, in proportion.
void boundImages(QTextDocument& document) {
    std::vector<std::pair<int, QTextImageFormat>> bounded;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            const double largest = std::max(image.width(), image.height());
            if (largest <= kMaxImageSide)
                continue;
            const double scale = kMaxImageSide / largest;
            if (image.width() > 0)
                image.setWidth(image.width() * scale);
            if (image.height() > 0)
                image.setHeight(image.height() * scale);
            for (int i = 0; i < fragment.length(); ++i)
                bounded.emplace_back(fragment.position() + i, image);
        }
    }
    for (const auto& [position, image] : bounded) {
        QTextCursor cursor(&document);
        cursor.setPosition(position);
        cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
        cursor.setCharFormat(image);
    }
}

} // namespace

SourceViewer::SourceViewer(RagEngine& engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine) {
    m_breadcrumb = new QLabel(tr("Click a citation or a library item to see its source."), this);
    m_breadcrumb->setObjectName(QStringLiteral("breadcrumbLabel"));
    m_breadcrumb->setTextFormat(Qt::PlainText); // document titles and headings
    m_breadcrumb->setWordWrap(true);
    m_breadcrumb->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setMargin(6);
    m_notice->setAutoFillBackground(true);
    m_notice->hide();
    m_openExternal = new QPushButton(tr("Open in system viewer"), this);
    m_openExternal->setObjectName(QStringLiteral("openExternalButton"));
    m_openExternal->setEnabled(false);
    m_browser = new InertTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("documentBrowser"));
    m_browser->setAccessibleName(tr("Source document"));
    m_browser->setAccessibleDescription(
        tr("The document a passage came from, with the passage highlighted."));
    m_links = new DocumentLinkOpener(this);
    m_backButton = new QToolButton(this);
    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_backButton->setText(tr("Back"));
    m_backButton->setToolTip(tr("Back to the previous place (Alt+Left)"));
    m_backButton->setEnabled(false);
    m_forwardButton = new QToolButton(this);
    m_forwardButton->setObjectName(QStringLiteral("forwardButton"));
    m_forwardButton->setText(tr("Forward"));
    m_forwardButton->setToolTip(tr("Forward again (Alt+Right)"));
    m_forwardButton->setEnabled(false);
    m_find = new FindBar(m_browser, this);
    auto* top = new QHBoxLayout;
    top->addWidget(m_backButton);
    top->addWidget(m_forwardButton);
    top->addWidget(m_breadcrumb, 1);
    top->addWidget(m_openExternal);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(m_find);
    layout->addWidget(m_browser, 1);
    connect(m_openExternal, &QPushButton::clicked, this, &SourceViewer::openExternally);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &SourceViewer::linkClicked);
    connect(m_backButton, &QToolButton::clicked, this, &SourceViewer::back);
    connect(m_forwardButton, &QToolButton::clicked, this, &SourceViewer::forward);
    connect(m_find, &FindBar::selectionsChanged, this, &SourceViewer::updateSelections);
    connect(this, &SourceViewer::historyChanged, this, [this] {
        m_backButton->setEnabled(m_history.canGoBack());
        m_forwardButton->setEnabled(m_history.canGoForward());
    });
    m_browser->viewport()->installEventFilter(this);
    addActions();
    applyColours();
}

void SourceViewer::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

void SourceViewer::applyColours() {
    // The notice is a yellow note on a light palette and a dark amber one on a dark palette.
    QPalette notice = m_notice->palette();
    notice.setColor(QPalette::Window, ThemeColors::noticeBackground(palette()));
    notice.setColor(QPalette::WindowText, ThemeColors::noticeText(palette()));
    m_notice->setPalette(notice);
    for (QTextEdit::ExtraSelection& selection : m_passage) {
        selection.format.setBackground(ThemeColors::marker(palette()));
        selection.format.setForeground(ThemeColors::markerText(palette()));
    }
    updateSelections();
}

void SourceViewer::updateSelections() {
    m_browser->setExtraSelections(m_passage + m_find->selections());
}

// Zoom acts where the reader is; back, forward and find are also in the window's menus.
void SourceViewer::addActions() {
    const auto add = [this](const QString& name, const QList<QKeySequence>& keys,
                            void (SourceViewer::*slot)()) {
        auto* action = new QAction(this);
        action->setObjectName(name);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        QWidget::addAction(action);
    };
    add(QStringLiteral("zoomInAction"),
        {QKeySequence(QKeySequence::ZoomIn), QKeySequence(Qt::CTRL | Qt::Key_Equal)}, &SourceViewer::zoomIn);
    add(QStringLiteral("zoomOutAction"), {QKeySequence(QKeySequence::ZoomOut)}, &SourceViewer::zoomOut);
    add(QStringLiteral("resetZoomAction"), {QKeySequence(Qt::CTRL | Qt::Key_0)}, &SourceViewer::resetZoom);
}

void SourceViewer::zoomIn() {
    if (m_zoom < 10) {
        m_browser->zoomIn(1);
        ++m_zoom;
    }
}

void SourceViewer::zoomOut() {
    if (m_zoom > -5) {
        m_browser->zoomOut(1);
        --m_zoom;
    }
}

void SourceViewer::resetZoom() {
    m_browser->zoomOut(m_zoom);
    m_zoom = 0;
}

void SourceViewer::findInPage() {
    m_find->activate();
}

bool SourceViewer::eventFilter(QObject* watched, QEvent* event) {
    // The mouse's side buttons, as in a web browser.
    if (watched == m_browser->viewport() && event->type() == QEvent::MouseButtonPress) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::BackButton) {
            back();
            return true;
        }
        if (mouse->button() == Qt::ForwardButton) {
            forward();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

// Going somewhere new: where the reader is goes on the back stack.
void SourceViewer::leave() {
    m_history.visit(currentPlace());
    emit historyChanged();
}

BrowsingHistory::Place SourceViewer::currentPlace() const {
    BrowsingHistory::Place place = m_place;
    place.scroll = m_browser->verticalScrollBar()->value();
    return place;
}

void SourceViewer::back() {
    if (auto to = m_history.back(currentPlace()))
        go(*to, false);
    emit historyChanged();
}

void SourceViewer::forward() {
    if (auto to = m_history.forward(currentPlace()))
        go(*to, false);
    emit historyChanged();
}

void SourceViewer::go(const BrowsingHistory::Place& place, bool record) {
    if (record)
        leave();
    const int generation = ++m_generation;
    QPointer<SourceViewer> self(this);
    RagEngine* engine = &m_engine;
    const qint64 documentId = place.documentId;
    const qint64 chunkId = place.highlight ? place.chunkId : 0;
    m_engine
        .run([engine, documentId, chunkId] { return SourceLoader::forChunk(*engine, documentId, chunkId); })
        .then(this, [self, generation, place](const Result<SourceView>& view) {
            if (self && generation == self->m_generation)
                self->display(view, place);
        });
}

void SourceViewer::showDocument(qint64 documentId, const QString& anchor) {
    BrowsingHistory::Place place;
    place.documentId = documentId;
    place.anchor = anchor;
    place.highlight = false;
    go(place, true);
}

// A link to a file that a collection holds opens here; one to any other file goes to the opener, which
// asks first.
void SourceViewer::followLocalLink(const QUrl& link) {
    const QUrl base = QUrl::fromLocalFile(m_view.document.path);
    const QUrl url = link.isRelative() ? base.resolved(link) : link;
    const QString path = url.toLocalFile();
    const QString anchor = url.fragment();
    const qint64 collectionId = m_view.document.collectionId;
    QPointer<SourceViewer> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, path, collectionId] { return engine->documentAt(path, collectionId); })
        .then(this, [self, link, base, anchor](const Result<Document>& document) {
            if (!self)
                return;
            if (document)
                self->showDocument(document->id, anchor);
            else
                self->m_links->activate(link, base);
        });
}

void SourceViewer::linkClicked(const QUrl& url) {
    // A place in the same document scrolls; a document of the collections opens here (followLocalLink).
    if (url.scheme().isEmpty() && url.path().isEmpty() && url.hasFragment()) {
        leave();
        m_browser->scrollToAnchor(url.fragment());
        m_place.anchor = url.fragment();
        m_place.highlight = false;
        return;
    }
    if ((url.scheme().isEmpty() || url.isLocalFile()) && !m_view.document.path.isEmpty()) {
        followLocalLink(url);
        return;
    }
    m_links->activate(url, QUrl::fromLocalFile(m_view.document.path));
}

void SourceViewer::showSource(const Source& source) {
    leave();
    const int generation = ++m_generation;
    m_breadcrumb->setText(tr("Loading %1…").arg(source.path));
    QPointer<SourceViewer> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, source] { return SourceLoader::forSource(*engine, source); })
        .then(this, [self, generation](const Result<SourceView>& view) {
            if (self && generation == self->m_generation)
                self->display(view, BrowsingHistory::Place{});
        });
}

void SourceViewer::showChunk(qint64 documentId, qint64 chunkId) {
    BrowsingHistory::Place place;
    place.documentId = documentId;
    place.chunkId = chunkId;
    go(place, true);
}

void SourceViewer::display(const Result<SourceView>& loaded, const BrowsingHistory::Place& place) {
    if (!loaded) {
        m_breadcrumb->setText(tr("Cannot show the source: %1").arg(ErrorText::of(loaded.error())));
        m_browser->clear();
        m_notice->hide();
        m_passage.clear();
        m_place = {};
        m_find->refresh();
        updateSelections();
        emit shown(false);
        return;
    }
    m_view = *loaded;
    m_place = place;
    m_place.documentId = m_view.document.id;
    m_place.chunkId = place.highlight ? m_view.target.id : 0;
    m_place.scroll = -1;
    m_browser->document()->setDefaultFont(QFont());
    m_browser->setImagePolicy(InertTextBrowser::Images::LocalFiles, QUrl::fromLocalFile(m_view.document.path),
                              m_view.roots);
    switch (m_view.format) {
    case SourceView::Format::Markdown:
        m_browser->document()->setMarkdown(m_view.content, kMarkdown);
        break;
    case SourceView::Format::Html:
        m_browser->setHtml(m_view.content);
        boundImages(*m_browser->document());
        break;
    case SourceView::Format::Code:
        m_browser->document()->setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_browser->setPlainText(m_view.content);
        break;
    case SourceView::Format::PlainText:
        m_browser->setPlainText(m_view.content);
        break;
    }
    QStringList crumbs;
    crumbs << (m_view.document.title.isEmpty() ? QFileInfo(m_view.document.path).fileName()
                                               : m_view.document.title);
    // A followed link shows a page, not a passage: its title is the whole crumb.
    if (place.highlight && !m_view.target.headingPath.isEmpty())
        crumbs << m_view.target.headingPath.split(QStringLiteral(" > "));
    QString location;
    if (place.highlight && m_view.target.page > 0)
        location = tr("page %1").arg(m_view.target.page);
    else if (place.highlight && m_view.target.locStart > 0)
        location = tr("lines %1–%2").arg(m_view.target.locStart).arg(m_view.target.locEnd);
    m_breadcrumb->setText(crumbs.join(QStringLiteral(" › ")) +
                          (location.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(location)));
    m_breadcrumb->setToolTip(PlainToolTip::of(m_view.document.path));
    m_notice->setText(m_view.notice);
    m_notice->setVisible(!m_view.notice.isEmpty());
    m_openExternal->setEnabled(QFileInfo::exists(m_view.document.path));

    const QTextCursor passage =
        place.highlight ? PassageLocator::locate(*m_browser->document(), m_view) : QTextCursor();
    QList<QTextEdit::ExtraSelection> selections;
    if (!passage.isNull()) {
        QTextEdit::ExtraSelection highlight;
        highlight.cursor = passage;
        // A highlighter pen in the palette's colours, with the text in a colour that reads on it.
        highlight.format.setBackground(ThemeColors::marker(palette()));
        highlight.format.setForeground(ThemeColors::markerText(palette()));
        selections << highlight;
        // Scroll so that the passage starts near the top, not at the bottom edge.
        QTextCursor at(m_browser->document());
        at.setPosition(passage.selectionEnd());
        m_browser->setTextCursor(at);
        m_browser->ensureCursorVisible();
        at.setPosition(passage.selectionStart());
        m_browser->setTextCursor(at);
        m_browser->ensureCursorVisible();
    } else if (!place.highlight && !place.anchor.isEmpty()) {
        m_browser->scrollToAnchor(place.anchor);
    } else if (place.highlight && !m_view.target.anchor.isEmpty()) {
        m_browser->scrollToAnchor(m_view.target.anchor);
    } else {
        m_browser->verticalScrollBar()->setValue(0);
    }
    if (place.scroll >= 0) {
        // Back or forward: where the reader was. The layout must be complete for the range to allow it.
        m_browser->document()->documentLayout()->documentSize();
        m_browser->verticalScrollBar()->setValue(place.scroll);
    }
    m_passage = selections;
    m_find->refresh();
    updateSelections();
    emit shown(!passage.isNull());
}

QString SourceViewer::highlightedText() const {
    if (m_passage.isEmpty())
        return QString();
    return m_passage.front().cursor.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

void SourceViewer::openExternally() {
    if (m_view.document.path.isEmpty())
        return;
    QUrl url = QUrl::fromLocalFile(m_view.document.path);
    if (m_view.format == SourceView::Format::Html && !m_view.target.anchor.isEmpty())
        url.setFragment(m_view.target.anchor);
    if (!QDesktopServices::openUrl(url)) {
        m_notice->setText(
            tr("No application is set up to open %1 on this system.").arg(m_view.document.path));
        m_notice->show();
    }
}

} // namespace docrag
