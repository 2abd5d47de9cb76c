#pragma once

#include "engine/ingest/loader.h"

#include <QString>

#include <memory>

namespace docrag {

class CodeLoader;
class HtmlLoader;
class MarkdownLoader;
class PdfLoader;
class RstLoader;
class TextLoader;

// Chooses the loader for a file from its name. Thread-safe: loaders are stateless.
class LoaderRegistry final {
public:
    LoaderRegistry();
    ~LoaderRegistry();
    LoaderRegistry(const LoaderRegistry&) = delete;
    LoaderRegistry& operator=(const LoaderRegistry&) = delete;

    // nullptr when the file type is known not to hold text (images, archives, fonts, ...).
    const Loader* loaderFor(const QString& path) const;

private:
    std::unique_ptr<MarkdownLoader> m_markdown;
    std::unique_ptr<HtmlLoader> m_html;
    std::unique_ptr<RstLoader> m_rst;
    std::unique_ptr<TextLoader> m_text;
    std::unique_ptr<CodeLoader> m_code;
    std::unique_ptr<PdfLoader> m_pdf;
};

} // namespace docrag
