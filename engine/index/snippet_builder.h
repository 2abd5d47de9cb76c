#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace docrag {

struct Snippet final {
    QString text;
    QList<std::pair<int, int>> highlights; // (start, length) of matched words in `text`
};

// The most query-dense window of a passage, cut at word boundaries, whitespace collapsed.
class SnippetBuilder final {
public:
    static constexpr int kDefaultWidth = 240;

    // `terms`: lowercase query words, as TextAnalyzer::contentWords() gives them.
    static Snippet build(const QString& text, const QStringList& terms, int width = kDefaultWidth);
};

} // namespace docrag
