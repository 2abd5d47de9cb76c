#pragma once

#include <QString>
#include <QStringView>

#include <vector>

namespace docrag {

// One source line of a reST document as the block parser measures it.
struct RstLine final {
    QStringView text;      // trailing whitespace removed
    int indent = 0;        // in columns, tabs expanded as docutils does
    qsizetype content = 0; // index of the first non-blank character

    bool blank() const { return content >= text.size(); }
    QStringView body() const { return text.sliced(content); }

    // Splits at "\n", "\r\n" and a lone "\r"; the views point into `text`, which must outlive them.
    static std::vector<RstLine> split(const QString& text);
};

} // namespace docrag
