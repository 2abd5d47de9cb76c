#include "tests/support/block_dump.h"

namespace docrag::test {

QString BlockDump::describe(const Block& block) {
    QString kind;
    switch (block.kind) {
    case BlockKind::Heading:
        kind = QStringLiteral("H%1").arg(block.level);
        break;
    case BlockKind::HeadingEnd:
        kind = QStringLiteral("/H%1").arg(block.level);
        break;
    case BlockKind::Paragraph:
        kind = QStringLiteral("P");
        break;
    case BlockKind::Code:
        kind = QStringLiteral("C[%1]").arg(block.language);
        break;
    }
    if (block.page != 0)
        kind += QStringLiteral(" p%1").arg(block.page);
    return QStringLiteral("%1 %2-%3 #%4 %5")
        .arg(kind)
        .arg(block.lineStart)
        .arg(block.lineEnd)
        .arg(block.anchor, block.text);
}

QStringList BlockDump::describeAll(const ParsedDocument& document) {
    QStringList lines;
    lines.reserve(static_cast<qsizetype>(document.blocks.size()));
    for (const Block& block : document.blocks)
        lines.append(describe(block));
    return lines;
}

} // namespace docrag::test
