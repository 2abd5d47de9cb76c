#include "engine/ingest/mkdocs_nav.h"

#include <QDir>
#include <QRegularExpression>
#include <QStringList>

namespace docrag {
namespace {

QString unquoted(QString text) {
    text = text.trimmed();
    if (text.size() >= 2 && (text.front() == u'\'' || text.front() == u'"') && text.back() == text.front())
        text = text.mid(1, text.size() - 2);
    return text;
}

int indentOf(const QString& line) {
    int n = 0;
    while (n < line.size() && line[n] == u' ')
        ++n;
    return n;
}

struct Open final {
    int indent;
    std::vector<TocEntry>* items;
};

} // namespace

QString MkDocsNav::docsFolder(const QByteArray& config, const QString& configFolder) {
    static const QRegularExpression docsDir(QStringLiteral(R"(^docs_dir:\s*(.+?)\s*$)"),
                                            QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = docsDir.match(QString::fromUtf8(config));
    const QString folder = m.hasMatch() ? unquoted(m.captured(1)) : QStringLiteral("docs");
    return QDir::cleanPath(QDir(configFolder).absoluteFilePath(folder));
}

std::vector<TocEntry> MkDocsNav::parse(const QByteArray& config, const QString& configFolder) {
    const QDir docs(docsFolder(config, configFolder));
    const QStringList lines = QString::fromUtf8(config).split(QLatin1Char('\n'));
    std::vector<TocEntry> top;
    qsizetype i = 0;
    while (i < lines.size() && !lines[i].startsWith(QLatin1String("nav:")))
        ++i;
    // Each item goes under the innermost open section indented less than it.
    std::vector<Open> open{{-1, &top}};
    for (++i; i < lines.size(); ++i) {
        const QString& line = lines[i];
        const QString text = line.trimmed();
        if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
            continue;
        const int indent = indentOf(line);
        if (indent == 0 && !text.startsWith(QLatin1Char('-')))
            break; // the next top-level key
        if (!text.startsWith(QLatin1String("- ")))
            break;
        while (open.size() > 1 && open.back().indent >= indent)
            open.pop_back();
        const QString item = text.mid(2).trimmed();
        TocEntry entry;
        QString target;
        // "Title: page.md" (the title may be quoted and hold ": " itself only when quoted).
        static const QRegularExpression titled(QStringLiteral(R"(^('[^']*'|"[^"]*"|[^:'"]+):(\s+(.*))?$)"));
        if (const QRegularExpressionMatch m = titled.match(item); m.hasMatch()) {
            entry.title = unquoted(m.captured(1));
            target = unquoted(m.captured(3));
        } else {
            target = unquoted(item);
        }
        const bool web = target.contains(QLatin1String("://"));
        if (!target.isEmpty() && !web)
            entry.path = QDir::cleanPath(docs.absoluteFilePath(target));
        if (web)
            continue;
        std::vector<TocEntry>& into = *open.back().items;
        into.push_back(std::move(entry));
        // A section: what is indented under it is its items. The pointer stays valid: `into` only grows
        // again once this section is closed (popped) by an item indented no deeper than it.
        if (target.isEmpty())
            open.push_back({indent, &into.back().children});
    }
    return top;
}

} // namespace docrag
