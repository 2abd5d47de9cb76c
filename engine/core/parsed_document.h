#pragma once

#include "engine/core/block.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace docrag {

// What a loader makes of one file: its title and an ordered list of blocks.
struct ParsedDocument final {
    QString title;
    QString format;   // "markdown", "html", "rst", "text", "code", "pdf"
    QString language; // the programming language of source files
    std::vector<Block> blocks;
    QStringList notes; // non-fatal remarks shown in the per-file status (e.g. "decoded as windows-1252")
};

} // namespace docrag
