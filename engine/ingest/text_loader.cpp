#include "engine/ingest/text_loader.h"

#include "engine/ingest/text_decoder.h"

#include <QFileInfo>

namespace docrag {
namespace {

QStringView rstripped(QStringView line) {
    while (!line.isEmpty() && line.back().isSpace())
        line.chop(1);
    return line;
}

// One paragraph under construction; lines are joined with '\n' so that the
// layout of addresses, poems and ASCII tables survives.
class ParagraphCollector final {
public:
    explicit ParagraphCollector(std::vector<Block>& blocks)
        : m_blocks(blocks) {}

    void addLine(QStringView line, int number) {
        if (m_text.isEmpty())
            m_first = number;
        else
            m_text += QLatin1Char('\n');
        m_text += line;
        m_last = number;
    }

    void finish() {
        if (m_text.isEmpty())
            return;
        Block block;
        block.kind = BlockKind::Paragraph;
        block.text = std::move(m_text);
        block.lineStart = m_first;
        block.lineEnd = m_last;
        m_blocks.push_back(std::move(block));
        m_text = QString();
    }

private:
    std::vector<Block>& m_blocks;
    QString m_text;
    int m_first = 0;
    int m_last = 0;
};

} // namespace

Result<ParsedDocument> TextLoader::load(const QString& path, const QByteArray& bytes) const {
    Result<DecodedText> decoded = TextDecoder::decode(bytes);
    if (!decoded)
        return decoded.error();

    ParsedDocument doc;
    doc.format = QStringLiteral("text");
    doc.title = QFileInfo(path).completeBaseName();
    if (const QString note = TextDecoder::noteFor(*decoded); !note.isEmpty())
        doc.notes.append(note);

    const QString& text = decoded->text;
    ParagraphCollector paragraph(doc.blocks);
    int number = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        // "\r\n", "\n" and a lone "\r" all end a line.
        qsizetype end = pos;
        while (end < text.size() && text[end] != QLatin1Char('\n') && text[end] != QLatin1Char('\r'))
            ++end;
        ++number;
        const QStringView line = rstripped(QStringView(text).sliced(pos, end - pos));
        if (line.isEmpty())
            paragraph.finish();
        else
            paragraph.addLine(line, number);
        const bool crlf =
            end + 1 < text.size() && text[end] == QLatin1Char('\r') && text[end + 1] == QLatin1Char('\n');
        pos = end + (crlf ? 2 : 1);
    }
    paragraph.finish();
    return doc;
}

} // namespace docrag
