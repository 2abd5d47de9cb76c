#include "engine/ingest/text_loader.h"

#include "engine/ingest/text_decoder.h"

#include <QFileInfo>

#include <algorithm>

namespace docrag {
namespace {

QStringView rstripped(QStringView line) {
    while (!line.isEmpty() && line.back().isSpace())
        line.chop(1);
    return line;
}

// One paragraph under construction; lines are joined with '\n' so that the
// layout of addresses, poems and ASCII tables survives. A paragraph (or a line) longer than a block may
// be goes out in pieces as it grows, so that a one-line file is never copied whole.
class ParagraphCollector final {
public:
    ParagraphCollector(std::vector<Block>& blocks, BlockBudget& budget)
        : m_blocks(blocks)
        , m_budget(budget) {}

    // False once the file's budget is spent.
    bool addLine(QStringView line, int number) {
        if (m_text.isEmpty())
            m_first = number;
        else
            m_text += QLatin1Char('\n');
        m_last = number;
        const qsizetype most = std::max(16, m_budget.limits().maxBlockChars);
        for (qsizetype at = 0; at < line.size(); at += most) {
            m_text += line.sliced(at, std::min(most, line.size() - at));
            if (m_text.size() >= most && !finish())
                return false;
        }
        return true;
    }

    bool finish() {
        if (m_text.isEmpty())
            return !m_budget.spent();
        Block block;
        block.kind = BlockKind::Paragraph;
        block.text = std::move(m_text);
        block.lineStart = m_first;
        block.lineEnd = m_last;
        m_text = QString();
        m_first = m_last;
        return m_budget.append(m_blocks, std::move(block));
    }

private:
    std::vector<Block>& m_blocks;
    BlockBudget& m_budget;
    QString m_text;
    int m_first = 0;
    int m_last = 0;
};

} // namespace

Result<ParsedDocument> TextLoader::parse(const QString& path, const QByteArray& bytes,
                                         BlockBudget& budget) const {
    Result<DecodedText> decoded = TextDecoder::decode(bytes);
    if (!decoded)
        return decoded.error();

    ParsedDocument doc;
    doc.format = QStringLiteral("text");
    doc.title = QFileInfo(path).completeBaseName();
    if (const QString note = TextDecoder::noteFor(*decoded); !note.isEmpty())
        doc.notes.append(note);

    const QString& text = decoded->text;
    ParagraphCollector paragraph(doc.blocks, budget);
    int number = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        // "\r\n", "\n" and a lone "\r" all end a line.
        qsizetype end = pos;
        while (end < text.size() && text[end] != QLatin1Char('\n') && text[end] != QLatin1Char('\r'))
            ++end;
        ++number;
        const QStringView line = rstripped(QStringView(text).sliced(pos, end - pos));
        if (!(line.isEmpty() ? paragraph.finish() : paragraph.addLine(line, number)))
            return doc;
        const bool crlf =
            end + 1 < text.size() && text[end] == QLatin1Char('\r') && text[end + 1] == QLatin1Char('\n');
        pos = end + (crlf ? 2 : 1);
    }
    paragraph.finish();
    return doc;
}

} // namespace docrag
