#pragma once

#include "engine/ingest/toc_reader.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace docrag {

// The `nav` of an MkDocs configuration (mkdocs.yml): its pages in order, its sections as entries with a
// title and no path. Only the block list MkDocs documents is read ("- Title: page.md", "- page.md",
// "- Section:" with its items indented under it), not YAML at large: anything else ends the nav.
class MkDocsNav final {
public:
    // `config` is the file's text; pages resolve against the docs folder it names (docs_dir, by default
    // "docs" beside the file in `configFolder`).
    static std::vector<TocEntry> parse(const QByteArray& config, const QString& configFolder);
    static QString docsFolder(const QByteArray& config, const QString& configFolder);
};

} // namespace docrag
