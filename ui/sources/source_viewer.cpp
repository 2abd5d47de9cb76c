#include "ui/sources/source_viewer.h"

#include "engine/rag/rag_engine.h"
#include "ui/sources/document_link_opener.h"
#include "ui/sources/passage_locator.h"
#include "ui/sources/source_loader.h"
#include "ui/widgets/error_text.h"
#include "ui/widgets/inert_text_browser.h"
#include "ui/widgets/plain_tool_tip.h"
#include "ui/widgets/theme_colors.h"

#include <QDesktopServices>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextImageFormat>
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
    auto* top = new QHBoxLayout;
    top->addWidget(m_breadcrumb, 1);
    top->addWidget(m_openExternal);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_notice);
    layout->addWidget(m_browser, 1);
    connect(m_openExternal, &QPushButton::clicked, this, &SourceViewer::openExternally);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &SourceViewer::linkClicked);
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
    QList<QTextEdit::ExtraSelection> selections = m_browser->extraSelections();
    for (QTextEdit::ExtraSelection& selection : selections) {
        selection.format.setBackground(ThemeColors::marker(palette()));
        selection.format.setForeground(ThemeColors::markerText(palette()));
    }
    m_browser->setExtraSelections(selections);
}

void SourceViewer::linkClicked(const QUrl& url) {
    // A place in the same document: the one kind of link that stays inside the viewer.
    if (url.scheme().isEmpty() && url.path().isEmpty() && url.hasFragment()) {
        m_browser->scrollToAnchor(url.fragment());
        return;
    }
    m_links->activate(url, QUrl::fromLocalFile(m_view.document.path));
}

void SourceViewer::showSource(const Source& source) {
    const int generation = ++m_generation;
    m_breadcrumb->setText(tr("Loading %1…").arg(source.path));
    QPointer<SourceViewer> self(this);
    RagEngine* engine = &m_engine;
    m_engine.run([engine, source] { return SourceLoader::forSource(*engine, source); })
        .then(this, [self, generation](const Result<SourceView>& view) {
            if (self && generation == self->m_generation)
                self->display(view);
        });
}

void SourceViewer::showChunk(qint64 documentId, qint64 chunkId) {
    const int generation = ++m_generation;
    QPointer<SourceViewer> self(this);
    RagEngine* engine = &m_engine;
    m_engine
        .run([engine, documentId, chunkId] { return SourceLoader::forChunk(*engine, documentId, chunkId); })
        .then(this, [self, generation](const Result<SourceView>& view) {
            if (self && generation == self->m_generation)
                self->display(view);
        });
}

void SourceViewer::display(const Result<SourceView>& loaded) {
    if (!loaded) {
        m_breadcrumb->setText(tr("Cannot show the source: %1").arg(ErrorText::of(loaded.error())));
        m_browser->clear();
        m_notice->hide();
        emit shown(false);
        return;
    }
    m_view = *loaded;
    m_browser->document()->setDefaultFont(QFont());
    m_browser->setImagePolicy(InertTextBrowser::Images::LocalFiles,
                              QUrl::fromLocalFile(m_view.document.path));
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
    if (!m_view.target.headingPath.isEmpty())
        crumbs << m_view.target.headingPath.split(QStringLiteral(" > "));
    QString location;
    if (m_view.target.page > 0)
        location = tr("page %1").arg(m_view.target.page);
    else if (m_view.target.locStart > 0)
        location = tr("lines %1–%2").arg(m_view.target.locStart).arg(m_view.target.locEnd);
    m_breadcrumb->setText(crumbs.join(QStringLiteral(" › ")) +
                          (location.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(location)));
    m_breadcrumb->setToolTip(PlainToolTip::of(m_view.document.path));
    m_notice->setText(m_view.notice);
    m_notice->setVisible(!m_view.notice.isEmpty());
    m_openExternal->setEnabled(QFileInfo::exists(m_view.document.path));

    const QTextCursor passage = PassageLocator::locate(*m_browser->document(), m_view);
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
    } else if (!m_view.target.anchor.isEmpty()) {
        m_browser->scrollToAnchor(m_view.target.anchor);
    }
    m_browser->setExtraSelections(selections);
    emit shown(!passage.isNull());
}

QString SourceViewer::highlightedText() const {
    const auto selections = m_browser->extraSelections();
    if (selections.isEmpty())
        return QString();
    return selections.front().cursor.selectedText().replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

void SourceViewer::openExternally() {
    if (m_view.document.path.isEmpty())
        return;
    QUrl url = QUrl::fromLocalFile(m_view.document.path);
    if (m_view.format == SourceView::Format::Html && !m_view.target.anchor.isEmpty())
        url.setFragment(m_view.target.anchor);
    QDesktopServices::openUrl(url);
}

} // namespace docrag
