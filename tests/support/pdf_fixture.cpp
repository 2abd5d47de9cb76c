#include "tests/support/pdf_fixture.h"

#include <vector>

namespace docrag::test {
namespace {

constexpr int kFontSize = 10;
constexpr int kLeading = 14; // baseline to baseline; a blank line moves down one more leading
constexpr int kLeft = 72;
constexpr int kTop = 740;

} // namespace

QByteArray PdfFixture::escape(const QString& text) {
    QByteArray out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '(' || u == ')' || u == '\\')
            out += '\\';
        out += u >= 0x20 && u < 0x7F ? static_cast<char>(u) : '?';
    }
    return out;
}

QByteArray PdfFixture::contentStream(const QString& pageText) {
    QByteArray stream = "BT\n/F1 " + QByteArray::number(kFontSize) + " Tf\n" + QByteArray::number(kLeft) +
                        ' ' + QByteArray::number(kTop) + " Td\n";
    int pendingDrop = 0;
    bool first = true;
    for (const QString& line : pageText.split(QLatin1Char('\n'))) {
        if (!first)
            pendingDrop += kLeading;
        first = false;
        if (line.trimmed().isEmpty())
            continue;
        if (pendingDrop > 0)
            stream += "0 -" + QByteArray::number(pendingDrop) + " Td\n";
        pendingDrop = 0;
        stream += '(' + escape(line) + ") Tj\n";
    }
    stream += "ET\n";
    return stream;
}

QByteArray PdfFixture::build(const QStringList& pageTexts, const QString& title) {
    // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream per page, then Info.
    const int pageCount = static_cast<int>(pageTexts.size());
    const int infoNumber = 4 + 2 * pageCount;
    const bool hasInfo = !title.isEmpty();
    const int objectCount = hasInfo ? infoNumber : infoNumber - 1;

    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<qsizetype> offsets(static_cast<std::size_t>(objectCount) + 1, 0);
    const auto addObject = [&pdf, &offsets](int number, const QByteArray& body) {
        offsets[static_cast<std::size_t>(number)] = pdf.size();
        pdf += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
    };

    QByteArray kids;
    for (int i = 0; i < pageCount; ++i)
        kids += QByteArray::number(4 + 2 * i) + " 0 R ";
    addObject(1, "<< /Type /Catalog /Pages 2 0 R >>");
    addObject(2, "<< /Type /Pages /Kids [ " + kids + "] /Count " + QByteArray::number(pageCount) + " >>");
    addObject(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (int i = 0; i < pageCount; ++i) {
        const int pageNumber = 4 + 2 * i;
        addObject(pageNumber,
                  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 "
                  "3 0 R >> >> /Contents " +
                      QByteArray::number(pageNumber + 1) + " 0 R >>");
        const QByteArray stream = contentStream(pageTexts.at(i));
        addObject(pageNumber + 1, "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" +
                                      stream + "\nendstream");
    }
    if (hasInfo)
        addObject(infoNumber, "<< /Title (" + escape(title) + ") /Producer (DocRag PdfFixture) >>");

    const qsizetype xrefOffset = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objectCount + 1) + "\n0000000000 65535 f \n";
    for (int number = 1; number <= objectCount; ++number)
        pdf += QByteArray::number(offsets[static_cast<std::size_t>(number)]).rightJustified(10, '0') +
               " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objectCount + 1) + " /Root 1 0 R";
    if (hasInfo)
        pdf += " /Info " + QByteArray::number(infoNumber) + " 0 R";
    pdf += " >>\nstartxref\n" + QByteArray::number(xrefOffset) + "\n%%EOF\n";
    return pdf;
}

} // namespace docrag::test
