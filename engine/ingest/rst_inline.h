#pragma once

#include <QString>
#include <QStringView>

namespace docrag {

// reST inline markup as a reader sees it, and the ids docutils gives section titles.
class RstInline final {
public:
    RstInline() = delete;

    // The visible text of one paragraph, title or cell: ``literals``, *emphasis*, **strong**,
    // :roles:`text`, `references <target>`_, name_, [1]_ and |substitutions| lose their markup,
    // backslash escapes are resolved and whitespace is collapsed. One pass; markup reaches at
    // most a bounded distance, so stray markers never make it quadratic.
    static QString reduce(QStringView text);

    // docutils.nodes.make_id: ASCII only, non-alphanumerics become '-', no leading digits or '-'.
    static QString docutilsId(const QString& text);

    // The anchor of a section titled `text`: docutilsId, or a Unicode slug when that is empty.
    static QString sectionId(const QString& text);
};

} // namespace docrag
