#pragma once

#include "engine/ingest/loader.h"

namespace docrag {

// HTML5 via gumbo: title, h1-h6 with their anchors, definition terms with ids as soft headings, pre/code
// blocks, main content only (no script, style, nav). List items and table rows made of nothing but links
// (Sphinx toctrees, genindex pages) are navigation and are dropped; links rendered as code references
// (lists of functions or constants) are content and stay.
class HtmlLoader final : public Loader {
protected:
    Result<ParsedDocument> parse(const QString& path, const QByteArray& bytes,
                                 BlockBudget& budget) const override;
};

} // namespace docrag
