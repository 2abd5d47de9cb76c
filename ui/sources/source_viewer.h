#pragma once

#include "engine/core/result.h"
#include "engine/core/source.h"
#include "ui/sources/browsing_history.h"
#include "ui/sources/source_view.h"

#include <QTextEdit>
#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;
class QUrl;

namespace docrag {

class DocumentLinkOpener;
class FindBar;
class InertTextBrowser;
class RagEngine;

// The whole document a passage came from, rendered (Markdown and HTML readable, code monospace, plain
// text as is), with the passage highlighted and scrolled into view, a heading breadcrumb, a button to
// open the file in the system's viewer, and a notice when the source changed since an answer cited it.
// It browses like a docs browser: a link to another document of the collections opens it here at its
// anchor, back and forward (Alt+Left/Right, the mouse's side buttons) return to where the reader was,
// Ctrl+F finds in the page, Ctrl+Plus/Minus/0 zoom.
// A document is shown, never obeyed: Markdown without raw HTML, images only from local files, links acting
// only on a click (and outside the web, only after a confirmation that shows the target).
class SourceViewer final : public QWidget {
    Q_OBJECT
public:
    explicit SourceViewer(RagEngine& engine, QWidget* parent = nullptr);

    const SourceView& view() const { return m_view; }
    // The highlighted passage as the viewer shows it; empty when none.
    QString highlightedText() const;
    bool canGoBack() const { return m_history.canGoBack(); }
    bool canGoForward() const { return m_history.canGoForward(); }
    FindBar* findBar() const { return m_find; }

public slots:
    void showSource(const docrag::Source& source);
    void showChunk(qint64 documentId, qint64 chunkId);
    void openExternally();
    // A followed link: the page from its top, or at `anchor`, with nothing highlighted.
    void showDocument(qint64 documentId, const QString& anchor);
    void back();
    void forward();
    void findInPage();
    void zoomIn();
    void zoomOut();
    void resetZoom();

signals:
    void shown(bool highlighted);
    void historyChanged();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyColours();
    void display(const Result<SourceView>& view, const BrowsingHistory::Place& place);
    void go(const BrowsingHistory::Place& place, bool record);
    BrowsingHistory::Place currentPlace() const;
    void leave();
    void linkClicked(const QUrl& url);
    void followLocalLink(const QUrl& link);
    void updateSelections();
    void addActions();

    RagEngine& m_engine;
    QLabel* m_breadcrumb = nullptr;
    QLabel* m_notice = nullptr;
    QPushButton* m_openExternal = nullptr;
    QToolButton* m_backButton = nullptr;
    QToolButton* m_forwardButton = nullptr;
    FindBar* m_find = nullptr;
    InertTextBrowser* m_browser = nullptr;
    DocumentLinkOpener* m_links = nullptr;
    SourceView m_view;
    BrowsingHistory m_history;
    BrowsingHistory::Place m_place; // what is on show
    QList<QTextEdit::ExtraSelection> m_passage;
    int m_zoom = 0;
    int m_generation = 0;
};

} // namespace docrag
