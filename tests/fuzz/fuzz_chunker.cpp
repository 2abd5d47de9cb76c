// libFuzzer target: the Chunker, on documents of any shape. The first four bytes choose the options;
// the rest is one block per line, its first character saying which kind:
//   '#' x N  heading of level N (7 and more are soft headings: API definitions)
//   '/' x N  end of the soft heading of level N
//   '`'      code block
//   anything else a paragraph; U+001F in a line stands for a line break inside the block.
// Blank lines are dropped, as loaders drop them.
#include "engine/ingest/chunker.h"
#include "tests/fuzz/loader_fuzz.h"

#include <QString>

namespace {

docrag::ChunkerOptions optionsFrom(const uint8_t* data) {
    // Within what the settings allow: a target of 16 to 1039 tokens, a larger code limit, some overlap.
    docrag::ChunkerOptions options;
    options.targetTokens = 16 + data[0] * 4;
    options.maxTokens = options.targetTokens + data[1] * 4;
    options.overlapTokens = data[2] % (options.targetTokens / 2 + 1);
    options.minTokens = data[3] % (options.targetTokens + 1);
    return options;
}

docrag::Block blockFrom(QString line, int number) {
    docrag::Block block;
    block.lineStart = number;
    block.lineEnd = number;
    block.page = number / 40;
    const auto marks = [&](QChar mark) {
        int n = 0;
        while (n < line.size() && line[n] == mark)
            ++n;
        return n;
    };
    if (const int level = marks(QLatin1Char('#')); level > 0) {
        block.kind = docrag::BlockKind::Heading;
        block.level = level;
        block.anchor = QStringLiteral("h%1").arg(number);
        line.remove(0, level);
    } else if (const int end = marks(QLatin1Char('/')); end > 0) {
        block.kind = docrag::BlockKind::HeadingEnd;
        block.level = end;
        line.remove(0, end);
    } else if (line.startsWith(QLatin1Char('`'))) {
        block.kind = docrag::BlockKind::Code;
        block.language = QStringLiteral("python");
        line.remove(0, 1);
    }
    block.text = line.replace(QChar(0x1f), QLatin1Char('\n'));
    return block;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 4)
        return 0;
    const docrag::Chunker chunker(optionsFrom(data));
    docrag::ParsedDocument document;
    document.title = QStringLiteral("Fuzz");
    document.format = QStringLiteral("markdown");
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data + 4), static_cast<qsizetype>(size - 4));
    int number = 0;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        docrag::Block block = blockFrom(line, ++number);
        // Loaders never make a block of blank text but for the end of a definition.
        if (block.kind == docrag::BlockKind::HeadingEnd || !block.text.trimmed().isEmpty())
            document.blocks.push_back(std::move(block));
    }
    for (const docrag::Chunk& chunk : chunker.chunk(document)) {
        if (chunk.locStart > 0 && chunk.locEnd < chunk.locStart)
            docrag::fuzz::fail("chunk line range ends before it starts");
        if (chunk.text.trimmed().isEmpty())
            docrag::fuzz::fail("empty chunk");
    }
    return 0;
}
