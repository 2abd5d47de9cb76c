#pragma once

#include "engine/core/result.h"
#include "engine/core/source.h"
#include "ui/sources/source_view.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QUrl;

namespace docrag {

class DocumentLinkOpener;
class InertTextBrowser;
class RagEngine;

// The whole document a passage came from, rendered (Markdown and HTML readable, code monospace, plain
// text as is), with the passage highlighted and scrolled into view, a heading breadcrumb, a button to
// open the file in the system's viewer, and a notice when the source changed since an answer cited it.
// A document is shown, never obeyed: Markdown without raw HTML, images only from local files, links acting
// only on a click (and outside the web, only after a confirmation that shows the target).
class SourceViewer final : public QWidget {
    Q_OBJECT
public:
    explicit SourceViewer(RagEngine& engine, QWidget* parent = nullptr);

    const SourceView& view() const { return m_view; }
    // The highlighted passage as the viewer shows it; empty when none.
    QString highlightedText() const;

public slots:
    void showSource(const docrag::Source& source);
    void showChunk(qint64 documentId, qint64 chunkId);
    void openExternally();

signals:
    void shown(bool highlighted);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColours();
    void display(const Result<SourceView>& view);
    void linkClicked(const QUrl& url);

    RagEngine& m_engine;
    QLabel* m_breadcrumb = nullptr;
    QLabel* m_notice = nullptr;
    QPushButton* m_openExternal = nullptr;
    InertTextBrowser* m_browser = nullptr;
    DocumentLinkOpener* m_links = nullptr;
    SourceView m_view;
    int m_generation = 0;
};

} // namespace docrag
