#pragma once

#include "ui/chat/transcript_entry.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace docrag {

// A conversation as a Markdown file. What it copies is escaped for the viewers people open it in (most
// render raw HTML): questions, titles, paths and errors are text, so every character that Markdown or HTML
// would read as markup is escaped; answers stay Markdown, with raw HTML shown as text.
class MarkdownExport final {
    Q_DECLARE_TR_FUNCTIONS(MarkdownExport)

public:
    static QString conversation(const std::vector<TranscriptEntry>& entries);
    // Plain text as Markdown that shows exactly that text.
    static QString escapeText(const QString& text);
    // Markdown whose raw HTML (and <autolinks>) shows as written; code is left as it is.
    static QString withoutHtml(const QString& markdown);
};

} // namespace docrag
