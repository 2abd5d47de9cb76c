// libFuzzer target: reading a table of contents, as Sphinx HTML and as Markdown links. Whatever the
// input, every entry is an absolute path and no document is listed twice: the library's tree relies
// on both.
#include "engine/ingest/toc_reader.h"
#include "tests/fuzz/loader_fuzz.h"

#include <QSet>

namespace {

void check(const std::vector<docrag::TocEntry>& entries, QSet<QString>& seen) {
    for (const docrag::TocEntry& e : entries) {
        if (!e.path.startsWith(QLatin1Char('/')))
            docrag::fuzz::fail("an entry that is not an absolute path");
        if (seen.contains(e.path))
            docrag::fuzz::fail("a document listed twice");
        seen.insert(e.path);
        check(e.children, seen);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QSet<QString> html;
    check(docrag::TocReader::fromSphinxHtml(input, QStringLiteral("/docs")), html);
    QSet<QString> markdown;
    check(docrag::TocReader::fromMarkdown(input, QStringLiteral("/docs")), markdown);
    return 0;
}
