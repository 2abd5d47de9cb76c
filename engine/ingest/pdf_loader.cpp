#include "engine/ingest/pdf_loader.h"

#include <QFileInfo>
#include <QStringList>

#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <spdlog/spdlog.h>
#include <string>

namespace docrag {
namespace {

// poppler reports every oddity of a damaged file on stderr; that belongs in our log, if anywhere.
void routePopplerMessages(const std::string& message, void*) {
    if (const auto logger = spdlog::get("docrag.ingest"))
        logger->debug("poppler: {}", message);
}

void silencePoppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(&routePopplerMessages, nullptr); });
}

QString toQString(const poppler::ustring& text) {
    const poppler::byte_array utf8 = text.to_utf8();
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

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

Result<ParsedDocument> loadPdf(const QString& path, const QByteArray& bytes, BlockBudget& budget) {
    ParsedDocument document;
    document.format = QStringLiteral("pdf");
    document.title = QFileInfo(path).completeBaseName();
    if (bytes.isEmpty())
        return document;

    silencePoppler();
    const std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.constData(), static_cast<int>(bytes.size())));
    if (!pdf)
        return Error{ErrorCode::Corrupt, QStringLiteral("not a valid PDF (poppler could not open it)")};
    if (pdf->is_locked())
        return Error{ErrorCode::Unsupported, QStringLiteral("PDF is password-protected")};

    if (const QString title = toQString(pdf->get_title()).simplified(); !title.isEmpty())
        document.title = title;
    const int pageCount = pdf->pages();
    for (int index = 0; index < pageCount; ++index) {
        const std::unique_ptr<poppler::page> page(pdf->create_page(index));
        if (page && !appendPageBlocks(toQString(page->text()), index + 1, document.blocks, budget))
            break;
    }
    return document;
}

} // namespace

Result<ParsedDocument> PdfLoader::parse(const QString& path, const QByteArray& bytes,
                                        BlockBudget& budget) const {
    if (bytes.size() > std::numeric_limits<int>::max())
        return Error{ErrorCode::TooLarge, QStringLiteral("PDF is larger than 2 GiB")};
    try {
        return loadPdf(path, bytes, budget);
    } catch (const std::exception& e) {
        return Error{ErrorCode::Corrupt,
                     QStringLiteral("not a valid PDF: %1").arg(QString::fromUtf8(e.what()))};
    } catch (...) {
        return Error{ErrorCode::Corrupt, QStringLiteral("not a valid PDF (poppler failed)")};
    }
}

} // namespace docrag
