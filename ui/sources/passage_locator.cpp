#include "ui/sources/passage_locator.h"

#include <QRegularExpression>
#include <QTextBlock>

namespace docrag {
namespace {

QStringList wordsOf(const QString& text) {
    static const QRegularExpression word(QStringLiteral("\\w+"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    QStringList words;
    for (auto it = word.globalMatch(text); it.hasNext();)
        words << it.next().captured(0);
    return words;
}

QRegularExpression sequence(const QStringList& words) {
    QStringList escaped;
    for (const QString& w : words)
        escaped << QRegularExpression::escape(w);
    return QRegularExpression(escaped.join(QStringLiteral("\\W+")),
                              QRegularExpression::CaseInsensitiveOption |
                                  QRegularExpression::UseUnicodePropertiesOption);
}

} // namespace

QTextCursor PassageLocator::locate(QTextDocument& document, const SourceView& view) {
    if (!view.targetFound)
        return {};
    const bool lines =
        view.format == SourceView::Format::PlainText || view.format == SourceView::Format::Code;
    if (lines && view.target.locStart > 0 && view.target.locEnd >= view.target.locStart &&
        view.target.page == 0) {
        QTextCursor c = byLines(document, view.target.locStart, view.target.locEnd);
        if (!c.isNull())
            return c;
    }
    const int anchored = view.target.anchor.isEmpty() ? -1 : anchorPosition(document, view.target.anchor);
    if (anchored >= 0) {
        QTextCursor c = byWords(document, view.target.text, anchored);
        if (!c.isNull())
            return c;
    }
    return byWords(document, view.target.text, 0);
}

int PassageLocator::anchorPosition(const QTextDocument& document, const QString& anchor) {
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().anchorNames().contains(anchor))
                return it.fragment().position();
        }
    }
    return -1;
}

QTextCursor PassageLocator::byLines(QTextDocument& document, int first, int last) {
    const QTextBlock start = document.findBlockByNumber(first - 1);
    const QTextBlock end = document.findBlockByNumber(std::min(last, document.blockCount()) - 1);
    if (!start.isValid() || !end.isValid())
        return {};
    QTextCursor c(&document);
    c.setPosition(start.position());
    c.setPosition(end.position() + end.length() - 1, QTextCursor::KeepAnchor);
    return c;
}

QTextCursor PassageLocator::byWords(QTextDocument& document, const QString& passage, int from) {
    const QStringList words = wordsOf(passage);
    if (words.isEmpty())
        return {};
    // The longest opening run of words that is found; shorter runs tolerate text the renderer dropped.
    QTextCursor start;
    for (qsizetype n : {qsizetype(8), qsizetype(5), qsizetype(3), qsizetype(1)}) {
        if (n > words.size() && n != 1)
            continue;
        start = document.find(sequence(words.mid(0, std::min(n, words.size()))), from);
        if (!start.isNull())
            break;
    }
    if (start.isNull())
        return {};
    QTextCursor end;
    for (qsizetype n : {qsizetype(6), qsizetype(3), qsizetype(1)}) {
        if (words.size() <= n)
            continue;
        end = document.find(sequence(words.mid(words.size() - n)), start.selectionStart());
        if (!end.isNull())
            break;
    }
    // An end far beyond the passage's length is the same words elsewhere: keep the passage's length.
    const int longest = static_cast<int>(passage.size()) * 2 + 200;
    int last = end.isNull() ? start.selectionEnd() : end.selectionEnd();
    if (last - start.selectionStart() > longest)
        last = std::min(start.selectionStart() + static_cast<int>(passage.size()),
                        document.characterCount() - 1);
    QTextCursor c(&document);
    c.setPosition(start.selectionStart());
    c.setPosition(last, QTextCursor::KeepAnchor);
    return c;
}

} // namespace docrag
