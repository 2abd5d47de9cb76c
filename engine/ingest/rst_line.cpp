#include "engine/ingest/rst_line.h"

namespace docrag {
namespace {

constexpr int kTabWidth = 8;

} // namespace

std::vector<RstLine> RstLine::split(const QString& text) {
    std::vector<RstLine> lines;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = pos;
        while (end < text.size() && text[end] != QLatin1Char('\n') && text[end] != QLatin1Char('\r'))
            ++end;
        RstLine line;
        line.text = QStringView(text).sliced(pos, end - pos);
        while (!line.text.isEmpty() && line.text.back().isSpace())
            line.text.chop(1);
        while (line.content < line.text.size() && line.text[line.content].isSpace()) {
            line.indent = line.text[line.content] == QLatin1Char('\t')
                              ? (line.indent / kTabWidth + 1) * kTabWidth
                              : line.indent + 1;
            ++line.content;
        }
        lines.push_back(line);
        const bool crlf =
            end + 1 < text.size() && text[end] == QLatin1Char('\r') && text[end + 1] == QLatin1Char('\n');
        pos = end + (crlf ? 2 : 1);
    }
    return lines;
}

} // namespace docrag
