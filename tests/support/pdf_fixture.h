#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace docrag::test {

// Writes small, valid PDF 1.4 files by hand so that PDF tests need no binary fixtures:
// one page per entry of `pageTexts` ('\n' separates lines, an empty line separates paragraphs),
// uncompressed content streams in the standard Helvetica font, an Info dictionary with the
// title when one is given, and a correct cross-reference table. ASCII text only.
class PdfFixture final {
public:
    static QByteArray build(const QStringList& pageTexts, const QString& title = {});

private:
    static QByteArray escape(const QString& text);
    static QByteArray contentStream(const QString& pageText);
};

} // namespace docrag::test
