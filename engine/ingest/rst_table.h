#pragma once

#include "engine/ingest/rst_line.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstddef>
#include <vector>

namespace docrag {

// reST grid and simple tables, read row by row: each row's cells lose their inline markup and are
// joined by " | ", empty cells left out.
class RstTable final {
public:
    struct Row final {
        QString text;
        std::size_t first = 0; // 0-based indices of the row's first and last source lines
        std::size_t last = 0;
    };

    // "+---+" or "+===+": the top border of a grid table.
    static bool isGridBorder(QStringView body);
    // "===  ===": two or more runs of '=', the border of a simple table.
    static bool isSimpleBorder(QStringView body);

    explicit RstTable(const std::vector<RstLine>& lines)
        : m_lines(lines) {}

    // Each reads the table whose top border is line `i` and returns the index of the first line
    // after it.
    std::size_t parseGrid(std::size_t i);
    std::size_t parseSimple(std::size_t i);
    const std::vector<Row>& rows() const { return m_rows; }

private:
    void addRow(QStringList& cells, std::size_t first, std::size_t last);

    const std::vector<RstLine>& m_lines;
    std::vector<Row> m_rows;
};

} // namespace docrag
