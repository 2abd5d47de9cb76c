#include "engine/ingest/pdf_loader.h"

#include "engine/ingest/pdf_module.h"

#include <QFileInfo>
#include <QStringList>

#include <limits>

namespace docrag {
namespace {

bool endsWithHyphenatedWord(const QString& text) {
    return text.size() >= 2 && text.back() == QLatin1Char('-') && text.at(text.size() - 2).isLetter();
}

// Gathers the lines of one paragraph: collapses whitespace and re-joins words split across a
// line break ("exam-" + "ple" -> "example").
class ParagraphBuilder final {
public:
    bool isEmpty() const { return m_text.isEmpty(); }

    void addLine(const QString& line, int number) {
        const QString simplified = line.simplified();
        if (m_text.isEmpty()) {
            m_lineStart = number;
        } else if (endsWithHyphenatedWord(m_text) && simplified.front().isLower()) {
            m_text.chop(1);
        } else {
            m_text += QLatin1Char(' ');
        }
        m_text += simplified;
        m_lineEnd = number;
    }

    Block take(int page) {
        Block block;
        block.kind = BlockKind::Paragraph;
        block.text = std::move(m_text);
        block.page = page;
        block.lineStart = m_lineStart;
        block.lineEnd = m_lineEnd;
        m_text.clear();
        return block;
    }

private:
    QString m_text;
    int m_lineStart = 0;
    int m_lineEnd = 0;
};

// False once the file's budget is spent.
bool appendPageBlocks(const QString& pageText, int page, std::vector<Block>& blocks, BlockBudget& budget) {
    ParagraphBuilder paragraph;
    const QStringList lines = pageText.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.trimmed().isEmpty()) {
            if (!paragraph.isEmpty() && !budget.append(blocks, paragraph.take(page)))
                return false;
            continue;
        }
        paragraph.addLine(line, static_cast<int>(i) + 1);
    }
    return paragraph.isEmpty() || budget.append(blocks, paragraph.take(page));
}

// What the module reports, gathered into the document.
struct Reading final {
    ParsedDocument& document;
    BlockBudget& budget;
    QString error;

    static void title(void* context, const char* text, size_t size) {
        const QString title = QString::fromUtf8(text, static_cast<qsizetype>(size)).simplified();
        if (!title.isEmpty())
            static_cast<Reading*>(context)->document.title = title;
    }
    static int page(void* context, int number, const char* text, size_t size) {
        auto* reading = static_cast<Reading*>(context);
        return appendPageBlocks(QString::fromUtf8(text, static_cast<qsizetype>(size)), number,
                                reading->document.blocks, reading->budget)
                   ? 1
                   : 0;
    }
    static void failed(void* context, const char* text, size_t size) {
        static_cast<Reading*>(context)->error = QString::fromUtf8(text, static_cast<qsizetype>(size));
    }
};

} // namespace

Result<ParsedDocument> PdfLoader::parse(const QString& path, const QByteArray& bytes,
                                        BlockBudget& budget) const {
    if (bytes.size() > std::numeric_limits<int>::max())
        return Error{ErrorCode::TooLarge, QStringLiteral("PDF is larger than 2 GiB")};
    ParsedDocument document;
    document.format = QStringLiteral("pdf");
    document.title = QFileInfo(path).completeBaseName();
    if (bytes.isEmpty())
        return document;
    const Result<const PdfModule*> module = PdfModule::get();
    if (!module)
        return module.error();
    Reading reading{document, budget, {}};
    const DocragPdfSink sink{&reading, &Reading::title, &Reading::page, &Reading::failed};
    switch ((*module)->read(bytes.constData(), static_cast<int>(bytes.size()), sink)) {
    case DocragPdfOk:
        return document;
    case DocragPdfNotPdf:
        return Error{ErrorCode::Corrupt, QStringLiteral("not a valid PDF (poppler could not open it)")};
    case DocragPdfLocked:
        return Error{ErrorCode::Unsupported, QStringLiteral("PDF is password-protected")};
    default:
        return Error{ErrorCode::Corrupt, QStringLiteral("not a valid PDF: %1").arg(reading.error)};
    }
}

} // namespace docrag
