#include "engine/ingest/rst_table.h"

#include "engine/ingest/rst_inline.h"

#include <algorithm>

namespace docrag {
namespace {

bool isDashLine(QStringView body) {
    return !body.isEmpty() && std::all_of(body.begin(), body.end(), [](QChar c) {
        return c == QLatin1Char('-') || c == QLatin1Char(' ');
    });
}

} // namespace

bool RstTable::isGridBorder(QStringView body) {
    return (body.startsWith(QLatin1String("+-")) || body.startsWith(QLatin1String("+="))) &&
           body.endsWith(QLatin1Char('+'));
}

bool RstTable::isSimpleBorder(QStringView body) {
    int columns = 0;
    bool inColumn = false;
    for (const QChar c : body) {
        if (c == QLatin1Char('=')) {
            columns += inColumn ? 0 : 1;
            inColumn = true;
        } else if (c == QLatin1Char(' ')) {
            inColumn = false;
        } else {
            return false;
        }
    }
    return columns >= 2 && body.startsWith(QLatin1Char('='));
}

// Rows between '+' borders; a row may span several text lines.
std::size_t RstTable::parseGrid(std::size_t i) {
    const int indent = m_lines[i].indent;
    QStringList cells;
    std::size_t rowStart = 0;
    std::size_t j = i;
    for (; j < m_lines.size() && !m_lines[j].blank() && m_lines[j].indent == indent; ++j) {
        const QStringView body = m_lines[j].body();
        if (body.startsWith(QLatin1Char('+'))) {
            addRow(cells, rowStart, j - 1);
            continue;
        }
        if (!body.startsWith(QLatin1Char('|')))
            break;
        if (cells.isEmpty())
            rowStart = j;
        const QList<QStringView> parts = body.sliced(1).split(QLatin1Char('|'));
        for (qsizetype c = 0; c < parts.size(); ++c) {
            if (c >= cells.size())
                cells.append(QString());
            cells[c] += QLatin1Char(' ');
            cells[c] += parts[c];
        }
    }
    addRow(cells, rowStart, j - 1);
    return j;
}

// Columns start where the '=' runs of the top border start; a row whose first
// cell is empty continues the row above.
std::size_t RstTable::parseSimple(std::size_t i) {
    const RstLine& top = m_lines[i];
    std::vector<qsizetype> columns;
    for (qsizetype k = 0; k < top.body().size(); ++k) {
        if (top.body()[k] == QLatin1Char('=') && (k == 0 || top.body()[k - 1] == QLatin1Char(' ')))
            columns.push_back(top.content + k);
    }
    QStringList cells;
    std::size_t rowStart = 0;
    int borders = 1;
    std::size_t j = i + 1;
    for (; j < m_lines.size(); ++j) {
        const RstLine& line = m_lines[j];
        if (line.blank() || isDashLine(line.body())) {
            addRow(cells, rowStart, j - 1);
            continue;
        }
        if (line.indent < top.indent)
            break;
        if (isSimpleBorder(line.body())) {
            addRow(cells, rowStart, j - 1);
            if (++borders >= 2 && (j + 1 == m_lines.size() || m_lines[j + 1].blank()))
                return j + 1;
            continue;
        }
        const auto cell = [&line, &columns](std::size_t c) {
            const qsizetype from = std::min(columns[c], line.text.size());
            const qsizetype to =
                c + 1 < columns.size() ? std::min(columns[c + 1], line.text.size()) : line.text.size();
            return line.text.sliced(from, to - from).toString();
        };
        if (!cells.isEmpty() && cell(0).trimmed().isEmpty()) {
            for (std::size_t c = 1; c < columns.size(); ++c)
                cells[static_cast<qsizetype>(c)] += QLatin1Char(' ') + cell(c);
            continue;
        }
        addRow(cells, rowStart, j - 1);
        rowStart = j;
        for (std::size_t c = 0; c < columns.size(); ++c)
            cells.append(cell(c));
    }
    addRow(cells, rowStart, j - 1);
    return j;
}

void RstTable::addRow(QStringList& cells, std::size_t first, std::size_t last) {
    QStringList visible;
    for (const QString& cell : std::as_const(cells)) {
        if (QString text = RstInline::reduce(cell); !text.isEmpty())
            visible.append(text);
    }
    if (!visible.isEmpty())
        m_rows.push_back({visible.join(QLatin1String(" | ")), first, last});
    cells.clear();
}

} // namespace docrag
